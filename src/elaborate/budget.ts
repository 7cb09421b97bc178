/** The memory budget check: weights must fit before any backend allocates them. */
import type { CheckedModel } from "../check/index.js";
import type { IrModule } from "../ir/index.js";
import type { ElabContext } from "./context.js";

export const DEFAULT_MEMORY_BUDGET = 4 * 1024 ** 3;

export function formatBytes(n: number): string {
  const units = ["B", "KiB", "MiB", "GiB", "TiB"];
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

export function checkMemoryBudget(
  cx: ElabContext,
  model: CheckedModel,
  module: IrModule,
  budget: number,
): void {
  const bytes = weightBytes(module);
  if (bytes <= budget) return;
  cx.fail(
    "S2S3007",
    model.nameRange,
    `the weights need ${formatBytes(bytes)} (${bytes.toLocaleString("en-US")} bytes), over the memory budget of ${formatBytes(budget)}`,
    "raise the budget with --memory-budget, or make the model smaller",
  );
}
