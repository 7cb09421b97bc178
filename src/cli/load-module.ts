/**
 * The front half every model command shares, on the command line: `loadFile` (the
 * API's `loadModel` over the disk), with its diagnostics printed to stderr as text (so
 * that a command's `--json` output on stdout stays clean) and turned into exit codes.
 */
import { loadFile, type CheckedModel, type IrModule } from "../node/index.js";
import { failureExitCode } from "./exit-code.js";
import { EXIT, type Io } from "./io.js";
import { reportDiagnostics } from "./report.js";

export interface LoadOptions {
  /** The weight budget for elaboration (bytes); the elaborator's default when absent. */
  memoryBudgetBytes?: number | undefined;
}

/** The verified module, the checked model it was elaborated from, and the spec's text. */
export type Loaded =
  { module: IrModule; model: CheckedModel; source: string } | { exitCode: number };

export function loadModule(io: Io, spec: string, opts: LoadOptions = {}): Loaded {
  const loaded = loadFile(spec, { cwd: io.cwd, memoryBudgetBytes: opts.memoryBudgetBytes });
  // Warnings are worth seeing even when the model goes on to compile.
  reportDiagnostics(io, loaded.diagnostics, loaded.sources, "text");
  const problems = loaded.internalErrors;
  if (problems.length > 0) {
    io.stderr(`s2sc: internal error: the IR of model \`${loaded.model?.name}\` is malformed:\n`);
    for (const p of problems.slice(0, 20)) io.stderr(`  ${p}\n`);
    if (problems.length > 20) io.stderr(`  ... and ${problems.length - 20} more\n`);
    io.stderr("please report it\n");
    return { exitCode: EXIT.usage };
  }
  if (loaded.module === undefined || loaded.model === undefined)
    return { exitCode: failureExitCode(loaded.diagnostics) };
  return { module: loaded.module, model: loaded.model, source: loaded.source ?? "" };
}
