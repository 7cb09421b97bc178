/** Small shared helpers for the interpreter tests. */
import { KERNELS } from "../../src/reference/kernels/index.js";
import type { KernelContext } from "../../src/reference/kernels/index.js";
import { Rng } from "../../src/reference/random.js";
import type { AttrValue, DType, Tensor } from "../../src/reference/tensor.js";
import { fromValues, makeTensor } from "../../src/reference/tensor.js";

export function ctx(outputs = 1, seed = 0): KernelContext {
  return { rng: new Rng(seed), outputs };
}

/** Runs one kernel from the table. */
export function run(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  attrs: Record<string, AttrValue> = {},
  outputs = 1,
): (Tensor | undefined)[] {
  const k = KERNELS[op];
  if (k === undefined) throw new Error(`no kernel ${op}`);
  return k(inputs, attrs, ctx(outputs));
}

export function f32(dims: number[], values: ArrayLike<number>): Tensor {
  return fromValues("float32", dims, values);
}

export function i64(dims: number[], values: ArrayLike<number>): Tensor {
  return fromValues("int64", dims, values);
}

export function t(dtype: DType, dims: number[], values: ArrayLike<number | boolean>): Tensor {
  return fromValues(dtype, dims, values);
}

/** A float32 tensor of uniform(−1, 1) values from a seeded generator. */
export function randomF32(rng: Rng, dims: number[], limit = 1): Tensor {
  const n = dims.reduce((a, b) => a * b, 1);
  return makeTensor(
    "float32",
    dims,
    Float32Array.from({ length: n }, () => rng.uniform(-limit, limit)),
  );
}

/** Largest |a − b| over two equally long arrays (Infinity when lengths differ). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
}
