/**
 * The ONNX exporter's op table: one entry per IR op (test/ir/op-coverage.test.ts checks
 * that none is missing). IR ops follow ONNX names and semantics, so most entries copy
 * the node; the rest are documented where they are defined.
 */
import type { Attr, DType } from "../../ir/index.js";
import { attention } from "./attention.js";
import { FUSED_EXPORTS } from "./fused.js";
import { RECURRENT_EXPORTS } from "./recurrent.js";
import { SOFTMAX_EXPORTS } from "./softmax.js";
import { ONNX_DTYPE } from "./proto.js";
import { ExportError, type ExportContext, type OnnxExport } from "./types.js";

/** The node as it is: same op, inputs, outputs and attributes. */
const same: OnnxExport = (cx) =>
  cx.emit(cx.node.op, cx.node.inputs, cx.node.outputs, cx.node.attrs);

/** The same node with the inputs at `positions` converted to int64 (shapes and axes). */
function int64Inputs(...positions: number[]): OnnxExport {
  return (cx: ExportContext) => {
    const inputs = cx.node.inputs.map((name, i) =>
      positions.includes(i) && name !== "" ? cx.int64(i) : name,
    );
    cx.emit(cx.node.op, inputs, cx.node.outputs, cx.node.attrs);
  };
}

const cast: OnnxExport = (cx) => {
  const to = cx.node.attrs["to"];
  const code = to?.kind === "string" ? ONNX_DTYPE[to.value as DType] : undefined;
  if (code === undefined) throw new ExportError(`Cast: unknown target type ${JSON.stringify(to)}`);
  const attrs: Record<string, Attr> = { to: { kind: "int", value: code } };
  cx.emit("Cast", cx.node.inputs, cx.node.outputs, attrs);
};

export const ONNX_EXPORTS: Readonly<Record<string, OnnxExport>> = {
  // Elementwise and broadcasting ops: identical in ONNX.
  Identity: same,
  Neg: same,
  Sqrt: same,
  Exp: same,
  Log: same,
  Tanh: same,
  Sigmoid: same,
  Relu: same,
  Erf: same,
  Sin: same,
  Cos: same,
  Softplus: same,
  Not: same,
  Gelu: same,
  Cast: cast,
  Dropout: same,
  Add: same,
  Sub: same,
  Mul: same,
  Div: same,
  Pow: same,
  Max: same,
  Min: same,
  Equal: same,
  Less: same,
  Where: same,
  // Matmul-like.
  MatMul: same,
  Gemm: same,
  // Normalisation and reductions (axes of reductions are int64 in ONNX); softmax keeps a
  // fully masked row finite (softmax.ts).
  ...SOFTMAX_EXPORTS,
  LayerNormalization: same,
  RMSNormalization: same,
  ReduceSum: int64Inputs(1),
  ReduceMean: int64Inputs(1),
  ReduceMax: int64Inputs(1),
  // Shape ops: ONNX takes shapes and axes as int64 tensors.
  Transpose: same,
  Reshape: int64Inputs(1),
  Concat: same,
  Slice: int64Inputs(1, 2, 3, 4),
  Unsqueeze: int64Inputs(1),
  Squeeze: int64Inputs(1),
  Expand: int64Inputs(1),
  Gather: same,
  CumSum: same,
  Trilu: int64Inputs(1),
  Shape: same,
  Constant: same,
  // Attention (opset 23; see attention.ts) and Scan (its body becomes a GRAPH attribute).
  Attention: attention,
  Scan: same,
  ...RECURRENT_EXPORTS,
  ...FUSED_EXPORTS,
};
