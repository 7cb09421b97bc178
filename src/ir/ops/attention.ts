/**
 * ONNX `Attention` (opset 23): softmax(Q·Kᵀ·scale + mask)·V over already projected Q,
 * K and V, with optional past key/value (the decoder's cache) and causal masking. The
 * projections around it are ordinary MatMul/Add nodes.
 */
import { addDims, dimsEqual, formatShape, Poly } from "../dims.js";
import type { Dim } from "../types.js";
import { intAttr, need, ShapeError, type InferArgs, type OpDef } from "./def.js";

interface AttnDims {
  batch: Dim;
  qHeads: number;
  kvHeads: number;
  qSeq: Dim;
  kvSeq: Dim;
  headSize: number;
  vHeadSize: number;
  pastSeq: Dim;
  rank: number;
}

function attnDims(a: InferArgs): AttnDims {
  const q = need(a, 0, "Attention");
  const k = need(a, 1, "Attention");
  const v = need(a, 2, "Attention");
  const rank = q.shape.length;
  let qHeads: number, kvHeads: number, headSize: number, vHeadSize: number, qSeq: Dim, kvSeq: Dim;
  if (rank === 3) {
    qHeads = intAttr(a, "q_num_heads", 0);
    kvHeads = intAttr(a, "kv_num_heads", 0);
    if (qHeads <= 0 || kvHeads <= 0)
      throw new ShapeError("Attention: 3-D inputs need q_num_heads and kv_num_heads");
    const qh = q.shape[2]!;
    const kh = k.shape[2]!;
    const vh = v.shape[2]!;
    if (typeof qh !== "number" || typeof kh !== "number" || typeof vh !== "number") {
      throw new ShapeError("Attention: hidden sizes must be concrete");
    }
    if (qh % qHeads !== 0)
      throw new ShapeError(`Attention: ${qh} is not divisible into ${qHeads} heads`);
    headSize = qh / qHeads;
    if (kh !== kvHeads * headSize)
      throw new ShapeError(`Attention: key size ${kh} does not match query heads of ${headSize}`);
    vHeadSize = vh / kvHeads;
    qSeq = q.shape[1]!;
    kvSeq = k.shape[1]!;
  } else if (rank === 4) {
    qHeads = q.shape[1] as number;
    kvHeads = k.shape[1] as number;
    headSize = q.shape[3] as number;
    vHeadSize = v.shape[3] as number;
    qSeq = q.shape[2]!;
    kvSeq = k.shape[2]!;
    if (!dimsEqual(k.shape[3]!, headSize)) {
      throw new ShapeError(
        `Attention: query and key head sizes differ (${formatShape(q.shape)} vs ${formatShape(k.shape)})`,
      );
    }
  } else {
    throw new ShapeError(`Attention: Q must be 3-D or 4-D, got ${formatShape(q.shape)}`);
  }
  if (qHeads % kvHeads !== 0)
    throw new ShapeError("Attention: q heads must be a multiple of kv heads");
  const past = a.inputs[4];
  const pastSeq: Dim = past === undefined ? 0 : past.shape[2]!;
  return { batch: q.shape[0]!, qHeads, kvHeads, qSeq, kvSeq, headSize, vHeadSize, pastSeq, rank };
}

export const ATTENTION_OPS: OpDef[] = [
  {
    name: "Attention",
    domain: "",
    category: "opaque",
    inputs: [3, 6],
    outputs: [1, 4],
    attrs: {
      is_causal: { kind: "int" },
      kv_num_heads: { kind: "int" },
      q_num_heads: { kind: "int" },
      qk_matmul_output_mode: { kind: "int" },
      scale: { kind: "float" },
      softcap: { kind: "float" },
      softmax_precision: { kind: "int" },
    },
    infer(a) {
      const d = attnDims(a);
      const dtype = need(a, 0, "Attention").dtype;
      const total = addDims(d.pastSeq, d.kvSeq);
      const y: Dim[] =
        d.rank === 3
          ? [d.batch, d.qSeq, d.qHeads * d.vHeadSize]
          : [d.batch, d.qHeads, d.qSeq, d.vHeadSize];
      return [
        { dtype, shape: y },
        { dtype, shape: [d.batch, d.kvHeads, total, d.headSize] },
        { dtype, shape: [d.batch, d.kvHeads, total, d.vHeadSize] },
        { dtype, shape: [d.batch, d.qHeads, d.qSeq, total] },
      ];
    },
    macs(a) {
      const d = attnDims(a);
      const total = addDims(d.pastSeq, d.kvSeq);
      // Q·Kᵀ and weights·V: the two batched matmuls.
      return Poly.product([d.batch, d.qSeq, total]).mul(
        Poly.of(d.qHeads * (d.headSize + d.vHeadSize)),
      );
    },
    doc: "ONNX Attention (opset 23): scaled dot-product attention over projected Q, K, V",
  },
];
