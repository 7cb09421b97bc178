/** `s2sc check FILE...`: parse, schema-check and shape-check whole files (src/api/check.ts). */
import { checkFile } from "../../node/index.js";
import { failureExitCode } from "../exit-code.js";
import { EXIT, type Io } from "../io.js";
import { reportDiagnostics, type DiagnosticFormat } from "../report.js";

export interface CheckOptions {
  format: DiagnosticFormat;
  /** Weight budget in bytes (`--memory-budget`), as `summary` and `compile` take it. */
  memoryBudget?: number;
}

export function runCheck(io: Io, files: readonly string[], opts: CheckOptions): number {
  const budget = opts.memoryBudget === undefined ? {} : { memoryBudgetBytes: opts.memoryBudget };
  const result = checkFile(files, { cwd: io.cwd, ...budget });
  reportDiagnostics(io, result.diagnostics, result.sources, opts.format);
  const failed = result.diagnostics.some((d) => d.severity === "error");
  if (opts.format === "text" && !failed) {
    const n = files.length;
    const m = result.models;
    io.stdout(`ok: ${n} file${n === 1 ? "" : "s"}, ${m} model${m === 1 ? "" : "s"}\n`);
  }
  return failed ? failureExitCode(result.diagnostics) : EXIT.ok;
}
