/**
 * The shape of an operator definition. Each IR op is defined once, in the table in
 * `index.ts`: its attributes, its shape/type rule, its multiply-accumulate count and
 * its fusion category. Backends key their kernels/lowerings by the same names; the IR
 * imports no backend.
 */
import type { Attr, ConstTensor, DType, TensorType } from "../types.js";
import { Poly } from "../dims.js";

/** Fusion categories as in TVM's operator patterns. */
export type FusionCategory =
  "elementwise" | "broadcast" | "injective" | "reduction" | "matmul" | "opaque";

export interface AttrSpec {
  kind: Attr["kind"];
  required?: boolean;
  doc?: string;
}

/** Raised by a shape rule; the builder turns it into a diagnostic at the node's range. */
export class ShapeError extends Error {}

export interface InferArgs {
  inputs: readonly (TensorType | undefined)[];
  attrs: Readonly<Record<string, Attr>>;
  /** Values of inputs that are compile-time constants (Constant nodes), if known. */
  consts: readonly (ConstTensor | undefined)[];
}

export interface OpDef {
  name: string;
  /** "" is the default ONNX domain; "s2s" marks fused ops of our own. */
  domain: "" | "s2s";
  category: FusionCategory;
  /** [min, max] number of inputs and outputs (optional ones trail, as in ONNX). */
  inputs: [number, number];
  outputs: [number, number];
  attrs: Record<string, AttrSpec>;
  infer(args: InferArgs): TensorType[];
  /** Multiply-accumulates of one execution; ops that are not matmul-like count zero. */
  macs?(args: InferArgs, outputs: readonly TensorType[]): Poly;
  doc: string;
}

// ---- helpers for shape rules -------------------------------------------------------

export function need(args: InferArgs, i: number, op: string): TensorType {
  const t = args.inputs[i];
  if (t === undefined) throw new ShapeError(`${op}: input ${i} is required`);
  return t;
}

export function intAttr(args: InferArgs, name: string, dflt: number): number {
  const a = args.attrs[name];
  if (a === undefined) return dflt;
  if (a.kind !== "int") throw new ShapeError(`attribute ${name} must be an int`);
  return a.value;
}

export function floatAttr(args: InferArgs, name: string, dflt: number): number {
  const a = args.attrs[name];
  if (a === undefined) return dflt;
  if (a.kind !== "float" && a.kind !== "int")
    throw new ShapeError(`attribute ${name} must be a float`);
  return a.value;
}

export function intsAttr(args: InferArgs, name: string): number[] | undefined {
  const a = args.attrs[name];
  if (a === undefined) return undefined;
  if (a.kind !== "ints") throw new ShapeError(`attribute ${name} must be a list of ints`);
  return a.value;
}

export function stringAttr(args: InferArgs, name: string, dflt: string): string {
  const a = args.attrs[name];
  if (a === undefined) return dflt;
  if (a.kind !== "string") throw new ShapeError(`attribute ${name} must be a string`);
  return a.value;
}

/** The constant integer values of input `i` (e.g. Reshape's shape), or a ShapeError. */
export function constInts(args: InferArgs, i: number, op: string): number[] {
  const c = args.consts[i];
  if (c === undefined) throw new ShapeError(`${op}: input ${i} must be a constant`);
  return c.data;
}

export function normAxis(axis: number, rank: number, op: string): number {
  const a = axis < 0 ? axis + rank : axis;
  if (a < 0 || a >= rank)
    throw new ShapeError(`${op}: axis ${axis} is out of range for rank ${rank}`);
  return a;
}

export const FLOAT: DType = "float32";

export function same(args: InferArgs, op: string): TensorType[] {
  const x = need(args, 0, op);
  return [{ dtype: x.dtype, shape: [...x.shape] }];
}
