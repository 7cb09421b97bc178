/**
 * Elementwise operators of one input: the math functions, Clip, Not, Identity, Cast.
 */
import type { DType, Tensor } from "../tensor.js";
import { fixInt64, zeros } from "../tensor.js";
import { erf, gelu, hardSigmoid, sigmoid, softplus } from "../math.js";
import { floatAttr, input, scalarInput, stringAttr } from "./attrs.js";
import type { Kernel } from "./types.js";

type Fn1 = (x: number) => number;

function map1(t: Tensor, outDtype: DType, f: Fn1): Tensor {
  const out = zeros(outDtype, t.dims);
  const o = out.data;
  const d = t.data;
  for (let i = 0; i < o.length; i++) o[i] = f(d[i]!);
  return fixInt64(out);
}

/** A math function of float32 tensors (computed in float64, rounded on store). */
function floatFn(op: string, f: Fn1): Kernel {
  return (inputs) => {
    const x = input(op, inputs, 0);
    if (x.dtype !== "float32") throw new Error(`${op}: needs float32, not ${x.dtype}`);
    return [map1(x, "float32", f)];
  };
}

/** A function defined for every numeric type (result keeps the input type). */
function numericFn(op: string, f: Fn1): Kernel {
  return (inputs) => {
    const x = input(op, inputs, 0);
    if (x.dtype === "bool") throw new Error(`${op}: bool is not numeric`);
    return [map1(x, x.dtype, f)];
  };
}

export const Neg = numericFn("Neg", (x) => -x);
export const Relu = numericFn("Relu", (x) => (x > 0 ? x : 0));
export const Sqrt = floatFn("Sqrt", Math.sqrt);
export const Exp = floatFn("Exp", Math.exp);
export const Log = floatFn("Log", Math.log);
export const Tanh = floatFn("Tanh", Math.tanh);
export const Sin = floatFn("Sin", Math.sin);
export const Cos = floatFn("Cos", Math.cos);
export const Erf = floatFn("Erf", erf);
export const Sigmoid = floatFn("Sigmoid", sigmoid);
export const Softplus = floatFn("Softplus", softplus);

export const HardSigmoid: Kernel = (inputs, attrs, ctx) => {
  const alpha = floatAttr("HardSigmoid", attrs, "alpha", 0.2);
  const beta = floatAttr("HardSigmoid", attrs, "beta", 0.5);
  return floatFn("HardSigmoid", (x) => hardSigmoid(x, alpha, beta))(inputs, attrs, ctx);
};

export const Gelu: Kernel = (inputs, attrs, ctx) => {
  const approximate = stringAttr("Gelu", attrs, "approximate", "none");
  if (approximate !== "none" && approximate !== "tanh") {
    throw new Error(`Gelu: approximate must be "none" or "tanh", not "${approximate}"`);
  }
  const tanh = approximate === "tanh";
  return floatFn("Gelu", (x) => gelu(x, tanh))(inputs, attrs, ctx);
};

const INT_RANGE: Record<DType, [number, number]> = {
  float32: [-Infinity, Infinity],
  int32: [-2147483648, 2147483647],
  int64: [-Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
  bool: [0, 1],
};

/**
 * Clip (opset 11+): optional scalar inputs `min` and `max`. Computed as
 * min(max(x, lo), hi), so when lo > hi every element becomes hi, as ONNX specifies.
 */
export const Clip: Kernel = (inputs) => {
  const x = input("Clip", inputs, 0);
  const [dLo, dHi] = INT_RANGE[x.dtype];
  const lo = scalarInput("Clip", inputs, 1) ?? dLo;
  const hi = scalarInput("Clip", inputs, 2) ?? dHi;
  return [map1(x, x.dtype, (v) => Math.min(Math.max(v, lo), hi))];
};

export const Not: Kernel = (inputs) => {
  const x = input("Not", inputs, 0);
  if (x.dtype !== "bool") throw new Error(`Not: needs bool, not ${x.dtype}`);
  return [map1(x, "bool", (v) => (v ? 0 : 1))];
};

/** Returns its input: tensors are immutable, so sharing is safe. */
export const Identity: Kernel = (inputs) => [input("Identity", inputs, 0)];

/** ONNX TensorProto.DataType codes of the four dtypes. */
const ONNX_DTYPE: Record<number, DType> = { 1: "float32", 6: "int32", 7: "int64", 9: "bool" };

/** Reads a `to`/`dtype` attribute given as an ONNX type code or an IR dtype name. */
export function dtypeAttr(op: string, value: unknown): DType {
  if (typeof value === "number" && ONNX_DTYPE[value] !== undefined) return ONNX_DTYPE[value]!;
  if (value === "float32" || value === "int32" || value === "int64" || value === "bool") {
    return value;
  }
  throw new Error(`${op}: unsupported element type ${JSON.stringify(value)}`);
}

/**
 * Cast. Float → int truncates toward zero (numpy's astype); NaN and ±Infinity, which
 * ONNX leaves undefined, become 0. Anything → bool is `x != 0` (so NaN → true, as in
 * numpy). int32 results wrap on overflow.
 */
export const Cast: Kernel = (inputs, attrs) => {
  const x = input("Cast", inputs, 0);
  const to = dtypeAttr("Cast", attrs["to"]);
  if (to === x.dtype) return [x];
  const f: Fn1 =
    to === "bool"
      ? (v) => (v !== 0 ? 1 : 0)
      : to === "float32"
        ? (v) => v
        : (v) => (Number.isFinite(v) ? Math.trunc(v) : 0);
  return [map1(x, to, f)];
};
