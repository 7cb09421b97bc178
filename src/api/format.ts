/**
 * Formatting `.s2s` text in memory, as `s2sc fmt` does: the project's prettier plugin,
 * then a re-parse that refuses any output whose meaning differs from the input. In a
 * browser, bundlers resolve `prettier` to its standalone build (its `browser` export),
 * which formats with the same plugin.
 */
import type { Diagnostic } from "../diagnostics/index.js";

export interface FormatOptions {
  /** The path the text is known by in diagnostics (default `model.s2s`). */
  path?: string;
  /** Line width (default 100, the plugin's). */
  printWidth?: number;
  /** Spaces per indentation level (default 2). */
  tabWidth?: number;
  /** Indent with tabs. */
  useTabs?: boolean;
  /** Line endings of the output (default `lf`). */
  endOfLine?: "lf" | "crlf" | "cr" | "auto";
}

export interface FormatResult {
  /** The formatted text; the input unchanged when it has syntax errors or `error` is set. */
  text: string;
  /** Whether `text` differs from the input. */
  changed: boolean;
  /** Syntax errors of the input (a file with errors is never formatted). */
  diagnostics: Diagnostic[];
  /** The formatter would have changed the meaning (a bug in s2sc); nothing was formatted. */
  error?: string;
}

/** Formats one file's text. */
export async function format(text: string, options: FormatOptions = {}): Promise<FormatResult> {
  const { path = "model.s2s", ...config } = options;
  // prettier loads on first use, not with the API.
  const { formatSource } = await import("../format/index.js");
  const outcome = await formatSource(text, path, config);
  switch (outcome.kind) {
    case "formatted":
      return { text: outcome.text, changed: outcome.changed, diagnostics: [] };
    case "syntax-errors":
      return { text, changed: false, diagnostics: outcome.diagnostics };
    case "changed-meaning":
      return {
        text,
        changed: false,
        diagnostics: [],
        error: `internal error: formatting ${path} would change its meaning; please report it`,
      };
  }
}
