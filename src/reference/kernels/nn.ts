/**
 * Neural-network building blocks: Softmax LogSoftmax LayerNormalization
 * RMSNormalization Dropout.
 */
import type { Tensor } from "../tensor.js";
import { broadcastIndex, normAxis, sameDims, sizeOf, zeros } from "../tensor.js";
import { floatAttr, input, intAttr, scalarInput } from "./attrs.js";
import type { Kernel } from "./types.js";

/** Splits dims around `axis` into outer × len × inner, the loop shape of an axis-wise op. */
function around(dims: readonly number[], axis: number): [number, number, number] {
  return [sizeOf(dims.slice(0, axis)), dims[axis]!, sizeOf(dims.slice(axis + 1))];
}

/**
 * Softmax and LogSoftmax along one axis (opset 13 semantics, default −1), computed in
 * float64 with the maximum subtracted first.
 *
 * A row that is entirely −Infinity (fully masked) gives probabilities 0 and log
 * probabilities −Infinity, by the project's masking convention (docs: numerics), where
 * the ONNX reference computes −inf − (−inf) = NaN.
 */
function softmaxKernel(op: string, log: boolean): Kernel {
  return (inputs, attrs) => {
    const x = input(op, inputs, 0);
    if (x.dtype !== "float32") throw new Error(`${op}: needs float32`);
    const axis = normAxis(intAttr(op, attrs, "axis", -1), x.dims.length, op);
    const [outer, len, inner] = around(x.dims, axis);
    const out = zeros("float32", x.dims);
    const d = x.data;
    const e = new Float64Array(len);
    for (let o = 0; o < outer; o++) {
      for (let q = 0; q < inner; q++) {
        const base = o * len * inner + q;
        let max = -Infinity;
        for (let j = 0; j < len; j++) max = Math.max(max, d[base + j * inner]!);
        if (max === -Infinity) {
          for (let j = 0; j < len; j++) out.data[base + j * inner] = log ? -Infinity : 0;
          continue;
        }
        let sum = 0;
        for (let j = 0; j < len; j++) {
          e[j] = Math.exp(d[base + j * inner]! - max);
          sum += e[j]!;
        }
        const logSum = Math.log(sum);
        for (let j = 0; j < len; j++) {
          out.data[base + j * inner] = log ? d[base + j * inner]! - max - logSum : e[j]! / sum;
        }
      }
    }
    return [out];
  };
}

export const Softmax = softmaxKernel("Softmax", false);
export const LogSoftmax = softmaxKernel("LogSoftmax", true);

/** A scale/bias operand broadcast onto the normalised block dims[axis:]. */
function perBlock(t: Tensor | undefined, block: readonly number[]): ArrayLike<number> | undefined {
  if (t === undefined) return undefined;
  if (sameDims(t.dims, block)) return t.data;
  const idx = broadcastIndex(t.dims, block);
  return Array.from(idx, (i) => t.data[i]!);
}

/**
 * LayerNormalization (opset 17): normalises over dims [axis, rank) (default axis −1,
 * epsilon 1e−5), then Y = normalised · Scale + B. Mean and InvStdDev, the optional
 * outputs, have shape dims[:axis] ++ [1]·(rank − axis). Variance is the population
 * variance, computed in float64 as mean((x − mean)²).
 */
