/**
 * Reductions: ReduceSum ReduceMean ReduceMax, ArgMax, CumSum.
 */
import type { DType } from "../tensor.js";
import { broadcastIndex, fixInt64, normAxis, sizeOf, zeros } from "../tensor.js";
import { input, intAttr, intsInput, numbersAttr, scalarInput } from "./attrs.js";
import type { Kernel } from "./types.js";

interface Reduction {
  /** The value of an empty reduction. */
  init: (dtype: DType) => number;
  step: (acc: number, x: number) => number;
  finish: (acc: number, count: number) => number;
}

/**
 * ReduceSum (13+), ReduceMean and ReduceMax (18+): `axes` is an optional int64 input
 * (the `axes` attribute of older opsets is read when the input is absent). With no or
 * empty axes every axis is reduced, unless noop_with_empty_axes = 1, which makes the
 * op an identity. keepdims defaults to 1. Accumulation is in float64.
 */
function reduceKernel(op: string, r: Reduction, allowBool = false): Kernel {
  return (inputs, attrs) => {
    const x = input(op, inputs, 0);
    if (x.dtype === "bool" && !allowBool) throw new Error(`${op}: bool is not numeric`);
    const keepdims = intAttr(op, attrs, "keepdims", 1) !== 0;
    const noop = intAttr(op, attrs, "noop_with_empty_axes", 0) !== 0;
    const given = intsInput(op, inputs, 1) ?? numbersAttr(op, attrs, "axes") ?? [];
    if (given.length === 0 && noop) return [x];
    const rank = x.dims.length;
    const reduced = new Array<boolean>(rank).fill(given.length === 0);
    for (const a of given) reduced[normAxis(a, rank, op)] = true;

    const keptDims = x.dims.map((d, i) => (reduced[i] ? 1 : d));
    const outDims = keepdims ? keptDims : x.dims.filter((_, i) => !reduced[i]);
    const out = zeros(x.dtype, outDims);
    const acc = new Float64Array(out.data.length).fill(r.init(x.dtype));
    // Each input element's output slot: broadcasting the kept-dims shape onto the input.
    const slot = broadcastIndex(keptDims, x.dims);
    const d = x.data;
    for (let i = 0; i < d.length; i++) acc[slot[i]!] = r.step(acc[slot[i]!]!, d[i]!);
    const count = x.dims.reduce((p, dim, i) => (reduced[i] ? p * dim : p), 1);
    for (let i = 0; i < acc.length; i++) out.data[i] = r.finish(acc[i]!, count);
    return [fixInt64(out)];
  };
}

const sum = (acc: number, x: number): number => acc + x;
const same = (acc: number): number => acc;
const zero = (): number => 0;

export const ReduceSum = reduceKernel("ReduceSum", { init: zero, step: sum, finish: same });
/** The mean of an empty set is 0/0 = NaN, as in numpy. */
export const ReduceMean = reduceKernel("ReduceMean", {
  init: zero,
  step: sum,
  finish: (acc, n) => acc / n,
});

/** The smallest value of each type: what ONNX gives for the maximum of an empty set. */
const LOWEST: Record<DType, number> = {
  float32: -Infinity,
  int32: -2147483648,
  int64: -9223372036854775808, // −2^63, exact in a double
  bool: 0,
};

/** ReduceMax propagates NaN, as numpy's max does. Opset 20 accepts bool. */
export const ReduceMax = reduceKernel(
  "ReduceMax",
  {
    init: (dtype) => LOWEST[dtype],
    step: (acc, x) => (x > acc || Number.isNaN(x) ? x : acc),
    finish: same,
  },
  true,
);

/** ArgMax: int64 indices along `axis` (default 0); ties go to the first, or the last with select_last_index. */
export const ArgMax: Kernel = (inputs, attrs) => {
  const x = input("ArgMax", inputs, 0);
  const axis = normAxis(intAttr("ArgMax", attrs, "axis", 0), x.dims.length, "ArgMax");
  const keepdims = intAttr("ArgMax", attrs, "keepdims", 1) !== 0;
  const last = intAttr("ArgMax", attrs, "select_last_index", 0) !== 0;
  const outer = sizeOf(x.dims.slice(0, axis));
  const len = x.dims[axis]!;
  const inner = sizeOf(x.dims.slice(axis + 1));
  if (len === 0) throw new Error("ArgMax: empty axis");
  const outDims = x.dims.map((d, i) => (i === axis ? 1 : d));
  if (!keepdims) outDims.splice(axis, 1);
  const out = zeros("int64", outDims);
  for (let o = 0; o < outer; o++) {
    for (let q = 0; q < inner; q++) {
      const base = o * len * inner + q;
      let best = 0;
      let bestV = x.data[base]!;
      for (let j = 1; j < len; j++) {
        const v = x.data[base + j * inner]!;
        if (Number.isNaN(bestV)) break; // numpy: the first NaN wins
        if (v > bestV || (last && v === bestV) || Number.isNaN(v)) {
          best = j;
          bestV = v;
        }
      }
      out.data[o * inner + q] = best;
    }
  }
  return [out];
};

/** CumSum along the scalar `axis` input; `exclusive` shifts by one, `reverse` runs backwards. */
export const CumSum: Kernel = (inputs, attrs) => {
  const x = input("CumSum", inputs, 0);
  const axisValue = scalarInput("CumSum", inputs, 1);
  if (axisValue === undefined) throw new Error("CumSum: input 1 (axis) is required");
  const axis = normAxis(axisValue, x.dims.length, "CumSum");
  const exclusive = intAttr("CumSum", attrs, "exclusive", 0) !== 0;
  const reverse = intAttr("CumSum", attrs, "reverse", 0) !== 0;
  const out = zeros(x.dtype, x.dims);
  const outer = sizeOf(x.dims.slice(0, axis));
  const len = x.dims[axis]!;
  const inner = sizeOf(x.dims.slice(axis + 1));
  for (let o = 0; o < outer; o++) {
    for (let q = 0; q < inner; q++) {
      let acc = 0;
      for (let s = 0; s < len; s++) {
        const j = reverse ? len - 1 - s : s;
        const at = (o * len + j) * inner + q;
        const v = x.data[at]!;
        if (!exclusive) acc += v;
        out.data[at] = acc;
        if (exclusive) acc += v;
      }
    }
  }
  return [out];
};
