/**
 * ONNX `Attention` (opset 23) exports as itself, with one adjustment for ONNX Runtime:
 * the spec lets `attn_mask` broadcast to [B, H, q_len, kv_len], but ORT's CPU kernel
 * requires the mask's q_len axis to equal Q's. The IR's padding masks are [B, 1, 1, S]
 * (one row for every query), so when queries are more than one such a mask is first
 * expanded along that axis (Shape → Concat → Expand) — the same values, spelled out.
 */
import type { Dim, TensorType } from "../../ir/index.js";
import type { ExportContext, OnnxExport } from "./types.js";

export const attention: OnnxExport = (cx: ExportContext) => {
  const { node } = cx;
  const mask = cx.input(3);
  const mt = cx.inputType(3);
  const q = cx.inputType(0)!;
  const qAxis = q.shape.length === 3 ? 1 : 2;
  const qLen: Dim = q.shape[qAxis]!;
  if (
    mask === "" ||
    mt === undefined ||
    mt.shape.length < 2 ||
    mt.shape.at(-2) !== 1 ||
    qLen === 1
  ) {
    cx.emit("Attention", node.inputs, node.outputs, node.attrs);
    return;
  }
  const r = mt.shape.length;
  const int64 = (shape: Dim[]): TensorType => ({ dtype: "int64", shape });
  const qLenT = cx.fresh(`${mask}/q_len`, int64([1]));
  cx.emit("Shape", [cx.input(0)], [qLenT], {
    start: { kind: "int", value: qAxis },
    end: { kind: "int", value: qAxis + 1 },
  });
  const head = cx.fresh(`${mask}/lead_dims`, int64([r - 2]));
  cx.emit("Shape", [mask], [head], { end: { kind: "int", value: r - 2 } });
  const tail = cx.fresh(`${mask}/kv_len`, int64([1]));
  cx.emit("Shape", [mask], [tail], { start: { kind: "int", value: r - 1 } });
  const target = cx.fresh(`${mask}/expanded_shape`, int64([r]));
  cx.emit("Concat", [head, qLenT, tail], [target], { axis: { kind: "int", value: 0 } });
  const shape = [...mt.shape];
  shape[r - 2] = qLen;
  const expanded = cx.fresh(`${mask}/expanded`, { dtype: mt.dtype, shape });
  cx.emit("Expand", [mask, target], [expanded]);
  const inputs = [...node.inputs];
  inputs[3] = expanded;
  cx.emit("Attention", inputs, node.outputs, node.attrs);
};
