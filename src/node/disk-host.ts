/**
 * Reads source files from disk for the CLI. Every way a path can fail to be a usable
 * `.s2s` text becomes an S2S0xxx result, never an exception: missing, a directory,
 * unreadable, too large, binary (a NUL byte), or not valid UTF-8.
 */
import { readFileSync, statSync } from "node:fs";
import { dirname, isAbsolute, normalize, relative, resolve } from "node:path";
import type { ReadResult, SourceHost } from "../source/index.js";

/** Specs are hand-written; anything bigger is almost certainly the wrong file. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

function megabytes(n: number): string {
  return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
}

/**
 * Reads `path` from disk; messages name the file as `shown` (the path the user gave),
 * not the absolute path.
 */
export function readSourceFile(path: string, shown: string = path): ReadResult {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) {
      return {
        ok: false,
        code: "S2S0002",
        message: `${shown} is a directory, not a file`,
        hint: "name a .s2s file inside it",
      };
    }
    size = st.size;
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === "ENOENT" || err.code === "ENOTDIR") {
      return { ok: false, code: "S2S0001", message: `file not found: ${shown}` };
    }
    return {
      ok: false,
      code: "S2S0007",
      message: `cannot read ${shown}: ${err.code ?? err.message}`,
    };
  }
  if (size > MAX_SOURCE_BYTES) {
    return {
      ok: false,
      code: "S2S0006",
      message: `${shown} is too large (${megabytes(size)}; the limit is ${megabytes(MAX_SOURCE_BYTES)})`,
      hint: "a spec this size is unlikely to be hand-written: check the path",
    };
  }
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    return {
      ok: false,
      code: "S2S0007",
      message: `cannot read ${shown}: ${err.code ?? err.message}`,
    };
  }
  if (bytes.includes(0)) {
    return {
      ok: false,
      code: "S2S0003",
      message: `${shown} is a binary file, not a .s2s text`,
    };
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    const line = bytes.subarray(0, at).filter((b) => b === 10).length + 1;
    return {
      ok: false,
      code: "S2S0004",
      message: `${shown} is not valid UTF-8 (the first bad byte is on line ${line}, byte offset ${at})`,
      hint: "save the file as UTF-8",
    };
  }
  // A byte-order mark is not part of the program text.
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { ok: true, text };
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

/** The disk host: paths are shown relative to the working directory when inside it. */
export function diskHost(cwd: string = process.cwd()): SourceHost {
  return {
    read: (path) => readSourceFile(isAbsolute(path) ? path : resolve(cwd, path), path),
    resolve(fromFile, rel) {
      const abs = resolve(cwd, dirname(fromFile), rel);
      const shown = relative(cwd, abs);
      return shown.startsWith("..") || isAbsolute(shown) ? abs : normalize(shown);
    },
  };
}