export const LayerNormalization: Kernel = (inputs, attrs) => {
  const op = "LayerNormalization";
  const x = input(op, inputs, 0);
  if (x.dtype !== "float32") throw new Error(`${op}: needs float32`);
  const rank = x.dims.length;
  const axis = normAxis(intAttr(op, attrs, "axis", -1), rank, op);
  const eps = floatAttr(op, attrs, "epsilon", 1e-5);
  const block = x.dims.slice(axis);
  const scale = perBlock(input(op, inputs, 1), block)!;
  const bias = perBlock(inputs[2], block);
  const n = sizeOf(block);
  const rows = sizeOf(x.dims.slice(0, axis));
  const statDims = [...x.dims.slice(0, axis), ...block.map(() => 1)];
  const y = zeros("float32", x.dims);
  const mean = zeros("float32", statDims);
  const invStd = zeros("float32", statDims);
  for (let r = 0; r < rows; r++) {
    const base = r * n;
    let s = 0;
    for (let j = 0; j < n; j++) s += x.data[base + j]!;
    const mu = s / n;
    let v = 0;
    for (let j = 0; j < n; j++) v += (x.data[base + j]! - mu) ** 2;
    const inv = 1 / Math.sqrt(v / n + eps);
    for (let j = 0; j < n; j++) {
      y.data[base + j] = (x.data[base + j]! - mu) * inv * scale[j]! + (bias ? bias[j]! : 0);
    }
    mean.data[r] = mu;
    invStd.data[r] = inv;
  }
  return [y, mean, invStd];
};

/**
 * RMSNormalization (opset 23): Y = X / sqrt(mean(X² over [axis, rank)) + epsilon) · scale,
 * default axis −1 and epsilon 1e−5 (ONNX's default; s2sc's RMS-norm convention of 1e−6
 * is set explicitly by the IR).
 */
export const RMSNormalization: Kernel = (inputs, attrs) => {
  const op = "RMSNormalization";
  const x = input(op, inputs, 0);
  if (x.dtype !== "float32") throw new Error(`${op}: needs float32`);
  const axis = normAxis(intAttr(op, attrs, "axis", -1), x.dims.length, op);
  const eps = floatAttr(op, attrs, "epsilon", 1e-5);
  const block = x.dims.slice(axis);
  const scale = perBlock(input(op, inputs, 1), block)!;
  const n = sizeOf(block);
  const rows = sizeOf(x.dims.slice(0, axis));
  const y = zeros("float32", x.dims);
  for (let r = 0; r < rows; r++) {
    const base = r * n;
    let ss = 0;
    for (let j = 0; j < n; j++) ss += x.data[base + j]! ** 2;
    const inv = 1 / Math.sqrt(ss / n + eps);
    for (let j = 0; j < n; j++) y.data[base + j] = x.data[base + j]! * inv * scale[j]!;
  }
  return [y];
};

/**
 * Dropout. Inputs (data, ratio?, training_mode?) from opset 12; opset ≤ 11 had `ratio`
 * as an attribute, read when the input is absent (default 0.5). Outside training mode
 * it is the identity with an all-true mask. In training mode it is inverted dropout:
 * each element is kept with probability 1 − ratio and scaled by 1/(1 − ratio).
 *
 * The mask draws from the interpreter's seeded generator (ctx.rng) rather than the
 * node's `seed` attribute: a stateless kernel re-seeded on every call would repeat the
 * same mask every step, and one seed per run already makes runs reproducible.
 */
export const Dropout: Kernel = (inputs, attrs, ctx) => {
  const x = input("Dropout", inputs, 0);
  const ratio = scalarInput("Dropout", inputs, 1) ?? floatAttr("Dropout", attrs, "ratio", 0.5);
  const training = (scalarInput("Dropout", inputs, 2) ?? 0) !== 0;
  const wantMask = ctx.outputs > 1;
  if (!training || ratio === 0) {
    const mask = wantMask ? zeros("bool", x.dims) : undefined;
    mask?.data.fill(1);
    return [x, mask];
  }
  if (x.dtype !== "float32") throw new Error("Dropout: training mode needs float32");
  if (!(ratio >= 0 && ratio < 1)) throw new Error(`Dropout: ratio ${ratio} is not in [0, 1)`);
  const keep = 1 / (1 - ratio);
  const y = zeros("float32", x.dims);
  const mask = zeros("bool", x.dims);
  for (let i = 0; i < y.data.length; i++) {
    const kept = ctx.rng.next() >= ratio;
    mask.data[i] = kept ? 1 : 0;
    y.data[i] = kept ? x.data[i]! * keep : 0;
  }
  return [y, wantMask ? mask : undefined];
};
