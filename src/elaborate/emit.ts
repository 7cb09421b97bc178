/**
 * Small building blocks shared by every layer kind: linear maps, norms, activations,
 * dropout and shape helpers. Each emits ONNX-named ops through a GraphBuilder.
 */
import type { SourceRange } from "../diagnostics/index.js";
import { float, type GraphBuilder, int, str } from "../ir/index.js";
import type { Dim } from "../ir/index.js";
import type { ElabContext } from "./context.js";

/** Where nodes go: the graph being built, the model's context, and dropout's switch. */
export interface Emit {
  b: GraphBuilder;
  cx: ElabContext;
  /**
   * The graph's `training` input (bool scalar), created on first use; absent in graphs
   * where dropout never applies (decode_step).
   */
  training: (() => string) | undefined;
}

/** A lazily declared `training` input for graphs that train. */
export function trainingInput(b: GraphBuilder): () => string {
  let name: string | undefined;
  return () => (name ??= b.input("training", "bool", []));
}

/** Runs `f` with nodes attributed to `range` (for shape diagnostics). */
export function at<T>(e: Emit, range: SourceRange | undefined, f: () => T): T {
  const saved = e.b.range;
  e.b.range = range;
  try {
    return f();
  } finally {
    e.b.range = saved;
  }
}

export function typeOf(e: Emit, v: string): { shape: Dim[] } {
  const t = e.b.typeOf(v);
  if (t === undefined) throw new Error(`internal: no type for ${v}`);
  return t;
}

/** The last dim of a value, which the elaborator keeps concrete (widths). */
export function width(e: Emit, v: string): number {
  const s = typeOf(e, v).shape;
  const d = s[s.length - 1];
  if (typeof d !== "number") throw new Error(`internal: width of ${v} is symbolic`);
  return d;
}

/** y = x·W (+ b): W [in, out] Glorot-uniform, b zeros. */
export function linear(
  e: Emit,
  path: string,
  x: string,
  outDim: number,
  opts: { bias?: boolean; range?: SourceRange | undefined } = {},
): string {
  const inDim = width(e, x);
  const w = e.cx.param(
    path,
    "weight",
    [inDim, outDim],
    { kind: "glorot_uniform", fanIn: inDim, fanOut: outDim },
    "projection",
    opts.range,
  );
  let y = e.b.op("MatMul", path, [x, w]);
  if (opts.bias ?? true) {
    const bias = e.cx.param(path, "bias", [outDim], { kind: "zeros" }, "bias", opts.range);
    y = e.b.op("Add", path, [y, bias]);
  }
  return y;
}

export function dropout(e: Emit, path: string, x: string, rate: number): string {
  if (rate <= 0 || e.training === undefined) return x;
  const ratio = e.b.constant(path, "float32", [], [rate]);
  return e.b.node("Dropout", path, [x, ratio, e.training()], {}, 1)[0]!;
}

export type NormKind = "layer_norm" | "rms_norm";

/** Layer norm (eps 1e-5, scale and bias) or RMS norm (eps 1e-6, scale only): numerics.md. */
export function norm(
  e: Emit,
  path: string,
  x: string,
  kind: NormKind,
  range?: SourceRange,
): string {
  const d = width(e, x);
  const scale = e.cx.param(path, "scale", [d], { kind: "ones" }, "norm_scale", range);
  if (kind === "rms_norm") {
    return e.b.op("RMSNormalization", path, [x, scale], { axis: int(-1), epsilon: float(1e-6) });
  }
  const bias = e.cx.param(path, "bias", [d], { kind: "zeros" }, "norm_bias", range);
  return e.b.op("LayerNormalization", path, [x, scale, bias], {
    axis: int(-1),
    epsilon: float(1e-5),
  });
}

export function activation(e: Emit, path: string, x: string, kind: string): string {
  switch (kind) {
    case "relu":
      return e.b.op("Relu", path, [x]);
    case "gelu":
      return e.b.op("Gelu", path, [x], { approximate: str("none") });
    case "swish":
      // swish(x) = x · sigmoid(x)
      return e.b.op("Mul", path, [x, e.b.op("Sigmoid", path, [x])]);
    case "tanh":
      return e.b.op("Tanh", path, [x]);
    default:
      throw new Error(`internal: unknown activation ${kind}`);
  }
}

export function reshape(e: Emit, path: string, x: string, shape: number[]): string {
  return e.b.op("Reshape", path, [x, e.b.constant(path, "int64", [shape.length], shape)]);
}

export function unsqueeze(e: Emit, path: string, x: string, axes: number[]): string {
  return e.b.op("Unsqueeze", path, [x, e.b.constant(path, "int64", [axes.length], axes)]);
}

export function squeeze(e: Emit, path: string, x: string, axes: number[]): string {
  return e.b.op("Squeeze", path, [x, e.b.constant(path, "int64", [axes.length], axes)]);
}

export function concatLast(e: Emit, path: string, xs: string[]): string {
  return e.b.op("Concat", path, xs, { axis: int(-1) });
}
