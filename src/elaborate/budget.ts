/** The memory budget check: weights must fit before any backend allocates them. */
import { formatCount, type CheckedModel } from "../check/index.js";
import type { IrModule } from "../ir/index.js";
import type { ElabContext } from "./context.js";
import { estimateWeightBytes } from "./estimate.js";

export const DEFAULT_MEMORY_BUDGET = 4 * 1024 ** 3;

export function formatBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} B` : `${v.toFixed(2)} ${units[u]}`;
}

/** float32 bytes of every parameter and buffer. */
export function weightBytes(module: IrModule): number {
  return module.params.reduce((n, p) => n + 4 * p.shape.reduce((a, b) => a * b, 1), 0);
}

/**
 * The budget against the lower bound of estimate.ts, before anything is built: a model
 * whose certain weights are over the budget is refused without planning a layer or
 * creating an array (`hidden = 1000000` in a 5,000-layer stack is answered at once).
 */
export function checkEstimatedBudget(cx: ElabContext, model: CheckedModel, budget: number): void {
  const bytes = estimateWeightBytes(model.root);
  if (bytes <= budget) return;
  overBudget(cx, model, bytes, budget, "at least ");
}

export function checkMemoryBudget(
  cx: ElabContext,
  model: CheckedModel,
  module: IrModule,
  budget: number,
): void {
  const bytes = weightBytes(module);
  if (bytes <= budget) return;
  overBudget(cx, model, bytes, budget, "");
}

function overBudget(
  cx: ElabContext,
  model: CheckedModel,
  bytes: number,
  budget: number,
  atLeast: string,
): never {
  return cx.fail(
    "S2S3007",
    model.nameRange,
    `the weights need ${atLeast}${formatBytes(bytes)} (${formatCount(bytes)} bytes), over the memory budget of ${formatBytes(budget)}`,
    "raise the budget with --memory-budget, or make the model smaller",
  );
}
