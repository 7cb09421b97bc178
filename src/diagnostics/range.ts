/** A point in a source file. `offset` is 0-based (UTF-16 code units); `line` and `column` are 1-based. */
export interface Position {
  offset: number;
  line: number;
  column: number;
}

/**
 * A half-open range [start, end) in one file: `end` is the position just after the last
 * character, so an empty range (start == end) marks a point such as end of file.
 */
export interface SourceRange {
  file: string;
  start: Position;
  end: Position;
}

/** A range covering both `a` and `b` (which must be in the same file). */
export function spanning(a: SourceRange, b: SourceRange): SourceRange {
  const start = a.start.offset <= b.start.offset ? a.start : b.start;
  const end = a.end.offset >= b.end.offset ? a.end : b.end;
  return { file: a.file, start, end };
}

/** The position of `offset` in `text` (1-based line and column). */
export function positionAt(text: string, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  const stop = Math.min(offset, text.length);
  for (let i = 0; i < stop; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { offset, line, column: offset - lineStart + 1 };
}

/** A range from two offsets in `text`. */
export function rangeOf(file: string, text: string, start: number, end: number): SourceRange {
  return { file, start: positionAt(text, start), end: positionAt(text, end) };
}

/** The empty range at the start of a file, for diagnostics about the file as a whole. */
export function fileStart(file: string): SourceRange {
  const p = { offset: 0, line: 1, column: 1 };
  return { file, start: p, end: p };
}
