/**
 * Operators that move data without arithmetic: Concat Split Slice Reshape Transpose
 * Squeeze Unsqueeze Expand Shape ConstantOfShape Range Trilu.
 */
import type { Tensor } from "../tensor.js";
import {
  broadcastShapes,
  broadcastTo,
  fromValues,
  normAxis,
  sizeOf,
  stridesOf,
  withDims,
  zeros,
} from "../tensor.js";
import { input, intAttr, intsInput, numbersAttr, scalarInput } from "./attrs.js";
import type { Kernel } from "./types.js";
import { dtypeAttr } from "./unary.js";

/**
 * Copies the elements of `t` found at `offset + Σ iᵈ·strides[d]` for every index of
 * `outDims`, in row-major order. Transpose and Slice are both this with different
 * strides.
 */
function gatherStrided(
  t: Tensor,
  outDims: readonly number[],
  strides: readonly number[],
  offset: number,
): Tensor {
  const out = zeros(t.dtype, outDims);
  const n = out.data.length;
  const rank = outDims.length;
  const counter = new Array<number>(rank).fill(0);
  let at = offset;
  for (let i = 0; i < n; i++) {
    out.data[i] = t.data[at]!;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d] = counter[d]! + 1;
      at += strides[d]!;
      if (counter[d]! < outDims[d]!) break;
      at -= strides[d]! * outDims[d]!;
      counter[d] = 0;
    }
  }
  return out;
}

/** Permutes the axes: output axis d is input axis perm[d]. */
export function transpose(t: Tensor, perm: readonly number[]): Tensor {
  const rank = t.dims.length;
  if (perm.length !== rank || [...perm].sort((a, b) => a - b).some((p, i) => p !== i)) {
    throw new Error(`Transpose: [${perm.join(",")}] is not a permutation of ${rank} axes`);
  }
  const inStrides = stridesOf(t.dims);
  return gatherStrided(
    t,
    perm.map((p) => t.dims[p]!),
    perm.map((p) => inStrides[p]!),
    0,
  );
}

export const Transpose: Kernel = (inputs, attrs) => {
  const x = input("Transpose", inputs, 0);
  const rank = x.dims.length;
  const perm = numbersAttr("Transpose", attrs, "perm") ?? [...Array(rank).keys()].reverse();
  return [transpose(x, perm)];
};

export const Concat: Kernel = (inputs, attrs) => {
  const xs = inputs.map((_, i) => input("Concat", inputs, i));
  const first = xs[0];
  if (first === undefined) throw new Error("Concat: needs at least one input");
  const rank = first.dims.length;
  const axisAttr = intAttr("Concat", attrs, "axis", NaN);
  if (Number.isNaN(axisAttr)) throw new Error("Concat: attribute axis is required");
  const axis = normAxis(axisAttr, rank, "Concat");
  for (const t of xs) {
    const ok =
      t.dtype === first.dtype &&
      t.dims.length === rank &&
      t.dims.every((d, i) => i === axis || d === first.dims[i]);
    if (!ok)
      throw new Error(`Concat: [${t.dims.join(",")}] does not fit [${first.dims.join(",")}]`);
  }
  const outDims = [...first.dims];
  outDims[axis] = xs.reduce((s, t) => s + t.dims[axis]!, 0);
  const out = zeros(first.dtype, outDims);
  const outer = sizeOf(first.dims.slice(0, axis));
  const inner = sizeOf(first.dims.slice(axis + 1));
  const rowOut = outDims[axis]! * inner;
  let col = 0;
  for (const t of xs) {
    const block = t.dims[axis]! * inner;
    for (let o = 0; o < outer; o++) {
      out.data.set(t.data.subarray(o * block, (o + 1) * block), o * rowOut + col);
    }
    col += block;
  }
  return [out];
};

/** The part of `t` from `start` (inclusive) to `end` along `axis`, contiguous copy. */
function sliceAxis(t: Tensor, axis: number, start: number, end: number): Tensor {
  const outDims = [...t.dims];
  outDims[axis] = end - start;
  const out = zeros(t.dtype, outDims);
  const outer = sizeOf(t.dims.slice(0, axis));
  const inner = sizeOf(t.dims.slice(axis + 1));
  const rowIn = t.dims[axis]! * inner;
  const block = (end - start) * inner;
  for (let o = 0; o < outer; o++) {
    const from = o * rowIn + start * inner;
    out.data.set(t.data.subarray(from, from + block), o * block);
  }
  return out;
}

/**
 * Split along `axis` (default 0). Part sizes come from the `split` input (opset 13+),
 * the `split` attribute (older opsets), or `num_outputs` (opset 18); with none of
 * them the axis is divided among the node's outputs. An uneven division gives every
 * part ceil(n / parts) and the last one the rest (7 → 3, 3, 1 for three parts).
 */
