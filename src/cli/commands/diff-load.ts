/**
 * The front half of `s2sc diff`: like load-module.ts, but it keeps the checked model as
 * well as the IR module (the diff compares resolved settings, which the module does not
 * carry), and it reports a failure as `undefined` so that the command can load both
 * sides and show both sides' diagnostics before exiting with 2.
 */
import type { CheckedModel } from "../../check/model.js";
import { checkProgram } from "../../check/index.js";
import { elaborate } from "../../elaborate/index.js";
import type { IrModule } from "../../ir/types.js";
import { verifyModule } from "../../ir/verify.js";
import { diskHost } from "../../node/disk-host.js";
import type { Io } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { diskIsFile, parseModelSpec, pickModel, selectModel } from "../select-model.js";

export interface LoadedModel {
  model: CheckedModel;
  module: IrModule;
}

export function loadForDiff(
  io: Io,
  spec: string,
  memoryBudgetBytes: number | undefined,
): LoadedModel | undefined {
  const sel = selectModel(spec, diskHost(io.cwd), diskIsFile(io.cwd));
  if (sel.model === undefined) {
    reportDiagnostics(io, sel.diagnostics, sel.sources, "text");
    return undefined;
  }
  const elaborated = elaborate(
    sel.model,
    memoryBudgetBytes === undefined ? {} : { memoryBudgetBytes },
  );
  const diagnostics = [...sel.diagnostics, ...elaborated.diagnostics];
  // Warnings are worth seeing even when the comparison goes on.
  reportDiagnostics(io, diagnostics, sel.sources, "text");
  const module = elaborated.module;
  if (module === undefined || diagnostics.some((d) => d.severity === "error")) return undefined;
  const problems = verifyModule(module);
  if (problems.length > 0) {
    io.stderr(`s2sc: internal error: the IR of model \`${module.model}\` is malformed:\n`);
    for (const p of problems.slice(0, 20)) io.stderr(`  ${p}\n`);
    io.stderr("please report it\n");
    return undefined;
  }
  return { model: sel.model, module };
}

/**
 * The checked models `--canonical` prints: the one named by `FILE:MODEL`, or every model
 * of the file (a textconv sees whole files, which may declare several models).
 */
export function loadForCanonical(io: Io, spec: string): CheckedModel[] | undefined {
  const { file, model } = parseModelSpec(spec, diskIsFile(io.cwd));
  const checked = checkProgram(file, diskHost(io.cwd));
  const diagnostics = [...checked.diagnostics];
  let models: CheckedModel[] | undefined;
  if (!diagnostics.some((d) => d.severity === "error")) {
    if (model === undefined) models = checked.models;
    else {
      const picked = pickModel(file, checked.models, model);
      if ("diagnostic" in picked) diagnostics.push(picked.diagnostic);
      else models = [picked.model];
    }
  }
  reportDiagnostics(io, diagnostics, checked.sources, "text");
  return models;
}
