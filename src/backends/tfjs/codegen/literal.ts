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
  // A number from the IR becomes code: anything else (a string in a hand-made module) stops here.
  if (typeof v !== "number") throw new TypeError(`${typeof v} where a number belongs`);
  if (Number.isNaN(v)) return "NaN";
  if (v === Infinity) return "Infinity";
  if (v === -Infinity) return "-Infinity";
  return Object.is(v, -0) ? "-0" : String(v);
}

export function nums(vs: readonly number[]): string {
  return `[${vs.map(num).join(", ")}]`;
}

/**
 * JSON text as a JavaScript literal: JSON.stringify, with U+2028 and U+2029 escaped
 * (line terminators in older engines' string literals) and `<` too, so that no
 * `</script>` or `<!--` appears if the code is ever inlined into HTML.
 */
export function json(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent)
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029")
    .replace(/</g, "\\u003c");
}

/** A string literal (names from the IR: parameter keys, graph inputs and outputs). */
export function str(s: string): string {
  return json(String(s));
}

/** The longest text a comment shows of a name (a path, a file name) before `…`. */
export const COMMENT_MAX = 160;

/**
 * Text from the IR (a file name, a layer path) made safe inside a `//` or a `/* *\/`
 * comment: no line terminator, no control character, no `*\/` and no `</`, and at most
 * COMMENT_MAX characters. What is replaced shows as a `\uXXXX` escape, so the comment
 * stays readable and says that the name was odd.
 */
export function comment(text: string): string {
  const chars = [...String(text)];
  const cut = chars.length > COMMENT_MAX ? chars.slice(0, COMMENT_MAX).join("") + "…" : text;
  return cut
    .replace(
      /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    )
    .replace(/\*\//g, "*\\/")
    .replace(/<\//g, "<\\/");
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
