/**
 * Offsets to line/column positions for one source text.
 *
 * The lexer runs with `positionTracking: "onlyOffset"` and every range is computed here
 * instead. That keeps one convention for the whole toolchain — the one of
 * `positionAt` in diagnostics/range.ts, where only `\n` ends a line — and is cheaper than
 * letting chevrotain track lines and columns per token. Lookups are a binary search over
 * the line starts, computed once per text.
 */
import type { Position, SourceRange } from "../diagnostics/index.js";

export class LineMap {
  private readonly lineStarts: number[] = [0];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) {
      this.lineStarts.push(i + 1);
    }
  }

  /** The line (0-based) of the previous lookup: lookups mostly move forward a little. */
  private recent = 0;

  /** The position of `offset`, clamped to the text. */
  position(offset: number): Position {
    const at = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    let line = this.recent;
    if (!(starts[line]! <= at && (line + 1 >= starts.length || at < starts[line + 1]!))) {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= at) lo = mid;
        else hi = mid - 1;
      }
      line = lo;
      this.recent = line;
    }
    return { offset: at, line: line + 1, column: at - starts[line]! + 1 };
  }

  /** The half-open range [start, end). */
  range(start: number, end: number): SourceRange {
    return { file: this.file, start: this.position(start), end: this.position(end) };
  }

  /** The empty range at the end of the text, where "unexpected end of file" points. */
  endOfFile(): SourceRange {
    return this.range(this.text.length, this.text.length);
  }
}
