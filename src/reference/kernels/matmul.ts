/**
 * MatMul (numpy matmul semantics) and Gemm, on top of the packed float32 kernel in
 * ../matmul.ts. Integer matmuls, which models only use for bookkeeping if at all, take
 * a plain triple loop.
 */
import type { TensorData } from "../tensor.js";
import {
  broadcastIndex,
  broadcastShapes,
  broadcastTo,
  fixInt64,
  sizeOf,
  zeros,
} from "../tensor.js";
import type { PackedB } from "../matmul.js";
import { matmulF32, matmulPacked, packA, packB } from "../matmul.js";
import { floatAttr, input, intAttr } from "./attrs.js";
import type { Kernel } from "./types.js";

/**
 * numpy matmul: a 1-D left operand is a row vector and a 1-D right operand a column
 * vector (the added dim is dropped from the result); leading dims are batch dims and
 * broadcast.
 */
export const MatMul: Kernel = (inputs) => {
  const a = input("MatMul", inputs, 0);
  const b = input("MatMul", inputs, 1);
  if (a.dtype !== b.dtype) throw new Error(`MatMul: types ${a.dtype} and ${b.dtype} differ`);
  if (a.dtype === "bool") throw new Error("MatMul: bool is not numeric");
  if (a.dims.length === 0 || b.dims.length === 0)
    throw new Error("MatMul: scalars are not allowed");
  const aDims = a.dims.length === 1 ? [1, a.dims[0]!] : [...a.dims];
  const bDims = b.dims.length === 1 ? [b.dims[0]!, 1] : [...b.dims];
  const m = aDims[aDims.length - 2]!;
  const k = aDims[aDims.length - 1]!;
  const n = bDims[bDims.length - 1]!;
  if (bDims[bDims.length - 2] !== k) {
    throw new Error(`MatMul: [${a.dims.join(",")}] × [${b.dims.join(",")}]: inner dims differ`);
  }
  const aBatch = aDims.slice(0, -2);
  const bBatch = bDims.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch);
  const outDims = [...batch, m, n];
  if (a.dims.length === 1) outDims.splice(outDims.length - 2, 1);
  if (b.dims.length === 1) outDims.splice(outDims.length - 1, 1);
  const out = zeros(a.dtype, outDims);
  if (out.data.length === 0) return [out];

  const batches = sizeOf(batch);
  const ia = broadcastIndex(aBatch, batch);
  const ib = broadcastIndex(bBatch, batch);
  if (a.dtype !== "float32") {
    for (let t = 0; t < batches; t++) {
      naiveMatmul(a.data, ia[t]! * m * k, b.data, ib[t]! * k * n, out.data, t * m * n, m, n, k);
    }
    return [fixInt64(out)];
  }
  const ad = a.data as Float32Array;
  const bd = b.data as Float32Array;
  const od = out.data as Float32Array;
  if (sizeOf(bBatch) === 1) {
    // One right operand for every batch (a linear layer on [B, S, D]): fold A's batch
    // dims into its rows, which is one large product instead of many small ones. A's
    // batches then lie consecutively, exactly where the output's do.
    const rows = sizeOf(aBatch) * m;
    matmulF32({ data: ad }, { data: bd }, rows, n, k, od);
    return [out];
  }
  // Pack each distinct right operand once, however many batches broadcast it.
  const packed = new Map<number, PackedB>();
  for (let t = 0; t < batches; t++) {
    let pb = packed.get(ib[t]!);
    if (pb === undefined) {
      pb = packB({ data: bd, offset: ib[t]! * k * n }, k, n);
      packed.set(ib[t]!, pb);
    }
    matmulPacked(packA({ data: ad, offset: ia[t]! * m * k }, m, k), pb, od, t * m * n);
  }
  return [out];
};

function naiveMatmul(
  a: TensorData,
  aOff: number,
  b: TensorData,
  bOff: number,
  c: TensorData,
  cOff: number,
  m: number,
  n: number,
  k: number,
): void {
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let kk = 0; kk < k; kk++) s += a[aOff + i * k + kk]! * b[bOff + kk * n + j]!;
      c[cOff + i * n + j] = s;
    }
  }
}

/**
 * Gemm: Y = alpha·A'·B' + beta·C with A' = transA ? Aᵀ : A (likewise B'), and C
 * broadcast to [M, N]. Transposition costs nothing extra: the packing reads either layout.
 */
export const Gemm: Kernel = (inputs, attrs) => {
  const a = input("Gemm", inputs, 0);
  const b = input("Gemm", inputs, 1);
  const c = inputs[2];
  const alpha = floatAttr("Gemm", attrs, "alpha", 1);
  const beta = floatAttr("Gemm", attrs, "beta", 1);
  const transA = intAttr("Gemm", attrs, "transA", 0) !== 0;
  const transB = intAttr("Gemm", attrs, "transB", 0) !== 0;
  if (a.dtype !== "float32" || b.dtype !== "float32") throw new Error("Gemm: needs float32");
  if (a.dims.length !== 2 || b.dims.length !== 2) throw new Error("Gemm: A and B must be 2-D");
  const [m, k] = transA ? [a.dims[1]!, a.dims[0]!] : [a.dims[0]!, a.dims[1]!];
  const [kb, n] = transB ? [b.dims[1]!, b.dims[0]!] : [b.dims[0]!, b.dims[1]!];
  if (k !== kb) throw new Error(`Gemm: inner dims ${k} and ${kb} differ`);
  const ab = matmulF32(
    { data: a.data as Float32Array, transposed: transA },
    { data: b.data as Float32Array, transposed: transB },
    m,
    n,
    k,
  );
  const y = zeros("float32", [m, n]);
  const cb = c === undefined || beta === 0 ? undefined : broadcastTo(c, [m, n]).data;
  for (let i = 0; i < ab.length; i++) {
    y.data[i] = alpha * ab[i]! + (cb === undefined ? 0 : beta * cb[i]!);
  }
  return [y];
};