export const Split: Kernel = (inputs, attrs, ctx) => {
  const x = input("Split", inputs, 0);
  const axis = normAxis(intAttr("Split", attrs, "axis", 0), x.dims.length, "Split");
  const len = x.dims[axis]!;
  let sizes = intsInput("Split", inputs, 1) ?? numbersAttr("Split", attrs, "split");
  if (sizes === undefined) {
    const parts = intAttr("Split", attrs, "num_outputs", ctx.outputs);
    if (parts < 1) throw new Error("Split: needs at least one output");
    const chunk = Math.ceil(len / parts);
    sizes = Array.from({ length: parts }, (_, i) => Math.max(0, Math.min(chunk, len - i * chunk)));
  }
  if (sizes.reduce((a, b) => a + b, 0) !== len) {
    throw new Error(`Split: sizes [${sizes.join(",")}] do not add up to ${len}`);
  }
  const parts: Tensor[] = [];
  let start = 0;
  for (const s of sizes) {
    parts.push(sliceAxis(x, axis, start, start + s));
    start += s;
  }
  return parts;
};

/**
 * Slice (opset 10+: starts/ends/axes/steps inputs; opset 1's attributes are read when
 * the inputs are absent). Negative starts/ends count from the end; then, as ONNX
 * specifies, they are clamped to [0, dim] for positive steps and [−1, dim − 1] for
 * negative ones, so out-of-range bounds select what exists.
 */
export const Slice: Kernel = (inputs, attrs) => {
  const x = input("Slice", inputs, 0);
  const rank = x.dims.length;
  const starts = intsInput("Slice", inputs, 1) ?? numbersAttr("Slice", attrs, "starts");
  const ends = intsInput("Slice", inputs, 2) ?? numbersAttr("Slice", attrs, "ends");
  if (starts === undefined || ends === undefined)
    throw new Error("Slice: starts and ends are required");
  const axes =
    intsInput("Slice", inputs, 3) ?? numbersAttr("Slice", attrs, "axes") ?? starts.map((_, i) => i);
  const steps = intsInput("Slice", inputs, 4) ?? starts.map(() => 1);
  if (
    ends.length !== starts.length ||
    axes.length !== starts.length ||
    steps.length !== starts.length
  ) {
    throw new Error("Slice: starts, ends, axes and steps differ in length");
  }
  const begin = new Array<number>(rank).fill(0);
  const step = new Array<number>(rank).fill(1);
  const outDims = [...x.dims];
  axes.forEach((a, i) => {
    const ax = normAxis(a, rank, "Slice");
    const dim = x.dims[ax]!;
    const st = steps[i]!;
    if (st === 0) throw new Error("Slice: step 0");
    let s = starts[i]!;
    let e = ends[i]!;
    if (s < 0) s += dim;
    if (e < 0) e += dim;
    if (st > 0) {
      s = clamp(s, 0, dim);
      e = clamp(e, 0, dim);
    } else {
      s = clamp(s, -1, dim - 1);
      e = clamp(e, -1, dim - 1);
    }
    begin[ax] = s;
    step[ax] = st;
    outDims[ax] = Math.max(0, Math.ceil((e - s) / st));
  });
  const inStrides = stridesOf(x.dims);
  const offset = begin.reduce((acc, b, d) => acc + b * inStrides[d]!, 0);
  return [
    gatherStrided(
      x,
      outDims,
      inStrides.map((s, d) => s * step[d]!),
      sizeOf(outDims) === 0 ? 0 : offset,
    ),
  ];
};

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(Math.max(v, lo), hi);
}

/**
 * Reshape: a 0 copies the input's dim at that position unless allowzero = 1 (then it
 * is a literal 0); one −1 is inferred. The result shares the input's data.
 */
export const Reshape: Kernel = (inputs, attrs) => {
  const x = input("Reshape", inputs, 0);
  const shape = intsInput("Reshape", inputs, 1) ?? numbersAttr("Reshape", attrs, "shape");
  if (shape === undefined) throw new Error("Reshape: shape is required");
  const allowzero = intAttr("Reshape", attrs, "allowzero", 0) !== 0;
  const dims = shape.map((d, i) => (d === 0 && !allowzero ? x.dims[i]! : d));
  const unknown = dims.indexOf(-1);
  if (unknown >= 0) {
    const known = dims.reduce((p, d, i) => (i === unknown ? p : p * d), 1);
    if (known === 0 || sizeOf(x.dims) % known !== 0) {
      throw new Error(`Reshape: cannot infer −1 for [${x.dims.join(",")}] → [${shape.join(",")}]`);
    }
    dims[unknown] = sizeOf(x.dims) / known;
  }
  if (dims.some((d) => d < 0) || sizeOf(dims) !== sizeOf(x.dims)) {
    throw new Error(`Reshape: [${x.dims.join(",")}] cannot become [${shape.join(",")}]`);
  }
  return [withDims(x, dims)];
};

