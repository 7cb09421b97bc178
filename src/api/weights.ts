/**
 * Weights a user hands in are input: a map that misses a parameter or has the wrong
 * shape is reported as a message naming the parameter, never thrown.
 */
import type { WeightData } from "../backends/tfjs/index.js";
import type { IrModule } from "../ir/index.js";

/** Why `weights` do not fit `module`'s parameters, or undefined when they do. */
export function weightsProblem(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
): string | undefined {
  for (const p of module.params) {
    const w = weights.get(p.name);
    if (w === undefined) return `no weights for parameter \`${p.name}\``;
    const size = p.shape.reduce((a, b) => a * b, 1);
    if (w.dims.length !== p.shape.length || w.dims.some((d, i) => d !== p.shape[i]))
      return `the weights of \`${p.name}\` are [${w.dims.join(", ")}]; the parameter is [${p.shape.join(", ")}]`;
    if (w.data.length !== size)
      return `the weights of \`${p.name}\` hold ${w.data.length} values; [${p.shape.join(", ")}] needs ${size}`;
  }
  return undefined;
}
