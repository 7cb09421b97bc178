/**
 * ONNX Attention (opset 23), with the semantics of the interpreter's kernel
 * (src/backends/interp/kernels/attention.ts).
 */
import * as tf from "@tensorflow/tfjs";
import { softmax } from "./nn.js";
import { underTape } from "./tensor.js";

type Tensor = tf.Tensor;

/** An attention mask with fewer keys than there are is padded with false / −∞ (ONNX). */
export function padKeys(mask: Tensor, keys: number): Tensor {
  const have = mask.shape[mask.rank - 1]!;
  if (have > keys) throw new Error(`Attention: attn_mask has ${have} keys, more than ${keys}`);
  if (have === keys) return mask;
  const shape = mask.shape.slice(0, -1).concat([keys - have]);
  const fill = mask.dtype === "bool" ? tf.zeros(shape, "bool") : tf.fill(shape, -Infinity);
  return tf.concat([mask, fill], mask.rank - 1);
}

/**
 * a·b (or a·bᵀ) over equal leading dims, for attention's per-head products. On wasm,
 * tf.matMul with a batch dim runs a plain loop (about 2 GFLOP/s here), while a
 * depthwise convolution with one channel per (batch, head) and the per-head matrix as
 * its filter runs on XNNPACK: measured 1.3-4x faster from 64 heads × 64×64×16 up
 * (bench/README.md). Small products (a decoding step) lose to the extra transposes, and
 * the wasm backend has no gradient kernels for it, so it is used only for large
 * products outside a gradient tape.
 */
export function headMatMul(a: Tensor, b: Tensor, transposeB: boolean): Tensor {
  const lead = a.shape.slice(0, -2);
  const channels = lead.reduce((n, d) => n * d, 1);
  const [m, k] = a.shape.slice(-2) as [number, number];
  const n = transposeB ? b.shape[b.rank - 2]! : b.shape[b.rank - 1]!;
  const sameLead = b.rank === a.rank && lead.every((d, i) => b.shape[i] === d);
  const large = m > 1 && channels * m * k * n >= 1 << 20;
  if (!sameLead || !large || tf.getBackend() !== "wasm" || underTape()) {
    return tf.matMul(a, b, false, transposeB);
  }
  const x = tf.reshape(tf.transpose(tf.reshape(a, [channels, m, k]), [1, 2, 0]), [
    1,
    m,
    k,
    channels,
  ]) as tf.Tensor4D;
  const f = (
    transposeB
      ? tf.reshape(tf.transpose(tf.reshape(b, [channels, n, k]), [2, 0, 1]), [1, k, channels, n])
      : tf.reshape(tf.transpose(tf.reshape(b, [channels, k, n]), [1, 0, 2]), [1, k, channels, n])
  ) as tf.Tensor4D;
  const y = tf.depthwiseConv2d(x, f, 1, "valid");
  return tf.reshape(tf.transpose(tf.reshape(y, [m, channels, n]), [1, 0, 2]), lead.concat([m, n]));
}

/**
 * Scores with ONNX Attention's masks applied: attn_mask bool (false → −∞) or float
 * (added; its −∞ entries hide keys), and is_causal as a causalBias (its −1e30 entries
 * hide keys), each broadcastable to the scores. Masking adds a 0 / −∞ bias built at the
 * masks' own shape: tf.where needs equal shapes, and tiling a mask to [B, heads, T, S]
 * cost half the forward pass on wasm, while add broadcasts natively.
 */
export function applyMask(
  scores: Tensor,
  mask: Tensor | undefined,
  causal: Tensor | undefined,
): Tensor {
  let out = scores;
  let allowed = causal === undefined ? undefined : tf.equal(causal, 0);
  if (mask !== undefined) {
    let own = mask;
    if (mask.dtype !== "bool") {
      own = tf.notEqual(mask, -Infinity);
      out = tf.add(out, tf.where(own, mask, tf.zerosLike(mask)));
    }
    allowed = allowed === undefined ? own : tf.logicalAnd(own, allowed);
  }
  if (allowed === undefined) return out;
  return tf.add(out, tf.where(allowed, tf.zeros(allowed.shape), tf.fill(allowed.shape, -Infinity)));
}

/**
 * is_causal as an additive [queries, keys] bias, made on the host: 0 where key j ≤ query
 * i + offset, −1e30 above (see maskedSoftmax). Comparing two int32 ranges with
 * broadcasting takes a slow generic path on wasm (0.5 ms for 64 × 64).
 */
