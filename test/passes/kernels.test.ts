/**
 * The interpreter's fused kernels against the ONNX compositions that define them
 * (src/ir/ops/fused.ts), computed with the ONNX kernels, over a table of cases.
 */
import { describe, expect, it } from "vitest";
import { Env } from "../../src/backends/interp/env.js";
import { runGraph } from "../../src/backends/interp/execute.js";
import { KERNELS } from "../../src/reference/kernels/index.js";
import { Rng } from "../../src/reference/random.js";
import { INTERP_KERNELS } from "../../src/backends/interp/table.js";
import { makeTensor, type Tensor } from "../../src/reference/tensor.js";
import type { Attr, Node } from "../../src/ir/types.js";

const rng = new Rng(5);
const ctx = (outputs: number) => ({ rng, outputs, env: new Env(), run: { rng }, runGraph });
const rand = (dims: number[]): Tensor =>
  makeTensor(
    "float32",
    dims,
    Float32Array.from({ length: dims.reduce((a, b) => a * b, 1) }, () => rng.uniform(-2, 2)),
  );
const onnx = (op: string, inputs: (Tensor | undefined)[], attrs = {}): Tensor =>
  KERNELS[op]!(inputs, attrs, { rng, outputs: 1 })[0]!;
const node = (op: string, outputs: number, attrs: Record<string, Attr>): Node => ({
  op,
  path: "t",
  inputs: [],
  outputs: Array.from({ length: outputs }, (_, i) => `y${i}`),
  attrs,
});

function close(a: Tensor, b: Tensor): void {
  expect(a.dims).toEqual(b.dims);
  for (let i = 0; i < a.data.length; i++) {
    expect(Math.abs(a.data[i]! - b.data[i]!)).toBeLessThanOrEqual(
      1e-6 * Math.max(1, Math.abs(b.data[i]!)),
    );
  }
}

const ACT: Record<string, (t: Tensor) => Tensor> = {
  "": (t) => t,
  relu: (t) => onnx("Relu", [t]),
  sigmoid: (t) => onnx("Sigmoid", [t]),
  tanh: (t) => onnx("Tanh", [t]),
  gelu: (t) => onnx("Gelu", [t]),
};

describe("FusedMatMul = Split(act(MatMul(A, B') + bias))", () => {
  const cases = Object.keys(ACT).flatMap((act) =>
    [0, 1].flatMap((transB) =>
      [true, false].flatMap((bias) =>
        [undefined, [3, 5, 2]].map((splits) => ({ act, transB, bias, splits })),
      ),
    ),
  );
  it.each(cases)("%o", ({ act, transB, bias, splits }) => {
    const a = rand([2, 7, 6]);
    const w = rand(transB ? [10, 6] : [6, 10]);
    const b = bias ? rand([10]) : undefined;
    let want = onnx("MatMul", [a, transB ? onnx("Transpose", [w], { perm: [1, 0] }) : w]);
    if (b !== undefined) want = onnx("Add", [want, b]);
    want = ACT[act]!(want);
    const attrs: Record<string, Attr> = { activation: { kind: "string", value: act } };
    if (transB) attrs["transB"] = { kind: "int", value: 1 };
    if (splits) attrs["splits"] = { kind: "ints", value: splits };
    const n = splits?.length ?? 1;
    const got = INTERP_KERNELS["FusedMatMul"]!([a, w, b], node("FusedMatMul", n, attrs), ctx(n));
    if (splits === undefined) return close(got[0]!, want);
    let start = 0;
    splits.forEach((s, i) => {
      const part = KERNELS["Slice"]!(
        [
          want,
          makeTensor("int64", [1], Float64Array.from([start])),
          makeTensor("int64", [1], Float64Array.from([start + s])),
          makeTensor("int64", [1], Float64Array.from([-1])),
        ],
        {},
        { rng, outputs: 1 },
      )[0]!;
      close(got[i]!, part);
      start += s;
    });
  });
});

describe("Add + norm", () => {
  it.each([1, 2])("AddLayerNormalization = LayerNormalization(A + B) with %i outputs", (outs) => {
    const [a, b, scale, bias] = [rand([3, 4, 8]), rand([3, 4, 8]), rand([8]), rand([8])];
    const sum = onnx("Add", [a, b]);
    const attrs = {
      axis: { kind: "int", value: -1 },
      epsilon: { kind: "float", value: 1e-5 },
    } as const;
    const got = INTERP_KERNELS["AddLayerNormalization"]!(
      [a, b, scale, bias],
      node("AddLayerNormalization", outs, attrs),
      ctx(outs),
    );
    close(got[0]!, onnx("LayerNormalization", [sum, scale, bias], { axis: -1, epsilon: 1e-5 }));
    if (outs === 2) close(got[1]!, sum);
  });
  it("AddRMSNormalization = RMSNormalization(A + B)", () => {
    const [a, b, scale] = [rand([5, 8]), rand([5, 8]), rand([8])];
    const attrs = { epsilon: { kind: "float", value: 1e-6 } } as const;
    const got = INTERP_KERNELS["AddRMSNormalization"]!(
      [a, b, scale],
      node("AddRMSNormalization", 1, attrs),
      ctx(1),
    );
    close(got[0]!, onnx("RMSNormalization", [onnx("Add", [a, b]), scale], { epsilon: 1e-6 }));
  });
});
