/** Shared by the ONNX and ORT tests: every spec module, as elaborated (-O0) and at -O2. */
import type { IrModule } from "../../src/ir/types.js";
import { passesForLevel, runPipeline } from "../../src/passes/index.js";
import { specModules } from "../tfjs/helpers.js";

export function optimised(m: IrModule): IrModule {
  const r = runPipeline(m, passesForLevel(2), { verifyEach: false });
  if ("error" in r) throw new Error(r.error);
  return r.module;
}

/** [label, the module weights are drawn for, the module that is exported] per case. */
export function exportCases(): (readonly [string, IrModule, IrModule])[] {
  return specModules().flatMap((m) => [
    [`${m.model} -O0`, m, m] as const,
    [`${m.model} -O2`, m, optimised(m)] as const,
  ]);
}