export function causalBias(queries: number, keys: number, offset: number): Tensor {
  const data = new Float32Array(queries * keys);
  for (let i = 0; i < queries; i++) {
    for (let j = Math.max(0, i + offset + 1); j < keys; j++) data[i * keys + j] = -1e30;
  }
  return tf.tensor2d(data, [queries, keys]);
}

/**
 * softmax(scores + masks) over the last axis: mask as in applyMask (bool, or additive
 * float), causal a causalBias broadcastable to the scores (or undefined). With a bool
 * mask or none (what elaborated models have), a hidden key gets a finite −1e30 rather
 * than −∞, so tf.softmax never makes a NaN, and a row that sees no key is zeroed by a
 * per-row factor computed from the biases at their own, smaller shape: one multiply
 * over the scores instead of softmax's NaN-replacing select (isNaN, zerosLike and
 * where: three passes over [B, heads, T, S]). A row that sees a key gets the same
 * values either way: exp(−1e30 − max) is 0 in float32, as exp(−∞) is. The two masks are
 * combined as float biases: tf.logicalAnd with broadcasting took 7 ms for a 64 × 16 × 64
 * mask on wasm. An additive float mask (which may hold −∞ itself) takes applyMask and
 * softmax, and so does every other backend: tfjs-cpu's broadcasting multiply is slower
 * than its same-shape select (131 against 104 ms for [64, 16, 4, 64] scores).
 */
export function maskedSoftmax(
  scores: Tensor,
  mask: Tensor | undefined,
  causal: Tensor | undefined,
): Tensor {
  const last = scores.rank - 1;
  if ((mask !== undefined && mask.dtype !== "bool") || tf.getBackend() !== "wasm") {
    return softmax(applyMask(scores, mask, causal), last);
  }
  let bias = causal;
  if (mask !== undefined) {
    const own = tf.where(mask, tf.zeros(mask.shape), tf.fill(mask.shape, -1e30));
    bias = bias === undefined ? own : tf.add(own, bias);
  }
  if (bias === undefined) return softmax(scores, last);
  // A row sees a key when its largest bias is 0 (−1e30 or −2e30 when it sees none).
  const live = tf.cast(tf.greater(tf.max(bias, -1, true), -1), "float32");
  return tf.mul(tf.softmax(tf.add(scores, bias)), live);
}

/** The attributes of an Attention op, as the lowering passes them. */
export interface AttentionOptions {
  qHeads: number;
  kvHeads: number;
  scale?: number;
  causal?: boolean;
  softcap?: number;
  /** Which scores to return (qk_matmul_output_mode), when the caller reads them. */
  qkMode?: number;
  /** The caller reads present key/value. */
  present?: boolean;
}

/**
 * attention() for 3-D Q, K, V without past, GQA, softcap or returned scores, with both
 * per-head products as depthwise convolutions (see headMatMul) laid out so that no
 * [B, heads, ·, ·] tensor is ever formed: the channels are (batch, head) pairs, scores
 * stay in the convolution's [T, B, heads, S] output layout (softmax runs over its last
 * axis just the same, the mask is transposed instead), and the head split and merge
 * fold into the convolutions' own transposes — 5 transposes per attention instead of
 * headMatMul's 10, which were a quarter of a small Transformer's forward on wasm.
 * Returns undefined when the products are too small for the convolutions to pay.
 */
export function attentionByConv(
  o: AttentionOptions,
  Q: Tensor,
  K: Tensor,
  V: Tensor,
  mask: Tensor | undefined,
): Tensor | undefined {
  const [B, T, width] = Q.shape as [number, number, number];
  const S = K.shape[1]!;
  const h = o.qHeads;
  const D = width / h;
  const channels = B * h;
  if (o.kvHeads !== h || V.shape[2] !== width || T < 2 || channels * T * D * S < 1 << 20)
    return undefined;
  const scale = o.scale ?? 1 / Math.sqrt(D);
  const conv = (x: Tensor, f: Tensor) =>
    tf.depthwiseConv2d(x as tf.Tensor4D, f as tf.Tensor4D, 1, "valid");
  // scores[t, (b, h), s] = Σ_d Q[b, t, h, d] · K[b, s, h, d]
  const x = tf.reshape(tf.transpose(tf.reshape(Q, [B, T, h, D]), [1, 3, 0, 2]), [
    1,
    T,
    D,
    channels,
  ]);
  const f = tf.reshape(tf.transpose(tf.reshape(K, [B, S, h, D]), [3, 0, 2, 1]), [
    1,
    D,
    channels,
    S,
  ]);
  const raw = tf.mul(tf.reshape(conv(x, f), [T, B, h, S]), scale);
  // The mask (bool or additive, broadcastable to [B, h, T, S]) as a bias in [T, B, h, S].
  const toLayout = (m: Tensor) => {
    const m4 = m.rank === 4 ? m : tf.reshape(m, [1, 1, 1, 1].slice(m.rank).concat(m.shape));
    return tf.transpose(m4, [2, 0, 1, 3]);
  };
  const causal = o.causal ? tf.reshape(causalBias(T, S, 0), [T, 1, 1, S]) : undefined;
  const probs = maskedSoftmax(
    raw,
    mask === undefined ? undefined : toLayout(padKeys(mask, S)),
    causal,
  );
  // y[t, (b, h), d] = Σ_s P[t, (b, h), s] · V[b, s, h, d]
  const x2 = tf.reshape(tf.transpose(tf.reshape(probs, [T, channels, S]), [0, 2, 1]), [
    1,
    T,
    S,
    channels,
  ]);
  const f2 = tf.reshape(tf.transpose(tf.reshape(V, [B, S, h, D]), [1, 0, 2, 3]), [
    1,
    S,
    channels,
    D,
  ]);
  const y = tf.reshape(conv(x2, f2), [T, B, h, D]);
  return tf.reshape(tf.transpose(y, [1, 0, 2, 3]), [B, T, width]);
}

