/**
 * Parameter initialisers, keyed by name, all drawing from the seeded Rng so a model's
 * initial weights are a pure function of the seed and the order of the draws.
 */
import type { Rng, Tensor } from "../../reference/index.js";
import { makeTensor, sizeOf } from "../../reference/index.js";

export type InitSpec =
  /** U(−l, l) with l = sqrt(6 / (fanIn + fanOut)) (Glorot & Bengio 2010). The caller
   * gives the fans because they depend on the weight's layout (ONNX W is [4H, in],
   * a Keras kernel [in, 4H]). */
  | { name: "glorot_uniform"; fanIn: number; fanOut: number }
  /** U(−limit, limit), limit 0.08 by default: Sutskever et al. 2014's seq2seq LSTMs. */
  | { name: "uniform"; limit?: number }
  /** A random orthogonal matrix (Saxe et al. 2014), the usual choice for recurrent
   * weights: it keeps the norm of the state through many steps at initialisation.
   * Dims are flattened to [prod(dims[:-1]), dims[-1]]. `gain` scales it. */
  | { name: "orthogonal"; gain?: number }
  | { name: "zeros" }
  | { name: "ones" }
  /** N(mean, std²), for embeddings (e.g. std = d_model^−0.5 in the Transformer). */
  | { name: "normal"; std: number; mean?: number };

export type InitName = InitSpec["name"];

type Filler<S extends InitSpec> = (spec: S, dims: readonly number[], rng: Rng) => Float32Array;

export const INITIALIZERS: { [N in InitName]: Filler<Extract<InitSpec, { name: N }>> } = {
  glorot_uniform(spec, dims, rng) {
    const limit = Math.sqrt(6 / (spec.fanIn + spec.fanOut));
    return fill(dims, () => rng.uniform(-limit, limit));
  },
  uniform(spec, dims, rng) {
    const limit = spec.limit ?? 0.08;
    return fill(dims, () => rng.uniform(-limit, limit));
  },
  orthogonal(spec, dims, rng) {
    const cols = dims.length === 0 ? 1 : dims[dims.length - 1]!;
    const rows = cols === 0 ? 0 : sizeOf(dims) / cols;
    return orthogonal(rows, cols, spec.gain ?? 1, rng);
  },
  zeros(_spec, dims) {
    return new Float32Array(sizeOf(dims));
  },
  ones(_spec, dims) {
    return new Float32Array(sizeOf(dims)).fill(1);
  },
  normal(spec, dims, rng) {
    const mean = spec.mean ?? 0;
    return fill(dims, () => mean + spec.std * rng.normal());
  },
};

/** A float32 tensor of `dims` initialised by `spec`. */
export function initTensor(spec: InitSpec, dims: readonly number[], rng: Rng): Tensor {
  const filler = INITIALIZERS[spec.name] as Filler<InitSpec>;
  return makeTensor("float32", dims, filler(spec, dims, rng));
}

function fill(dims: readonly number[], draw: () => number): Float32Array {
  const out = new Float32Array(sizeOf(dims));
  for (let i = 0; i < out.length; i++) out[i] = draw();
  return out;
}

/**
 * rows×cols with orthonormal rows (rows ≤ cols) or orthonormal columns (rows ≥ cols):
 * modified Gram–Schmidt, in float64, on the vectors of a seeded standard normal
 * matrix. Gram–Schmidt yields the Q of a QR factorisation whose R has a positive
 * diagonal, which is the sign convention that makes Q uniformly (Haar) distributed.
 */
function orthogonal(rows: number, cols: number, gain: number, rng: Rng): Float32Array {
  // Orthonormalise the `k` short vectors of length `n`, then lay them out as rows
  // (rows ≤ cols) or as columns (rows > cols).
  const k = Math.min(rows, cols);
  const n = Math.max(rows, cols);
  const v: Float64Array[] = [];
  for (let i = 0; i < k; i++) {
    const x = new Float64Array(n);
    for (let j = 0; j < n; j++) x[j] = rng.normal();
    // Gram–Schmidt: x, q and the previous vectors all have length n.
    for (const q of v) {
      const dot = q.reduce((s, qj, j) => s + qj * x[j]!, 0);
      x.set(x.map((xj, j) => xj - dot * q[j]!));
    }
    const norm = Math.sqrt(x.reduce((s, xj) => s + xj * xj, 0));
    // A draw in the span of the previous ones has probability zero; guard anyway.
    if (norm === 0) throw new Error("orthogonal: degenerate random matrix");
    x.set(x.map((xj) => xj / norm));
    v.push(x);
  }
  const out = new Float32Array(rows * cols);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < n; j++) {
      if (rows <= cols) out[i * cols + j] = gain * v[i]![j]!;
      else out[j * cols + i] = gain * v[i]![j]!;
    }
  }
  return out;
}
