/**
 * ONNX Attention (opset 23; opset 24 adds the `nonpad_kv_seqlen` input).
 *
 * Inputs Q, K, V, attn_mask?, past_key?, past_value?, nonpad_kv_seqlen?; outputs Y,
 * present_key, present_value, qk_matmul_output. Q/K/V are 4-D [B, heads, S, D] or
 * 3-D [B, S, heads·D] (heads outermost in the hidden dim; q_num_heads and
 * kv_num_heads say how many). Past and present K/V are always 4-D, and
 * present = concat(past, new) along the sequence axis.
 *
 * Per batch b, query head h (KV head ⌊h / (Hq/Hkv)⌋: grouped-query heads repeat
 * h0, h0, h1, h1, … as numpy.repeat does), query i, key j:
 *   S = scale · q·k, scale default 1/√D;   S = softcap · tanh(S / softcap) if softcap > 0;
 *   S += bias;   P = softmax over j;   Y = P·V.
 * The bias is the sum of
 *   - attn_mask: bool (false → −∞) or float (added), numpy-broadcast to
 *     [B, Hq, Sq, T]; a mask shorter than T keys is padded with −∞ (false);
 *   - is_causal: −∞ unless j ≤ i + offset, where offset is the past length when
 *     past_key is given, nonpad_kv_seqlen[b] − Sq when only that is given, else 0;
 *   - nonpad_kv_seqlen: −∞ for keys j ≥ nonpad_kv_seqlen[b].
 * Softcap comes before the bias, so −∞ stays −∞. A row whose bias is −∞ everywhere
 * (fully masked) gets probabilities 0, hence Y = 0, not NaN (ONNX 1.23's erratum and
 * s2sc's convention).
 *
 * qk_matmul_output_mode: 0 = scale·Q·Kᵀ, 1 = after softcap, 2 = after the bias,
 * 3 = after softmax. (The upstream numpy reference returns the softcapped values in
 * mode 0 too; we follow the operator's text. No conformance test combines the two.)
 */
import type { Tensor } from "../tensor.js";
import { broadcastIndex, sizeOf, withDims, zeros } from "../tensor.js";
import { matmulF32 } from "../matmul.js";
import { floatAttr, input, intAttr } from "./attrs.js";
import { transpose } from "./shape.js";
import type { Kernel } from "./types.js";

/** A 4-D float32 [B, heads, S, D] view of Q, K or V. */
function toHeads(op: string, t: Tensor, heads: number | undefined, what: string): Tensor {
  if (t.dtype !== "float32") throw new Error(`${op}: ${what} must be float32`);
  if (t.dims.length === 4) return t;
  if (t.dims.length !== 3) throw new Error(`${op}: ${what} must be 3-D or 4-D`);
  if (heads === undefined || heads <= 0 || t.dims[2]! % heads !== 0) {
    throw new Error(`${op}: 3-D ${what} needs a head count dividing ${t.dims[2]}`);
  }
  const [b, s, hidden] = t.dims as [number, number, number];
  return transpose(withDims(t, [b, s, heads, hidden / heads]), [0, 2, 1, 3]);
}

/** concat(past, cur) along axis 2 of [B, H, S, D] tensors. */
function appendSeq(past: Tensor | undefined, cur: Tensor): Tensor {
  if (past === undefined) return cur;
  const [b, h, p, d] = past.dims as [number, number, number, number];
  const s = cur.dims[2]!;
  if (past.dims.length !== 4 || cur.dims[0] !== b || cur.dims[1] !== h || cur.dims[3] !== d) {
    throw new Error(
      `Attention: past [${past.dims.join(",")}] does not fit [${cur.dims.join(",")}]`,
    );
  }
  const out = zeros("float32", [b, h, p + s, d]);
  for (let bh = 0; bh < b * h; bh++) {
    out.data.set(past.data.subarray(bh * p * d, (bh + 1) * p * d), bh * (p + s) * d);
    out.data.set(cur.data.subarray(bh * s * d, (bh + 1) * s * d), (bh * (p + s) + p) * d);
  }
  return out;
}

/**
 * The additive bias [B, Hq, Sq, T] (0 or −∞, or float mask values), or undefined when
 * nothing masks, which saves B·Hq·Sq·T doubles for plain self-attention.
 */
function buildBias(
  mask: Tensor | undefined,
  dims: [number, number, number, number],
  causal: boolean,
  pastLen: number | undefined,
  nonpad: Tensor | undefined,
): Float64Array | undefined {
  if (mask === undefined && !causal && nonpad === undefined) return undefined;
  const [B, Hq, Sq, T] = dims;
  const bias = new Float64Array(B * Hq * Sq * T);
  if (mask !== undefined) {
    // Pad the key axis to T (−∞ / false), then numpy-broadcast onto [B, Hq, Sq, T].
    const mDims = [...mask.dims];
    const mT = mDims[mDims.length - 1]!;
    if (mT > T) throw new Error(`Attention: attn_mask has ${mT} keys, more than ${T}`);
    const padded = new Float64Array((sizeOf(mDims) / mT) * T).fill(-Infinity);
    for (let r = 0; r < padded.length / T; r++) {
      for (let j = 0; j < mT; j++) {
        const v = mask.data[r * mT + j]!;
        padded[r * T + j] = mask.dtype === "bool" ? (v ? 0 : -Infinity) : v;
      }
    }
    mDims[mDims.length - 1] = T;
    const idx = broadcastIndex(mDims, dims);
    for (let i = 0; i < bias.length; i++) bias[i] = padded[idx[i]!]!;
  }
  for (let b = 0; b < B; b++) {
    const valid = nonpad === undefined ? T : nonpad.data[b]!;
    const offset = pastLen !== undefined ? pastLen : nonpad !== undefined ? valid - Sq : 0;
    for (let h = 0; h < Hq; h++) {
      for (let i = 0; i < Sq; i++) {
        const row = ((b * Hq + h) * Sq + i) * T;
        for (let j = 0; j < T; j++) {
          if ((causal && j > i + offset) || j >= valid) bias[row + j] = -Infinity;
        }
      }
    }
  }
  return bias;
}

