/**
 * The front half of `s2sc diff`: each side loaded like any command's model (its
 * diagnostics printed), a failure reported as `undefined` so that the command can load
 * both sides and show both sides' diagnostics before exiting with 2.
 */
import {
  diskHost,
  diskIsFile,
  selectModels,
  type CheckedModel,
  type IrModule,
} from "../../node/index.js";
import type { Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { reportDiagnostics } from "../report.js";

export interface LoadedModel {
  model: CheckedModel;
  module: IrModule;
}

export function loadForDiff(
  io: Io,
  spec: string,
  memoryBudgetBytes: number | undefined,
): LoadedModel | undefined {
  const loaded = loadModule(io, spec, { memoryBudgetBytes });
  return "exitCode" in loaded ? undefined : loaded;
}

/** The checked models `--canonical` prints: the one `FILE:MODEL` names, or every model of the file. */
export function loadForCanonical(io: Io, spec: string): CheckedModel[] | undefined {
  const selected = selectModels(spec, diskHost(io.cwd), diskIsFile(io.cwd));
  reportDiagnostics(io, selected.diagnostics, selected.sources, "text");
  return selected.models;
}
