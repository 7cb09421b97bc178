/** Helpers for the neural-network ops: softmax with the masking convention, normalisations, GELU and dropout. */
import * as tf from "@tensorflow/tfjs";

type Tensor = tf.Tensor;

/** Applies a last-axis function along an axis (tf.softmax and friends take the last axis only). */
export function alongLastAxis(x: Tensor, axis: number, f: (t: Tensor) => Tensor): Tensor {
  const last = x.rank - 1;
  if (axis === last) return f(x);
  const perm = x.shape.map((_, i) => i);
  perm[axis] = last;
  perm[last] = axis;
  return tf.transpose(f(tf.transpose(x, perm)), perm);
}

/**
 * Softmax along the last axis. A row that is −∞ everywhere (fully masked) gives zeros,
 * not NaN (s2sc's masking convention, docs/numerics.md); −∞ entries of other rows give
 * 0. Such a row is the only source of NaN from tf.softmax on finite-or-−∞ input, so the
 * NaNs are replaced after the fact with a same-shape select: finding the dead rows
 * first (max = −∞) needs a [..., 1] condition that tf.where broadcasts with Tile, and
 * broadcasting tf.maximum is no better on wasm; either cost a third of a Transformer's
 * forward pass. The gradient is softmax's own, y·(dy − Σ dy·y), written out because
 * the tape cannot differentiate the select.
 */
const softmaxLast = tf.customGrad((...args) => {
  const [x, save] = args as [Tensor, tf.GradSaveFunc];
  const p = tf.softmax(x);
  const y = tf.where(tf.isNaN(p), tf.zerosLike(p), p);
  save([y]);
  return {
    value: y,
    gradFunc: (dy: Tensor, [saved]: Tensor[]) => {
      const dyy = tf.mul(dy, saved!);
      return tf.sub(dyy, tf.mul(tf.sum(dyy, -1, true), saved!));
    },
  };
});

/** Softmax along an axis (see softmaxLast). */
export function softmax(x: Tensor, axis: number): Tensor {
  return alongLastAxis(x, axis, (t) => softmaxLast(t));
}

/**
 * Log-softmax along the last axis; a fully masked row gives −∞ everywhere (not NaN) and
 * no gradient. Otherwise the gradient is dy − softmax·Σ dy. Dead rows are found from
 * the NaNs they produce, as in softmax.
 */
const logSoftmaxLast = tf.customGrad((...args) => {
  const [x, save] = args as [Tensor, tf.GradSaveFunc];
  const p = tf.logSoftmax(x);
  const dead = tf.isNaN(p);
  const y = tf.where(dead, tf.fill(p.shape, -Infinity), p);
  save([y, dead]);
  return {
    value: y,
    gradFunc: (dy: Tensor, [sy, sdead]: Tensor[]) => {
      const g = tf.sub(dy, tf.mul(tf.exp(sy!), tf.sum(dy, -1, true)));
      return tf.where(sdead!, tf.zerosLike(g), g);
    },
  };
});

/** Log-softmax along an axis (see logSoftmaxLast). */
export function logSoftmax(x: Tensor, axis: number): Tensor {
  return alongLastAxis(x, axis, (t) => logSoftmaxLast(t));
}

/**
 * ONNX ReduceSum (axes null: all). An empty reduction is 0; tfjs-backend-wasm leaves
 * that output uninitialised, so it is built here.
 */
export function sum(x: Tensor, axes: number[] | null, keepDims: boolean): Tensor {
  if (x.size > 0) return tf.sum(x, axes ?? undefined, keepDims);
  const all = axes ?? x.shape.map((_, i) => i);
  const shape: number[] = [];
  x.shape.forEach((d, i) => {
    if (!all.includes(i)) shape.push(d);
    else if (keepDims) shape.push(1);
  });
  return tf.zeros(shape, x.dtype);
}

/** ONNX LayerNormalization over axes ≥ axis: population variance, then scale and bias. */
export function layerNorm(
  x: Tensor,
  scale: Tensor,
  bias: Tensor | undefined,
  axis: number,
  epsilon: number,
): Tensor {
  const axes: number[] = [];
  for (let i = axis; i < x.rank; i++) axes.push(i);
  const { mean, variance } = tf.moments(x, axes, true);
  const y = tf.mul(tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, epsilon))), scale);
  return bias === undefined ? y : tf.add(y, bias);
}

/** ONNX RMSNormalization over axes ≥ axis: x / sqrt(mean(x²) + ε) · scale. */
export function rmsNorm(x: Tensor, scale: Tensor, axis: number, epsilon: number): Tensor {
  const axes: number[] = [];
  for (let i = axis; i < x.rank; i++) axes.push(i);
  const meanSquare = tf.mean(tf.square(x), axes, true);
  return tf.mul(tf.mul(x, tf.rsqrt(tf.add(meanSquare, epsilon))), scale);
}

/** ONNX Gelu: exact (with erf) or the tanh approximation. */
export function gelu(x: Tensor, approximate: string): Tensor {
  if (approximate === "tanh") {
    const cube = tf.mul(x, tf.mul(x, x));
    const inner = tf.mul(tf.add(x, tf.mul(cube, 0.044715)), Math.sqrt(2 / Math.PI));
    return tf.mul(tf.mul(x, 0.5), tf.add(tf.tanh(inner), 1));
  }
  return tf.mul(tf.mul(x, 0.5), tf.add(tf.erf(tf.mul(x, Math.SQRT1_2)), 1));
}

/**
 * The seed of the next dropout mask. Seeds come from a counter, so a seeded run is
 * reproducible; the counter belongs to the library (one per tfjs instance), as the
 * random state of tfjs itself does.
 */
let dropoutSeed = 0;

export function seedDropout(seed: number): void {
  dropoutSeed = seed;
}

/** Inverted dropout while training, the identity otherwise: [y, mask] (the mask only when asked for). */
export function dropout(
  x: Tensor,
  rate: number,
  training: boolean,
  wantMask?: boolean,
): [Tensor, Tensor | undefined] {
  if (!training || rate === 0) return [x, wantMask ? tf.onesLike(x).cast("bool") : undefined];
  const keep = tf.greaterEqual(tf.randomUniform(x.shape, 0, 1, "float32", dropoutSeed++), rate);
  return [tf.div(tf.mul(x, tf.cast(keep, "float32")), 1 - rate), wantMask ? keep : undefined];
}
