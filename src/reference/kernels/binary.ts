/**
 * Elementwise operators over two or more inputs, with numpy broadcasting:
 * Add Sub Mul Div Pow Max Min Sum Mean Equal Less Where.
 */
import type { DType, Tensor } from "../tensor.js";
import { broadcastIndex, broadcastShapes, fixInt64, sameDims, zeros } from "../tensor.js";
import { input } from "./attrs.js";
import type { Kernel } from "./types.js";

type Fn2 = (x: number, y: number) => number;

/**
 * out[i] = f(a[ia], b[ib]) over the broadcast shape. Results go through the output
 * array's store, so float32 rounds once and int32 wraps like int32 arithmetic.
 */
function map2(a: Tensor, b: Tensor, outDtype: DType, f: Fn2): Tensor {
  const dims = broadcastShapes(a.dims, b.dims);
  const out = zeros(outDtype, dims);
  const o = out.data;
  const ad = a.data;
  const bd = b.data;
  const n = o.length;
  if (sameDims(a.dims, b.dims)) {
    for (let i = 0; i < n; i++) o[i] = f(ad[i]!, bd[i]!);
  } else if (bd.length === 1 && sameDims(a.dims, dims)) {
    const y = bd[0]!;
    for (let i = 0; i < n; i++) o[i] = f(ad[i]!, y);
  } else if (ad.length === 1 && sameDims(b.dims, dims)) {
    const x = ad[0]!;
    for (let i = 0; i < n; i++) o[i] = f(x, bd[i]!);
  } else {
    const ia = broadcastIndex(a.dims, dims);
    const ib = broadcastIndex(b.dims, dims);
    for (let i = 0; i < n; i++) o[i] = f(ad[ia[i]!]!, bd[ib[i]!]!);
  }
  return fixInt64(out);
}

function sameType(op: string, a: Tensor, b: Tensor): void {
  if (a.dtype !== b.dtype) throw new Error(`${op}: input types ${a.dtype} and ${b.dtype} differ`);
}

const NUMERIC: readonly DType[] = ["float32", "int32", "int64"];

function numeric(op: string, t: Tensor): void {
  if (!NUMERIC.includes(t.dtype)) throw new Error(`${op}: ${t.dtype} is not a numeric type`);
}

/** A same-typed arithmetic operator; `int32` may override `f` where doubles would be inexact. */
function arithmetic(op: string, f: Fn2, perType: Partial<Record<DType, Fn2>> = {}): Kernel {
  return (inputs) => {
    const a = input(op, inputs, 0);
    const b = input(op, inputs, 1);
    sameType(op, a, b);
    numeric(op, a);
    return [map2(a, b, a.dtype, perType[a.dtype] ?? f)];
  };
}

/** Integer division truncates toward zero (C semantics, as ONNX specifies); x/0 gives 0. */
const truncDiv: Fn2 = (x, y) => (y === 0 ? 0 : Math.trunc(x / y));

export const Add = arithmetic("Add", (x, y) => x + y);
export const Sub = arithmetic("Sub", (x, y) => x - y);
/** int32 products can exceed 2^53 before wrapping, so use the exact 32-bit multiply. */
export const Mul = arithmetic("Mul", (x, y) => x * y, { int32: Math.imul });
export const Div = arithmetic("Div", (x, y) => x / y, { int32: truncDiv, int64: truncDiv });

/**
 * Pow allows a different exponent type; the result has the base's type, so an integer
 * base truncates (ONNX: int base, float exponent gives int).
 */
export const Pow: Kernel = (inputs) => {
  const a = input("Pow", inputs, 0);
  const b = input("Pow", inputs, 1);
  numeric("Pow", a);
  numeric("Pow", b);
  const f: Fn2 = a.dtype === "float32" ? Math.pow : (x, y) => Math.trunc(Math.pow(x, y));
  return [map2(a, b, a.dtype, f)];
};

export const Equal: Kernel = (inputs) => {
  const a = input("Equal", inputs, 0);
  const b = input("Equal", inputs, 1);
  sameType("Equal", a, b);
  return [map2(a, b, "bool", (x, y) => (x === y ? 1 : 0))];
};

export const Less: Kernel = (inputs) => {
  const a = input("Less", inputs, 0);
  const b = input("Less", inputs, 1);
  sameType("Less", a, b);
  numeric("Less", a);
  return [map2(a, b, "bool", (x, y) => (x < y ? 1 : 0))];
};

/**
 * The variadic operators fold all inputs into a float64 accumulator over the common
 * broadcast shape, then store once: Sum and Mean of float32 inputs round once, not
 * once per input.
 */
function variadic(
  op: string,
  fold: (acc: number, x: number) => number,
  finish: (acc: number, n: number) => number = (acc) => acc,
  floatOnly = false,
): Kernel {
  return (inputs) => {
    const xs = inputs.map((t, i) => input(op, inputs, i));
    if (xs.length === 0) throw new Error(`${op}: needs at least one input`);
    const first = xs[0]!;
    for (const t of xs) {
      sameType(op, first, t);
      numeric(op, t);
    }
    if (floatOnly && first.dtype !== "float32") throw new Error(`${op}: needs float32 inputs`);
    const dims = broadcastShapes(...xs.map((t) => t.dims));
    const out = zeros(first.dtype, dims);
    const n = out.data.length;
    const acc = new Float64Array(n);
    xs.forEach((t, k) => {
      const idx = sameDims(t.dims, dims) ? undefined : broadcastIndex(t.dims, dims);
      const d = t.data;
      for (let i = 0; i < n; i++) {
        const x = d[idx === undefined ? i : idx[i]!]!;
        acc[i] = k === 0 ? x : fold(acc[i]!, x);
      }
    });
    for (let i = 0; i < n; i++) out.data[i] = finish(acc[i]!, xs.length);
    return [fixInt64(out)];
  };
}

/** Math.max/min propagate NaN, as numpy's maximum/minimum (and ONNX) do. */
export const Max = variadic("Max", Math.max);
export const Min = variadic("Min", Math.min);
export const Sum = variadic("Sum", (acc, x) => acc + x);
export const Mean = variadic(
  "Mean",
  (acc, x) => acc + x,
  (acc, n) => acc / n,
  true,
);

export const Where: Kernel = (inputs) => {
  const c = input("Where", inputs, 0);
  const x = input("Where", inputs, 1);
  const y = input("Where", inputs, 2);
  if (c.dtype !== "bool") throw new Error(`Where: condition must be bool, not ${c.dtype}`);
  sameType("Where", x, y);
  const dims = broadcastShapes(c.dims, x.dims, y.dims);
  const out = zeros(x.dtype, dims);
  const ic = broadcastIndex(c.dims, dims);
  const ix = broadcastIndex(x.dims, dims);
  const iy = broadcastIndex(y.dims, dims);
  for (let i = 0; i < out.data.length; i++) {
    out.data[i] = c.data[ic[i]!] ? x.data[ix[i]!]! : y.data[iy[i]!]!;
  }
  return [out];
};
