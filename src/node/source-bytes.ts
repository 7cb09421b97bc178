/**
 * Reading input with a cap on what is read, not on what `stat` claims (a device, a FIFO
 * or a /proc file states size 0 and may never end), and turning bytes into text or a
 * reason they are not text: UTF-16 (a byte-order mark), binary (a NUL byte) or invalid
 * UTF-8. Shared by source files (disk-host.ts) and translate's stdin (stdin-text.ts).
 */
import { closeSync, openSync, readSync } from "node:fs";

const CHUNK = 64 * 1024;

export function mebibytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/** At most `cap + 1` bytes from `path`; `over` when there was more than `cap`. */
export function readCapped(path: string, cap: number): { bytes: Buffer; over: boolean } {
  const fd = openSync(path, "r");
  try {
    const chunks: Buffer[] = [];
    let total = 0;
    while (total <= cap) {
      const buf = Buffer.allocUnsafe(Math.min(CHUNK, cap + 1 - total));
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
    }
    return { bytes: Buffer.concat(chunks, total), over: total > cap };
  } finally {
    closeSync(fd);
  }
}

/** At most `cap + 1` bytes from a stream; stops reading (and closes it) past the cap. */
export async function readStreamCapped(
  stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  cap: number,
): Promise<{ bytes: Buffer; over: boolean }> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const c of stream) {
    const b = typeof c === "string" ? Buffer.from(c, "utf8") : Buffer.from(c);
    chunks.push(b);
    total += b.length;
    if (total > cap) break;
  }
  return { bytes: Buffer.concat(chunks, total), over: total > cap };
}

/** Why some bytes are not UTF-8 text, in words that fit after "X is …". */
export type NotText =
  | { kind: "utf16"; endian: "LE" | "BE" }
  | { kind: "binary"; offset: number }
  | { kind: "utf8"; offset: number; line: number };

/** The text of `bytes` (without a UTF-8 byte-order mark), or why it is not UTF-8 text. */
export function decodeText(bytes: Uint8Array): { text: string } | NotText {
  // UTF-16 text is full of NUL bytes; its byte-order mark says what it is.
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { kind: "utf16", endian: "LE" };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { kind: "utf16", endian: "BE" };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { kind: "binary", offset: nul };
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).filter((b) => b === 10).length + 1;
    return { kind: "utf8", offset: at, line };
  }
  // A byte-order mark is not part of the text.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text };
}

/** The command that converts a UTF-16 file to UTF-8. */
export function utf16Hint(file: string): string {
  return `convert it to UTF-8: iconv -f UTF-16 -t UTF-8 ${file} > ${file}.utf8`;
}

/** The offset of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i]!;
    const len =
      b < 0x80
        ? 1
        : b >= 0xc2 && b < 0xe0
          ? 2
          : b >= 0xe0 && b < 0xf0
            ? 3
            : b >= 0xf0 && b < 0xf5
              ? 4
              : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
    }
    // Overlong three-byte forms, surrogates and code points above U+10FFFF.
    const c1 = bytes[i + 1] ?? 0;
    if (
      (b === 0xe0 && c1 < 0xa0) ||
      (b === 0xed && c1 >= 0xa0) ||
      (b === 0xf0 && c1 < 0x90) ||
      (b === 0xf4 && c1 >= 0x90)
    ) {
      return i;
    }
    i += len;
  }
  return bytes.length;
}
