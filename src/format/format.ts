/**
 * Formatting a whole file as `s2sc fmt` does: parse with the compiler's parser (a file
 * with syntax errors is reported, never formatted), print with prettier and this
 * plugin under the file's prettier configuration, then read the output back and check
 * that it means the same as the input (massage.ts). That last check is prettier's own
 * `--debug-check` made permanent: a formatter bug then costs an error message, never
 * the user's text.
 */
import * as prettier from "prettier";
import type { Diagnostic } from "../diagnostics/index.js";
import { parse } from "../parser/index.js";
import { sameMeaning } from "./massage.js";
import plugin from "./plugin.js";

export type FormatOutcome =
  | { kind: "formatted"; text: string; changed: boolean }
  | { kind: "syntax-errors"; diagnostics: Diagnostic[] }
  | { kind: "changed-meaning"; text: string };

/**
 * Formats `text`, read from `path`. `config` is the file's prettier configuration
 * (print width, indentation, end of line); the parser and plugin are always ours.
 */
export async function formatSource(
  text: string,
  path: string,
  config: prettier.Options = {},
): Promise<FormatOutcome> {
  const before = parse(text, path);
  if (before.diagnostics.some((d) => d.severity === "error"))
    return { kind: "syntax-errors", diagnostics: before.diagnostics };
  const formatted = await prettier.format(text, {
    ...config,
    filepath: path,
    parser: "s2s",
    plugins: [plugin],
  });
  const after = parse(formatted, path);
  if (after.diagnostics.some((d) => d.severity === "error") || !sameMeaning(before.ast, after.ast))
    return { kind: "changed-meaning", text: formatted };
  return { kind: "formatted", text: formatted, changed: formatted !== text };
}

/** The prettier configuration that applies to `path` (`.prettierrc`, `.editorconfig`). */
export async function configFor(path: string): Promise<prettier.Options> {
  return (await prettier.resolveConfig(path, { editorconfig: true })) ?? {};
}
