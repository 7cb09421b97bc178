/** Prints diagnostics in the text or JSON form of cli.md. */
import {
  renderDiagnostic,
  sortDiagnostics,
  summaryLine,
  toJson,
  type Diagnostic,
} from "../node/index.js";
import { colorsFor, type Io } from "./io.js";

export type DiagnosticFormat = "text" | "json";

export function reportDiagnostics(
  io: Io,
  diagnostics: readonly Diagnostic[],
  sources: ReadonlyMap<string, string>,
  format: DiagnosticFormat,
): void {
  const sorted = sortDiagnostics(diagnostics);
  if (format === "json") {
    io.stdout(JSON.stringify({ diagnostics: sorted.map(toJson) }, null, 2) + "\n");
    return;
  }
  if (sorted.length === 0) return;
  const colors = colorsFor(io);
  io.stderr(sorted.map((d) => renderDiagnostic(d, sources, colors)).join("\n\n") + "\n");
  io.stderr(`\n${summaryLine(sorted)}\n`);
}
