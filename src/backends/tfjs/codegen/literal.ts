/**
 * JavaScript literals for compile-time values: numbers (with ±Infinity and NaN), lists,
 * and constant tensors. tfjs has no int64, so int64 becomes int32 (the IR's int64
 * values are shapes, axes and positions, far inside the int32 range).
 */
import type { ConstTensor, DType } from "../../../ir/index.js";

/** The tfjs dtype that holds an IR dtype. */
export function tfDtype(d: DType): "float32" | "int32" | "bool" {
  return d === "int64" ? "int32" : d;
}

export function num(v: number): string {
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  return Object.is(v, -0) ? "-0" : String(v);
}

export function nums(vs: readonly number[]): string {
  return `[${vs.map(num).join(", ")}]`;
}

export function str(s: string): string {
  return JSON.stringify(s);
}

/** A tfjs expression creating the constant tensor `c`. */
export function constTensor(c: ConstTensor): string {
  const dtype = tfDtype(c.dtype);
  const data = dtype === "float32" ? c.data.map((v) => Math.fround(v)) : c.data;
  if (dtype === "int32") {
    const bad = data.find((v) => !Number.isInteger(v) || v < -(2 ** 31) || v >= 2 ** 31);
    if (bad !== undefined)
      throw new Error(`constant ${bad} does not fit the int32 that holds ${c.dtype} in tfjs`);
  }
  const value = (v: number): string => (dtype === "bool" ? (v !== 0 ? "true" : "false") : num(v));
  if (c.dims.length === 0) return `tf.scalar(${value(data[0]!)}, ${str(dtype)})`;
  const first = data[0];
  if (data.length > 0 && data.every((v) => Object.is(v, first))) {
    if (first === 0) return `tf.zeros(${nums(c.dims)}, ${str(dtype)})`;
    if (dtype !== "bool") return `tf.fill(${nums(c.dims)}, ${num(first!)}, ${str(dtype)})`;
  }
  return `tf.tensor([${data.map(value).join(", ")}], ${nums(c.dims)}, ${str(dtype)})`;
}