export const Attention: Kernel = (inputs, attrs, ctx) => {
  const op = "Attention";
  const qIn = input(op, inputs, 0);
  const three = qIn.dims.length === 3;
  const qHeadsAttr =
    attrs["q_num_heads"] === undefined ? undefined : intAttr(op, attrs, "q_num_heads", 0);
  const kvHeadsAttr =
    attrs["kv_num_heads"] === undefined ? undefined : intAttr(op, attrs, "kv_num_heads", 0);
  const q = toHeads(op, qIn, qHeadsAttr, "Q");
  const kNew = toHeads(op, input(op, inputs, 1), kvHeadsAttr, "K");
  const vNew = toHeads(op, input(op, inputs, 2), kvHeadsAttr, "V");
  const mask = inputs[3];
  const pastKey = inputs[4];
  const pastValue = inputs[5];
  const nonpad = inputs[6];
  if ((pastKey === undefined) !== (pastValue === undefined)) {
    throw new Error(`${op}: past_key and past_value come together`);
  }
  const k = appendSeq(pastKey, kNew);
  const v = appendSeq(pastValue, vNew);

  const [B, Hq, Sq, D] = q.dims as [number, number, number, number];
  const [, Hkv, T, Dk] = k.dims as [number, number, number, number];
  const Dv = v.dims[3]!;
  if (Dk !== D || k.dims[0] !== B || v.dims[0] !== B || v.dims[1] !== Hkv || v.dims[2] !== T) {
    throw new Error(`${op}: Q, K and V shapes do not agree`);
  }
  if (Hq % Hkv !== 0)
    throw new Error(`${op}: ${Hq} query heads are not a multiple of ${Hkv} KV heads`);
  const group = Hq / Hkv;
  const scale = floatAttr(op, attrs, "scale", 1 / Math.sqrt(D));
  const softcap = floatAttr(op, attrs, "softcap", 0);
  const causal = intAttr(op, attrs, "is_causal", 0) !== 0;
  const mode = intAttr(op, attrs, "qk_matmul_output_mode", 0);
  const wantQk = ctx.outputs > 3;

  const bias = buildBias(mask, [B, Hq, Sq, T], causal, pastKey?.dims[2], nonpad);
  const y = zeros("float32", [B, Hq, Sq, Dv]);
  const qk = wantQk ? zeros("float32", [B, Hq, Sq, T]) : undefined;
  const qd = q.data as Float32Array;
  const kd = k.data as Float32Array;
  const vd = v.data as Float32Array;
  const p = new Float32Array(Sq * T);
  const logits = new Float64Array(T);
  for (let b = 0; b < B; b++) {
    for (let h = 0; h < Hq; h++) {
      const kvh = Math.floor(h / group);
      const kvOff = (b * Hkv + kvh) * T;
      // Q·Kᵀ for this head: [Sq, D] × [D, T]; K is stored [T, D], i.e. transposed.
      const s = matmulF32(
        { data: qd, offset: (b * Hq + h) * Sq * D },
        { data: kd, offset: kvOff * D, transposed: true },
        Sq,
        T,
        D,
      );
      const rowBase = (b * Hq + h) * Sq * T;
      for (let i = 0; i < Sq; i++) {
        let max = -Infinity;
        let masked = bias !== undefined;
        for (let j = 0; j < T; j++) {
          let x = scale * s[i * T + j]!;
          if (qk && mode === 0) qk.data[rowBase + i * T + j] = x;
          if (softcap > 0) x = softcap * Math.tanh(x / softcap);
          if (qk && mode === 1) qk.data[rowBase + i * T + j] = x;
          if (bias !== undefined) {
            const bj = bias[rowBase + i * T + j]!;
            if (bj !== -Infinity) masked = false;
            x += bj;
          }
          if (qk && mode === 2) qk.data[rowBase + i * T + j] = x;
          logits[j] = x;
          if (x > max) max = x;
        }
        let sum = 0;
        for (let j = 0; j < T; j++) {
          const e = masked ? 0 : Math.exp(logits[j]! - max);
          logits[j] = e;
          sum += e;
        }
        for (let j = 0; j < T; j++) {
          const prob = masked ? 0 : logits[j]! / sum;
          p[i * T + j] = prob;
          if (qk && mode === 3) qk.data[rowBase + i * T + j] = prob;
        }
      }
      // P·V: [Sq, T] × [T, Dv].
      matmulF32(
        { data: p },
        { data: vd, offset: kvOff * Dv },
        Sq,
        Dv,
        T,
        y.data as Float32Array,
        (b * Hq + h) * Sq * Dv,
      );
    }
  }
  const yOut = three ? withDims(transpose(y, [0, 2, 1, 3]), [B, Sq, Hq * Dv]) : y;
  return [yOut, k, v, qk];
};
