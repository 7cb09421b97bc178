/**
 * The export of Softmax and LogSoftmax keeps the masking convention of docs/numerics.md
 * on ONNX Runtime: a row (along any axis) that is entirely −∞ gives 0 and −∞, where
 * ONNX's Softmax has −∞ − (−∞) = NaN; other rows are the usual softmax, masked entries 0.
 * The specs reach Softmax only through additive attention (equivalence.test.ts); this
 * checks both ops and a non-last axis on a hand-made graph.
 */
import * as ort from "onnxruntime-node";
import { expect, test } from "vitest";
import { checkOnnxModel } from "../../src/backends/onnx/check.js";
import { exportTopGraph } from "../../src/backends/onnx/graph.js";
import { encodeModel, IR_VERSION, OPSET } from "../../src/backends/onnx/proto.js";
import type { Graph, Node } from "../../src/ir/types.js";

const NEG = -Infinity;
// Row 0 fully masked; along axis 0, column 2 is fully masked and column 0 half.
const X = [NEG, NEG, NEG, 1, 2, NEG];
const DIMS = [2, 3];

function softmaxGraph(): Graph {
  const t = { dtype: "float32" as const, shape: DIMS };
  const node = (op: string, axis: number, out: string): Node => ({
    op,
    path: out,
    inputs: ["x"],
    outputs: [out],
    attrs: { axis: { kind: "int", value: axis } },
  });
  return {
    name: "masked_softmax",
    inputs: [{ name: "x", ...t }],
    outputs: ["rows", "log_rows", "columns"].map((name) => ({ name, ...t })),
    nodes: [
      node("Softmax", -1, "rows"),
      node("LogSoftmax", 1, "log_rows"),
      node("Softmax", 0, "columns"),
    ],
    values: { x: t, rows: t, log_rows: t, columns: t },
  };
}

test("fully masked rows give 0 (Softmax) and −∞ (LogSoftmax) on ONNX Runtime", async () => {
  const bytes = encodeModel({
    irVersion: IR_VERSION,
    opsetImport: [{ domain: "", version: OPSET }],
    graph: exportTopGraph([], new Map(), softmaxGraph()),
  });
  expect(checkOnnxModel(bytes)).toEqual([]);
  const session = await ort.InferenceSession.create(bytes);
  try {
    const out = await session.run({ x: new ort.Tensor("float32", Float32Array.from(X), DIMS) });
    const values = (name: string) => Array.from(out[name]!.data as Float32Array);
    const p = 1 / (1 + Math.E); // softmax([1, 2])[0]
    const expectClose = (actual: number[], expected: number[]) =>
      actual.forEach((a, i) =>
        Number.isFinite(expected[i]!)
          ? expect(a).toBeCloseTo(expected[i]!, 6)
          : expect(a).toBe(expected[i]),
      );
    expectClose(values("rows"), [0, 0, 0, p, 1 - p, 0]);
    expectClose(values("log_rows"), [NEG, NEG, NEG, Math.log(p), Math.log(1 - p), NEG]);
    expectClose(values("columns"), [0, 0, 0, 1, 1, 0]);
  } finally {
    await session.release();
  }
});
