/**
 * Whether a checkpoint can be resumed with a model: the same model name and the same
 * parameter names and shapes. (Its data, vocabularies and batch size are checked where
 * the session chooses its data and merges its settings.)
 */
import type { IrModule } from "../ir/index.js";
import type { StoredTensor } from "./checkpoint-data.js";
import { problem, type TrainProblem } from "./problem.js";

/** Checks that stored weights fit a module's parameters (same names and shapes). */
export function weightsMismatch(
  module: IrModule,
  weights: ReadonlyMap<string, StoredTensor>,
): string | undefined {
  for (const p of module.params) {
    const w = weights.get(p.name);
    if (w === undefined) return `the checkpoint has no weights for parameter \`${p.name}\``;
    if (w.dims.length !== p.shape.length || w.dims.some((d, i) => d !== p.shape[i]))
      return `the checkpoint's \`${p.name}\` is [${w.dims.join(", ")}], the model's is [${p.shape.join(", ")}]`;
  }
  return undefined;
}

/** `run` names the checkpoint's place in messages (`runs/m`). */
export function resumeProblem(
  module: IrModule,
  checkpoint: { model: string; weights: ReadonlyMap<string, StoredTensor> },
  run: string,
): TrainProblem | undefined {
  if (checkpoint.model !== module.model)
    return problem(
      "input",
      `${run} holds a checkpoint of model \`${checkpoint.model}\`, not \`${module.model}\``,
    );
  const bad = weightsMismatch(module, checkpoint.weights);
  if (bad !== undefined)
    return problem("input", `${bad}; did the spec change since ${run} was written?`);
  return undefined;
}