/** Squeeze: removes the listed axes (which must be 1), or every 1 when none are listed. */
export const Squeeze: Kernel = (inputs, attrs) => {
  const x = input("Squeeze", inputs, 0);
  const rank = x.dims.length;
  const axes = intsInput("Squeeze", inputs, 1) ?? numbersAttr("Squeeze", attrs, "axes");
  const drop = new Set<number>();
  if (axes === undefined) x.dims.forEach((d, i) => d === 1 && drop.add(i));
  for (const a of axes ?? []) {
    const ax = normAxis(a, rank, "Squeeze");
    if (x.dims[ax] !== 1) throw new Error(`Squeeze: axis ${a} has size ${x.dims[ax]}, not 1`);
    drop.add(ax);
  }
  return [
    withDims(
      x,
      x.dims.filter((_, i) => !drop.has(i)),
    ),
  ];
};

/** Unsqueeze: inserts 1s at the listed axes, which index the output and may be negative or unsorted. */
export const Unsqueeze: Kernel = (inputs, attrs) => {
  const x = input("Unsqueeze", inputs, 0);
  const axes = intsInput("Unsqueeze", inputs, 1) ?? numbersAttr("Unsqueeze", attrs, "axes");
  if (axes === undefined) throw new Error("Unsqueeze: axes are required");
  const rank = x.dims.length + axes.length;
  const ones = new Set(axes.map((a) => normAxis(a, rank, "Unsqueeze")));
  if (ones.size !== axes.length) throw new Error("Unsqueeze: repeated axis");
  const dims: number[] = [];
  let k = 0;
  for (let i = 0; i < rank; i++) dims.push(ones.has(i) ? 1 : x.dims[k++]!);
  return [withDims(x, dims)];
};

/** Expand: broadcasts the input and the `shape` input against each other (both ways). */
export const Expand: Kernel = (inputs) => {
  const x = input("Expand", inputs, 0);
  const shape = intsInput("Expand", inputs, 1);
  if (shape === undefined) throw new Error("Expand: shape is required");
  return [broadcastTo(x, broadcastShapes(x.dims, shape))];
};

/** Shape (opset 15): the dims from `start` to `end` (clamped, negatives from the end) as int64. */
export const Shape: Kernel = (inputs, attrs) => {
  const x = input("Shape", inputs, 0);
  const rank = x.dims.length;
  const fix = (v: number): number => clamp(v < 0 ? v + rank : v, 0, rank);
  const start = fix(intAttr("Shape", attrs, "start", 0));
  const end = fix(intAttr("Shape", attrs, "end", rank));
  const dims = x.dims.slice(start, Math.max(start, end));
  return [fromValues("int64", [dims.length], dims)];
};

/**
 * ConstantOfShape. ONNX's `value` is a one-element tensor attribute (default float32
 * 0); kernel attributes carry no tensors, so the interpreter passes it as the number
 * `value` plus the element type as `dtype` (an ONNX type code or an IR dtype name).
 */
export const ConstantOfShape: Kernel = (inputs, attrs) => {
  const shape = intsInput("ConstantOfShape", inputs, 0);
  if (shape === undefined) throw new Error("ConstantOfShape: input is required");
  const dtype =
    attrs["dtype"] === undefined ? "float32" : dtypeAttr("ConstantOfShape", attrs["dtype"]);
  const raw = attrs["value"];
  const value = Array.isArray(raw) ? Number(raw[0] ?? 0) : typeof raw === "number" ? raw : 0;
  const out = zeros(dtype, shape);
  out.data.fill(dtype === "bool" ? (value !== 0 ? 1 : 0) : value);
  return [out];
};

/**
 * Range: start, start + delta, … while short of `limit`; the count is
 * max(ceil((limit − start) / delta), 0). Output dtype is the inputs'.
 */
export const Range: Kernel = (inputs) => {
  const start = input("Range", inputs, 0);
  const limit = scalarInput("Range", inputs, 1);
  const delta = scalarInput("Range", inputs, 2);
  if (limit === undefined || delta === undefined) throw new Error("Range: needs three inputs");
  if (delta === 0) throw new Error("Range: delta is 0");
  const s = start.data[0]!;
  const n = Math.max(Math.ceil((limit - s) / delta), 0);
  const out = zeros(start.dtype, [n]);
  for (let i = 0; i < n; i++) out.data[i] = s + i * delta;
  return [out];
};

/**
 * Trilu: keeps the upper (upper = 1, default) or lower triangle of the last two axes,
 * with diagonal offset k (optional int64 input): element (i, j) survives when
 * j − i ≥ k (upper) or j − i ≤ k (lower).
 */
export const Trilu: Kernel = (inputs, attrs) => {
  const x = input("Trilu", inputs, 0);
  if (x.dims.length < 2) throw new Error("Trilu: needs rank ≥ 2");
  const upper = intAttr("Trilu", attrs, "upper", 1) !== 0;
  const k = scalarInput("Trilu", inputs, 1) ?? 0;
  const rows = x.dims[x.dims.length - 2]!;
  const cols = x.dims[x.dims.length - 1]!;
  const out = zeros(x.dtype, x.dims);
  const mats = sizeOf(x.dims.slice(0, -2));
  for (let m = 0; m < mats; m++) {
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const keep = upper ? j - i >= k : j - i <= k;
        const at = (m * rows + i) * cols + j;
        if (keep) out.data[at] = x.data[at]!;
      }
    }
  }
  return [out];
};
