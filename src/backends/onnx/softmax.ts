/**
 * Softmax and LogSoftmax with the project's masking convention (docs/numerics.md): a row
 * that is entirely −∞ (a fully masked source, e.g. all padding) gives probabilities 0 and
 * log probabilities −∞, where ONNX's Softmax computes −∞ − (−∞) = NaN. The export spells
 * that out with standard ops, so every ONNX runtime computes what the interpreter and
 * tfjs compute:
 *
 *   rowMax = ReduceMax(x, [axis], keepdims = 1)
 *   y      = Where(Equal(rowMax, −∞), fill, Softmax(x))     fill = 0, or −∞ for LogSoftmax
 *
 * Testing the row maximum (rather than IsNaN of the result) keeps a NaN in the input a
 * NaN in the output, as in the interpreter.
 */
import type { Attr, Dim, TensorType } from "../../ir/index.js";
import type { ExportContext, OnnxExport } from "./types.js";

function floatScalar(cx: ExportContext, base: string, value: number): string {
  const out = cx.fresh(base, { dtype: "float32", shape: [] });
  const tensor = { dtype: "float32" as const, dims: [], data: [value] };
  cx.emit("Constant", [], [out], { value: { kind: "tensor", value: tensor } });
  return out;
}

function maskedSoftmax(op: "Softmax" | "LogSoftmax"): OnnxExport {
  return (cx: ExportContext) => {
    const x = cx.inputType(0)!;
    const axisAttr = cx.node.attrs["axis"];
    const axis = axisAttr?.kind === "int" ? axisAttr.value : -1;
    const base = cx.output(0) || cx.node.path;
    const rowShape: Dim[] = [...x.shape];
    rowShape[axis < 0 ? axis + rowShape.length : axis] = 1;
    const row = (dtype: TensorType["dtype"]): TensorType => ({ dtype, shape: rowShape });

    const rowMax = cx.fresh(`${base}/row_max`, row(x.dtype));
    const keepdims: Record<string, Attr> = { keepdims: { kind: "int", value: 1 } };
    cx.emit("ReduceMax", [cx.input(0), cx.constant64(`${base}/axis`, [axis])], [rowMax], keepdims);
    const minusInf = floatScalar(cx, `${base}/minus_inf`, -Infinity);
    const fullyMasked = cx.fresh(`${base}/fully_masked`, row("bool"));
    cx.emit("Equal", [rowMax, minusInf], [fullyMasked]);
    const raw = cx.fresh(`${base}/unguarded`, cx.outputType(0));
    cx.emit(op, [cx.input(0)], [raw], cx.node.attrs);
    const fill = op === "Softmax" ? floatScalar(cx, `${base}/zero`, 0) : minusInf;
    cx.emit("Where", [fullyMasked, fill, raw], [cx.output(0)]);
  };
}

export const SOFTMAX_EXPORTS: Readonly<Record<string, OnnxExport>> = {
  Softmax: maskedSoftmax("Softmax"),
  LogSoftmax: maskedSoftmax("LogSoftmax"),
};
