/**
 * Reading inputs and attributes with ONNX defaults. Every accessor names the operator
 * so that a malformed node fails with a message that says where.
 */
import type { AttrValue, Tensor } from "../tensor.js";
import { toNumbers } from "../tensor.js";

type Attrs = Readonly<Record<string, AttrValue>>;

export function intAttr(op: string, attrs: Attrs, name: string, dflt: number): number {
  const v = attrs[name];
  if (v === undefined) return dflt;
  if (typeof v !== "number" || !Number.isInteger(v)) {
    throw new Error(`${op}: attribute ${name} must be an int`);
  }
  return v;
}

export function floatAttr(op: string, attrs: Attrs, name: string, dflt: number): number {
  const v = attrs[name];
  if (v === undefined) return dflt;
  if (typeof v !== "number") throw new Error(`${op}: attribute ${name} must be a float`);
  return v;
}

export function stringAttr(op: string, attrs: Attrs, name: string, dflt: string): string {
  const v = attrs[name];
  if (v === undefined) return dflt;
  if (typeof v !== "string") throw new Error(`${op}: attribute ${name} must be a string`);
  return v;
}

/** INTS or FLOATS; a single number is accepted as a one-element list. */
export function numbersAttr(op: string, attrs: Attrs, name: string): number[] | undefined {
  const v = attrs[name];
  if (v === undefined) return undefined;
  if (typeof v === "number") return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "number")) {
    throw new Error(`${op}: attribute ${name} must be a list of numbers`);
  }
  return v as number[];
}

export function stringsAttr(op: string, attrs: Attrs, name: string): string[] | undefined {
  const v = attrs[name];
  if (v === undefined) return undefined;
  if (typeof v === "string") return [v];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    throw new Error(`${op}: attribute ${name} must be a list of strings`);
  }
  return v as string[];
}

/** A required input. */
export function input(op: string, inputs: readonly (Tensor | undefined)[], i: number): Tensor {
  const t = inputs[i];
  if (t === undefined) throw new Error(`${op}: input ${i} is required`);
  return t;
}

/** The values of an optional 1-D integer input such as `axes` or `shape`. */
export function intsInput(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  i: number,
): number[] | undefined {
  const t = inputs[i];
  if (t === undefined) return undefined;
  if (t.dtype !== "int64" && t.dtype !== "int32") {
    throw new Error(`${op}: input ${i} must be int32 or int64, not ${t.dtype}`);
  }
  return toNumbers(t);
}

/** The value of an optional scalar (or one-element) input. */
export function scalarInput(
  op: string,
  inputs: readonly (Tensor | undefined)[],
  i: number,
): number | undefined {
  const t = inputs[i];
  if (t === undefined) return undefined;
  if (t.data.length !== 1) throw new Error(`${op}: input ${i} must hold one value`);
  return t.data[0]!;
}
