/**
 * The kernel calling convention. A kernel implements one ONNX operator with ONNX
 * semantics: it fills in attribute defaults itself, treats a missing optional input as
 * `undefined`, and returns its outputs in ONNX order (an optional output it does not
 * produce is `undefined`; the caller ignores outputs the node does not request).
 */
import type { AttrValue, Tensor } from "../tensor.js";
import type { Rng } from "../random.js";

export interface KernelContext {
  /**
   * The interpreter's seeded generator. Only training-mode Dropout draws from it, so a
   * run is reproducible from the seed alone.
   */
  readonly rng: Rng;
  /**
   * How many outputs the node declares (ONNX `node.output.length`). Split without
   * `split` sizes or `num_outputs` divides into this many parts; other kernels use it to
   * skip optional outputs nobody asked for.
   */
  readonly outputs: number;
}

export type Kernel = (
  inputs: readonly (Tensor | undefined)[],
  attrs: Readonly<Record<string, AttrValue>>,
  ctx: KernelContext,
) => (Tensor | undefined)[];
