/**
 * Reads source files from disk for the CLI. Every way a path can fail to be a usable
 * `.s2s` text becomes an S2S0xxx result, never an exception: missing, a directory,
 * unreadable, too large, UTF-16, binary (a NUL byte), or not valid UTF-8.
 */
import { statSync } from "node:fs";
import { dirname, isAbsolute, normalize, relative, resolve } from "node:path";
import type { ReadResult, SourceHost } from "../source/index.js";
import { decodeText, mebibytes, readCapped, utf16Hint } from "./source-bytes.js";

/** Specs are hand-written; anything bigger is almost certainly the wrong file. */
export const MAX_SOURCE_BYTES = 8 * 1024 * 1024;

const TOO_LARGE_HINT = "a spec this size is unlikely to be hand-written: check the path";

function cannotRead(shown: string, e: unknown): ReadResult {
  const err = e as NodeJS.ErrnoException;
  return {
    ok: false,
    code: "S2S0007",
    message: `cannot read ${shown}: ${err.code ?? err.message}`,
  };
}

/**
 * Reads `path` from disk; messages name the file as `shown` (the path the user gave),
 * not the absolute path. At most MAX_SOURCE_BYTES + 1 bytes are read, whatever `stat`
 * says: a device, a FIFO or a /proc file states size 0.
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
    return cannotRead(shown, e);
  }
  const limit = mebibytes(MAX_SOURCE_BYTES);
  if (size > MAX_SOURCE_BYTES) {
    return {
      ok: false,
      code: "S2S0006",
      message: `${shown} is too large (${mebibytes(size)}; the limit is ${limit})`,
      hint: TOO_LARGE_HINT,
    };
  }
  let read: { bytes: Buffer; over: boolean };
  try {
    read = readCapped(path, MAX_SOURCE_BYTES);
  } catch (e) {
    return cannotRead(shown, e);
  }
  if (read.over) {
    return {
      ok: false,
      code: "S2S0006",
      message: `${shown} is too large (more than ${limit}, the limit)`,
      hint: TOO_LARGE_HINT,
    };
  }
  const r = decodeText(read.bytes);
  if ("text" in r) return { ok: true, text: r.text };
  switch (r.kind) {
    case "utf16":
      return {
        ok: false,
        code: "S2S0008",
        message: `${shown} is UTF-16 (${r.endian === "LE" ? "little" : "big"}-endian), not UTF-8`,
        hint: utf16Hint(shown),
      };
    case "binary":
      return { ok: false, code: "S2S0003", message: `${shown} is a binary file, not a .s2s text` };
    case "utf8":
      return {
        ok: false,
        code: "S2S0004",
        message: `${shown} is not valid UTF-8 (the first bad byte is on line ${r.line}, byte offset ${r.offset})`,
        hint: "save the file as UTF-8",
      };
  }
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
