/**
 * The front half every model command shares: `FILE[:MODEL]` → checked model →
 * elaborated IR module → verified. Diagnostics go to stderr as text (so that a command's
 * `--json` output on stdout stays clean); a malformed module is an internal error.
 */
import type { CheckedModel } from "../check/model.js";
import { elaborate } from "../elaborate/index.js";
import type { IrModule } from "../ir/types.js";
import { verifyModule } from "../ir/verify.js";
import { diskHost } from "../node/disk-host.js";
import { EXIT, type Io } from "./io.js";
import { reportDiagnostics } from "./report.js";
import { diskIsFile, selectModel } from "./select-model.js";

export interface LoadOptions {
  /** The weight budget for elaboration (bytes); the elaborator's default when absent. */
  memoryBudgetBytes?: number | undefined;
}

/** The verified module, the checked model it was elaborated from, and the spec's text. */
export type Loaded =
  { module: IrModule; model: CheckedModel; source: string } | { exitCode: number };

export function loadModule(io: Io, spec: string, opts: LoadOptions = {}): Loaded {
  const sel = selectModel(spec, diskHost(io.cwd), diskIsFile(io.cwd));
  if (sel.model === undefined) {
    reportDiagnostics(io, sel.diagnostics, sel.sources, "text");
    return { exitCode: EXIT.input };
  }
  const elaborated = elaborate(sel.model, { memoryBudgetBytes: opts.memoryBudgetBytes });
  const diagnostics = [...sel.diagnostics, ...elaborated.diagnostics];
  // Warnings are worth seeing even when the model goes on to compile.
  reportDiagnostics(io, diagnostics, sel.sources, "text");
  const module = elaborated.module;
  if (module === undefined || diagnostics.some((d) => d.severity === "error"))
    return { exitCode: EXIT.input };
  const problems = verifyModule(module);
  if (problems.length > 0) {
    io.stderr(`s2sc: internal error: the IR of model \`${module.model}\` is malformed:\n`);
    for (const p of problems.slice(0, 20)) io.stderr(`  ${p}\n`);
    if (problems.length > 20) io.stderr(`  ... and ${problems.length - 20} more\n`);
    io.stderr("please report it\n");
    return { exitCode: EXIT.usage };
  }
  return { module, model: sel.model, source: sel.sources.get(sel.model.file) ?? "" };
}
