/**
 * Renders diagnostics for people (`file:line:col: error S2S1234: message`, the source
 * line, a caret underline, the hint) and for tools (the JSON of cli.md).
 */
import { boundMessage, snippetWindow } from "./bound.js";
import type { Diagnostic } from "./diagnostic.js";

export interface Colors {
  red(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

export const noColors: Colors = {
  red: (s) => s,
  yellow: (s) => s,
  cyan: (s) => s,
  bold: (s) => s,
  dim: (s) => s,
};

/** Tabs are shown as single spaces so that the caret lines up with the column. */
function visible(line: string): string {
  return line.replace(/\t/g, " ");
}

function sourceLine(text: string, line: number): string | undefined {
  let start = 0;
  for (let l = 1; l < line; l++) {
    const nl = text.indexOf("\n", start);
    if (nl < 0) return undefined;
    start = nl + 1;
  }
  const end = text.indexOf("\n", start);
  return text.slice(start, end < 0 ? text.length : end).replace(/\r$/, "");
}

export function renderDiagnostic(
  d: Diagnostic,
  sources: ReadonlyMap<string, string>,
  c: Colors = noColors,
): string {
  const { file, start, end } = d.range;
  const sev =
    d.severity === "error"
      ? c.red("error")
      : d.severity === "warning"
        ? c.yellow("warning")
        : c.cyan("info");
  const out = [
    `${c.bold(`${file}:${start.line}:${start.column}`)}: ${sev} ${c.dim(d.code)}: ${boundMessage(d.message)}`,
  ];
  const text = sources.get(file);
  const line = text === undefined ? undefined : sourceLine(text, start.line);
  if (line !== undefined) {
    const gutter = String(start.line);
    const pad = " ".repeat(gutter.length);
    // Underline to the end of the range on this line (at least one caret).
    const last = end.line === start.line ? Math.max(end.column, start.column + 1) : line.length + 1;
    const width = Math.max(1, Math.min(last, line.length + 1) - start.column);
    // A long line shows a window around the caret, so a report stays screen-sized.
    const shown = snippetWindow(visible(line), start.column - 1, width);
    out.push(`${c.dim(`${gutter} |`)} ${shown.text}`);
    out.push(`${c.dim(`${pad} |`)} ${" ".repeat(shown.caret)}${c.red("^".repeat(shown.width))}`);
  }
  if (d.hint !== undefined) out.push(`${c.cyan("hint")}: ${boundMessage(d.hint)}`);
  for (const r of d.related ?? []) {
    out.push(
      `${c.dim("note")}: ${boundMessage(r.message)} (${r.range.file}:${r.range.start.line}:${r.range.start.column})`,
    );
  }
  return out.join("\n");
}

/** The `--format json` shape of cli.md (1-based lines and columns). */
export interface JsonDiagnostic {
  code: string;
  severity: string;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
  related?: { message: string; file: string; line: number; column: number }[];
}

export function toJson(d: Diagnostic): JsonDiagnostic {
  const j: JsonDiagnostic = {
    code: d.code,
    severity: d.severity,
    message: d.message,
    file: d.range.file,
    line: d.range.start.line,
    column: d.range.start.column,
    endLine: d.range.end.line,
    endColumn: d.range.end.column,
  };
  if (d.hint !== undefined) j.hint = d.hint;
  if (d.related !== undefined) {
    j.related = d.related.map((r) => ({
      message: r.message,
      file: r.range.file,
      line: r.range.start.line,
      column: r.range.start.column,
    }));
  }
  return j;
}

export function summaryLine(ds: readonly Diagnostic[]): string {
  const errors = ds.filter((d) => d.severity === "error").length;
  const warnings = ds.filter((d) => d.severity === "warning").length;
  const part = (n: number, w: string) => `${n} ${w}${n === 1 ? "" : "s"}`;
  return `${part(errors, "error")}, ${part(warnings, "warning")}`;
}