/**
 * ONNX Attention: softmax(scale·Q·Kᵀ + mask)·V. Q, K, V are 3-D [B, S, heads·D] (heads
 * outermost) or 4-D [B, heads, S, D]; past key/value [B, kvHeads, P, D] are prepended
 * and returned as present key/value; query head h reads KV head ⌊h / group⌋. The mask
 * is bool (false → −∞) or float (added), broadcast to [B, heads, Sq, keys]; is_causal
 * hides keys j > i + past length. A fully masked row attends to nothing: Y = 0, not NaN.
 * Returns [Y, present_key, present_value, qk].
 */
export function attention(
  o: AttentionOptions,
  Q: Tensor,
  K: Tensor,
  V: Tensor,
  mask?: Tensor,
  pastKey?: Tensor,
  pastValue?: Tensor,
): (Tensor | undefined)[] {
  const softcap = o.softcap ?? 0;
  const byConv =
    Q.rank === 3 &&
    pastKey === undefined &&
    pastValue === undefined &&
    !o.present &&
    !(softcap > 0) &&
    o.qkMode === undefined &&
    tf.getBackend() === "wasm" &&
    !underTape();
  if (byConv) {
    const y = attentionByConv(o, Q, K, V, mask);
    if (y !== undefined) return [y];
  }
  const heads = (t: Tensor, n: number) =>
    t.rank === 4
      ? t
      : tf.transpose(tf.reshape(t, [t.shape[0]!, t.shape[1]!, n, t.shape[2]! / n]), [0, 2, 1, 3]);
  const q = heads(Q, o.qHeads);
  const k =
    pastKey === undefined ? heads(K, o.kvHeads) : tf.concat([pastKey, heads(K, o.kvHeads)], 2);
  const v =
    pastValue === undefined ? heads(V, o.kvHeads) : tf.concat([pastValue, heads(V, o.kvHeads)], 2);
  const [batch, qHeads, queries, headSize] = q.shape as [number, number, number, number];
  const keys = k.shape[2]!;
  const group = qHeads / k.shape[1]!;
  const repeat = (t: Tensor) =>
    group === 1
      ? t
      : tf.reshape(tf.tile(tf.expandDims(t, 2), [1, 1, group, 1, 1]), [
          batch,
          qHeads,
          keys,
          t.shape[3]!,
        ]);
  const scale = o.scale ?? 1 / Math.sqrt(headSize);
  const raw = tf.mul(headMatMul(q, repeat(k), true), scale);
  const capped = softcap > 0 ? tf.mul(tf.tanh(tf.div(raw, softcap)), softcap) : raw;
  const offset = pastKey === undefined ? 0 : pastKey.shape[2]!;
  const causal = o.causal ? causalBias(queries, keys, offset) : undefined;
  const padded = mask === undefined ? undefined : padKeys(mask, keys);
  // The masked scores themselves are an output only in qk mode 2.
  const scores = o.qkMode === 2 ? applyMask(capped, padded, causal) : undefined;
  const probs = scores === undefined ? maskedSoftmax(capped, padded, causal) : softmax(scores, 3);
  let y = headMatMul(probs, repeat(v), false);
  if (Q.rank === 3)
    y = tf.reshape(tf.transpose(y, [0, 2, 1, 3]), [batch, queries, qHeads * y.shape[3]!]);
  const qk = o.qkMode === undefined ? undefined : [raw, capped, scores, probs][o.qkMode];
  return [y, k, v, qk];
}
