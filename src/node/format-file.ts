/**
 * `format` over a file on disk, as `s2sc fmt` needs it: the file read as the checker
 * reads sources (a missing, binary or oversized file is an S2S0xxx diagnostic), and
 * formatted under its own prettier configuration (`.prettierrc`, `.editorconfig`).
 * Nothing is written: the caller decides whether to print, check or rewrite.
 */
import { isAbsolute, resolve } from "node:path";
import { format, type FormatOptions, type FormatResult } from "../api/index.js";
import { Diagnostics, fileStart } from "../diagnostics/index.js";
import { readSourceFile } from "./disk-host.js";

export interface FormatFileResult extends FormatResult {
  /** The file's text as read; absent when it could not be read (then `diagnostics` say why). */
  source?: string;
}

/** Formats `file` (relative to `cwd`, default `process.cwd()`; diagnostics name it as given). */
export async function formatFile(
  file: string,
  options: { cwd?: string } = {},
): Promise<FormatFileResult> {
  const path = isAbsolute(file) ? file : resolve(options.cwd ?? process.cwd(), file);
  const read = readSourceFile(path, file);
  if (!read.ok) {
    const d = new Diagnostics();
    d.add(
      read.code,
      fileStart(file),
      read.message,
      read.hint === undefined ? {} : { hint: read.hint },
    );
    return { text: "", changed: false, diagnostics: d.items };
  }
  // prettier (and its configuration search) loads on first use, not with the entry.
  const { configFor } = await import("../format/index.js");
  const config = (await configFor(path)) as FormatOptions;
  const formatted = await format(read.text, { ...config, path: file });
  return { ...formatted, source: read.text };
}
