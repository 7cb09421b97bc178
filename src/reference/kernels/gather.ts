/**
 * Indexing operators: Gather (embedding lookup), GatherElements, GatherND. Indices
 * may be int32 or int64 and negative (counting from the end); out-of-range indices
 * throw rather than read garbage.
 */
import type { Tensor } from "../tensor.js";
import { normAxis, sizeOf, stridesOf, zeros } from "../tensor.js";
import { input, intAttr } from "./attrs.js";
import type { Kernel } from "./types.js";

function indexTensor(op: string, t: Tensor): Tensor {
  if (t.dtype !== "int32" && t.dtype !== "int64")
    throw new Error(`${op}: indices must be int32 or int64`);
  return t;
}

function fixIndex(op: string, i: number, dim: number): number {
  const j = i < 0 ? i + dim : i;
  if (j < 0 || j >= dim) throw new Error(`${op}: index ${i} is out of range for a dim of ${dim}`);
  return j;
}

/** out = data[:axis] ++ indices.dims ++ data[axis+1:]; each index selects a contiguous block. */
export const Gather: Kernel = (inputs, attrs) => {
  const data = input("Gather", inputs, 0);
  const indices = indexTensor("Gather", input("Gather", inputs, 1));
  const axis = normAxis(intAttr("Gather", attrs, "axis", 0), data.dims.length, "Gather");
  const dim = data.dims[axis]!;
  const outer = sizeOf(data.dims.slice(0, axis));
  const inner = sizeOf(data.dims.slice(axis + 1));
  const outDims = [...data.dims.slice(0, axis), ...indices.dims, ...data.dims.slice(axis + 1)];
  const out = zeros(data.dtype, outDims);
  const count = indices.data.length;
  for (let o = 0; o < outer; o++) {
    for (let q = 0; q < count; q++) {
      const from = (o * dim + fixIndex("Gather", indices.data[q]!, dim)) * inner;
      out.data.set(data.data.subarray(from, from + inner), (o * count + q) * inner);
    }
  }
  return [out];
};

/** out[i…] = data[i… with the `axis` coordinate replaced by indices[i…]]; out has indices' shape. */
export const GatherElements: Kernel = (inputs, attrs) => {
  const data = input("GatherElements", inputs, 0);
  const indices = indexTensor("GatherElements", input("GatherElements", inputs, 1));
  const rank = data.dims.length;
  if (indices.dims.length !== rank) throw new Error("GatherElements: ranks differ");
  const axis = normAxis(intAttr("GatherElements", attrs, "axis", 0), rank, "GatherElements");
  const out = zeros(data.dtype, indices.dims);
  const dataStrides = stridesOf(data.dims);
  const counter = new Array<number>(rank).fill(0);
  for (let i = 0; i < out.data.length; i++) {
    let at = 0;
    for (let d = 0; d < rank; d++) {
      const c =
        d === axis ? fixIndex("GatherElements", indices.data[i]!, data.dims[axis]!) : counter[d]!;
      at += c * dataStrides[d]!;
    }
    out.data[i] = data.data[at]!;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d] = counter[d]! + 1;
      if (counter[d]! < indices.dims[d]!) break;
      counter[d] = 0;
    }
  }
  return [out];
};

/**
 * GatherND: the last indices dim q addresses the first q dims of data after the
 * `batch_dims` leading dims shared by both; each index tuple selects a contiguous block.
 * out = indices.dims[:-1] ++ data.dims[batch_dims + q:].
 */
export const GatherND: Kernel = (inputs, attrs) => {
  const data = input("GatherND", inputs, 0);
  const indices = indexTensor("GatherND", input("GatherND", inputs, 1));
  const b = intAttr("GatherND", attrs, "batch_dims", 0);
  const q = indices.dims[indices.dims.length - 1]!;
  if (indices.dims.length < 1 || b + q > data.dims.length) {
    throw new Error("GatherND: indices address more dims than data has");
  }
  const batch = sizeOf(data.dims.slice(0, b));
  const tuples = sizeOf(indices.dims.slice(b, -1));
  const inner = sizeOf(data.dims.slice(b + q));
  const perBatch = sizeOf(data.dims.slice(b));
  const addressed = data.dims.slice(b, b + q);
  const strides = stridesOf(addressed).map((s) => s * inner);
  const out = zeros(data.dtype, [...indices.dims.slice(0, -1), ...data.dims.slice(b + q)]);
  for (let bi = 0; bi < batch; bi++) {
    for (let t = 0; t < tuples; t++) {
      const tuple = (bi * tuples + t) * q;
      let from = bi * perBatch;
      for (let d = 0; d < q; d++) {
        from += fixIndex("GatherND", indices.data[tuple + d]!, addressed[d]!) * strides[d]!;
      }
      out.data.set(data.data.subarray(from, from + inner), (bi * tuples + t) * inner);
    }
  }
  return [out];
};
