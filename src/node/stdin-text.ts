/**
 * Reads the text a command takes on stdin (translate's input lines), bounded: at most
 * MAX_STDIN_BYTES are read whatever is piped in (`< /dev/zero` ends), and input that is
 * not UTF-8 text is refused with one line saying why.
 */
import { decodeText, mebibytes, readStreamCapped } from "./source-bytes.js";

/** Far more than anyone types or pipes in to translate; past it, stdin is not read on. */
export const MAX_STDIN_BYTES = 16 * 1024 * 1024;

/** The text on `stream`, or a one-line error (without the `s2sc: ` prefix). */
export async function readStdinText(
  stream: AsyncIterable<Uint8Array | string> | Iterable<Uint8Array | string>,
  cap: number = MAX_STDIN_BYTES,
): Promise<string | { error: string }> {
  const { bytes, over } = await readStreamCapped(stream, cap);
  if (over) {
    return {
      error: `stdin is larger than the limit of ${mebibytes(cap)}; split the input into smaller parts`,
    };
  }
  const r = decodeText(bytes);
  if ("text" in r) return r.text;
  switch (r.kind) {
    case "utf16":
      return {
        error: `stdin is UTF-16 (${r.endian === "LE" ? "little" : "big"}-endian), not UTF-8; convert it: iconv -f UTF-16 -t UTF-8`,
      };
    case "binary":
      return { error: `stdin is binary (a NUL byte at byte offset ${r.offset}), not text` };
    case "utf8":
      return {
        error: `stdin is not valid UTF-8 (the first bad byte is on line ${r.line}, byte offset ${r.offset}); convert it to UTF-8`,
      };
  }
}
