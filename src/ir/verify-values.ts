/**
 * Validity of the values the IR is made of — dims, tensor types, constant tensors and
 * attribute values — for the verifier (verify.ts). Each check returns why a value is
 * invalid, or undefined.
 */
import { normDim } from "./dims.js";
import type { Attr, ConstTensor, Dim, DType, TensorType } from "./types.js";

export const DTYPES: readonly DType[] = ["float32", "int32", "int64", "bool"];
/** The dim symbols of types.ts: batch, source, target and decoded-prefix lengths. */
const SYMBOLS = new Set(["B", "S", "T", "P"]);

/** A name as it appears in messages. */
export function quote(name: string): string {
  return JSON.stringify(name);
}

/** A term of a linear dim: an integer, or a symbol with an optional integer coefficient. */
const TERM = String.raw`(?:\d+|(?:\d+\*)?[A-Za-z_]\w*)`;
const LINEAR = new RegExp(`^-?${TERM}(?:[-+]${TERM})*$`);

/** Why `d` is not a valid dim, or undefined. */
export function dimProblem(d: Dim): string | undefined {
  if (typeof d === "number") {
    return Number.isInteger(d) && d >= 0 ? undefined : `dim ${d} is not a non-negative integer`;
  }
  if (typeof d !== "string") return `dim ${String(d)} is neither a number nor a symbol`;
  const compact = d.replace(/\s+/g, "");
  if (!LINEAR.test(compact)) return `dim ${quote(d)} is not a linear expression`;
  for (const sym of compact.match(/[A-Za-z_]\w*/g) ?? []) {
    if (!SYMBOLS.has(sym))
      return `dim ${quote(d)} uses unknown symbol ${quote(sym)} (expected B, S, T or P)`;
  }
  return undefined;
}

/** Why `t` is not a valid tensor type, or undefined. */
export function typeProblem(t: TensorType): string | undefined {
  if (!DTYPES.includes(t.dtype)) return `unknown dtype ${quote(String(t.dtype))}`;
  if (!Array.isArray(t.shape)) return "shape is not a list";
  for (const d of t.shape) {
    const p = dimProblem(d);
    if (p !== undefined) return p;
  }
  return undefined;
}

export function formatType(t: TensorType): string {
  return `${t.dtype}[${t.shape.map((d) => String(d)).join(",")}]`;
}

export function typesEqual(a: TensorType, b: TensorType): boolean {
  return (
    a.dtype === b.dtype &&
    a.shape.length === b.shape.length &&
    a.shape.every((d, i) => normDim(d) === normDim(b.shape[i]!))
  );
}

export function attrValueProblem(a: Attr): string | undefined {
  const isInt = (v: number) => Number.isInteger(v);
  switch (a.kind) {
    case "int":
      return isInt(a.value) ? undefined : `${a.value} is not an integer`;
    case "ints":
      return a.value.every(isInt) ? undefined : "holds a non-integer";
    case "float":
      return typeof a.value === "number" ? undefined : "is not a number";
    case "floats":
      return a.value.every((v) => typeof v === "number") ? undefined : "holds a non-number";
    case "string":
      return typeof a.value === "string" ? undefined : "is not a string";
    case "strings":
      return a.value.every((v) => typeof v === "string") ? undefined : "holds a non-string";
    case "tensor":
      return tensorProblem(a.value);
    case "graph":
      return undefined;
  }
}

export function tensorProblem(t: ConstTensor): string | undefined {
  if (!DTYPES.includes(t.dtype)) return `unknown dtype ${quote(String(t.dtype))}`;
  if (!t.dims.every((d) => Number.isInteger(d) && d >= 0))
    return `dims [${t.dims.join(", ")}] are not sizes`;
  const count = t.dims.reduce((a, b) => a * b, 1);
  if (t.data.length !== count) {
    return `holds ${t.data.length} values but dims [${t.dims.join(", ")}] need ${count}`;
  }
  if (t.dtype !== "float32" && !t.data.every((v) => Number.isInteger(v))) {
    return `${t.dtype} tensor holds a non-integer`;
  }
  if (t.dtype === "bool" && !t.data.every((v) => v === 0 || v === 1))
    return "bool tensor holds a value other than 0/1";
  return undefined;
}
