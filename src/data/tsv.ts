/**
 * Parallel data from a TSV file: `source TAB target` per line, UTF-8. Every problem is a
 * DataError with the line number: an empty file, invalid UTF-8, a line without a TAB (or
 * with more than one), an empty side. Bytes in, pairs out: no file system here.
 */
import { DataError } from "./errors.js";
import { tokenize, type Tokenizer } from "./vocab.js";

/** One training pair, as tokens. */
export interface Example {
  src: string[];
  tgt: string[];
  /** The 1-based line it came from (TSV data). */
  line?: number;
}

/** The 1-based line of the first invalid UTF-8 sequence in `bytes`. */
function invalidUtf8Line(bytes: Uint8Array): number {
  const dec = new TextDecoder("utf-8", { fatal: true });
  let line = 1;
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        dec.decode(bytes.subarray(start, i));
      } catch {
        return line;
      }
      line++;
      start = i + 1;
    }
  }
  return line - 1;
}

/** Parses TSV text (already decoded); `file` is for messages. */
export function parseTsv(text: string, file: string, how: Tokenizer): Example[] {
  const lines = text.split("\n");
  const out: Example[] = [];
  lines.forEach((raw, i) => {
    const line = raw.endsWith("\r") ? raw.slice(0, -1) : raw;
    if (line === "") return;
    const n = i + 1;
    const tab = line.indexOf("\t");
    if (tab < 0) throw new DataError("the line has no TAB (expected `source<TAB>target`)", file, n);
    if (line.indexOf("\t", tab + 1) >= 0)
      throw new DataError("the line has more than one TAB (expected `source<TAB>target`)", file, n);
    const src = tokenize(line.slice(0, tab), how);
    const tgt = tokenize(line.slice(tab + 1), how);
    if (src.length === 0) throw new DataError("the source (before the TAB) is empty", file, n);
    if (tgt.length === 0) throw new DataError("the target (after the TAB) is empty", file, n);
    out.push({ src, tgt, line: n });
  });
  if (out.length === 0) throw new DataError("the file has no `source<TAB>target` lines", file);
  return out;
}

/**
 * Decodes and parses the bytes of a TSV file (reading it is the node layer's:
 * src/node/tsv-file.ts); `shown` is the path as the user wrote it.
 */
export function decodeTsv(bytes: Uint8Array, shown: string, how: Tokenizer): Example[] {
  if (bytes.length === 0) throw new DataError("the file is empty", shown);
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new DataError("invalid UTF-8", shown, invalidUtf8Line(bytes));
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return parseTsv(text, shown, how);
}
