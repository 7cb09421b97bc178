/**
 * Kernel behaviour the ONNX node tests do not pin down: the kernels without
 * conformance data (Cast, Sin, Cos, Softplus, HardSigmoid, Shape, ConstantOfShape,
 * CumSum, ArgMax), Dropout in training mode, the masking convention of Softmax, erf's
 * accuracy, and the broadcasting helpers.
 */
import { describe, expect, test } from "vitest";
import { KERNELS } from "../../src/reference/kernels/index.js";
import { erf } from "../../src/reference/math.js";
import { broadcastIndex, broadcastShapes } from "../../src/reference/tensor.js";
import { ctx, f32, i64, run, t } from "./helpers.js";

const values = (x: { data: ArrayLike<number> } | undefined): number[] => Array.from(x!.data);

test("the kernel table covers every operator the IR and the conformance set need", () => {
  const needed =
    "Add Sub Mul Div Pow Neg Sqrt Exp Log Tanh Sigmoid Relu Erf Gelu Clip Max Min Mean Sum Equal Less Not Where " +
    "MatMul Gemm Softmax LogSoftmax LayerNormalization RMSNormalization Dropout Identity Concat Split Slice " +
    "Reshape Transpose Squeeze Unsqueeze Expand Gather GatherElements GatherND Range Trilu ReduceSum ReduceMean " +
    "ReduceMax LSTM GRU RNN Attention Cast Sin Cos Softplus HardSigmoid Shape ConstantOfShape CumSum ArgMax";
  expect(needed.split(" ").filter((op) => KERNELS[op] === undefined)).toEqual([]);
});

describe("broadcasting", () => {
  test("numpy rules", () => {
    expect(broadcastShapes([2, 1, 3], [4, 1], [])).toEqual([2, 4, 3]);
    expect(broadcastShapes([0, 1], [1, 5])).toEqual([0, 5]);
    expect(() => broadcastShapes([2, 3], [3, 2])).toThrow(/do not broadcast/);
    expect([...broadcastIndex([2, 1], [2, 3])]).toEqual([0, 0, 0, 1, 1, 1]);
    expect([...broadcastIndex([3], [2, 3])]).toEqual([0, 1, 2, 0, 1, 2]);
  });

  test("binary ops broadcast both ways and keep int32 arithmetic exact", () => {
    const [y] = run("Add", [f32([2, 1], [1, 2]), f32([3], [10, 20, 30])]);
    expect(y!.dims).toEqual([2, 3]);
    expect(values(y)).toEqual([11, 21, 31, 12, 22, 32]);
    const big = t("int32", [1], [2 ** 31 - 1]);
    expect(values(run("Mul", [big, big])[0])).toEqual([1]); // (2^31 − 1)² mod 2^32
    expect(values(run("Div", [t("int64", [2], [-7, 7]), t("int64", [1], [2])])[0])).toEqual([
      -3, 3,
    ]);
  });
});

describe("unary kernels without conformance data", () => {
  test("Sin, Cos, Softplus, HardSigmoid", () => {
    const x = f32([4], [-30, -1, 0.5, 40]);
    const close = (got: number[], want: number[]): void =>
      got.forEach((g, i) => expect(g).toBeCloseTo(Math.fround(want[i]!), 6));
    close(values(run("Sin", [x])[0]), [-30, -1, 0.5, 40].map(Math.sin));
    close(values(run("Cos", [x])[0]), [-30, -1, 0.5, 40].map(Math.cos));
    close(values(run("Softplus", [x])[0]), [
      Math.log1p(Math.exp(-30)),
      Math.log1p(Math.exp(-1)),
      Math.log1p(Math.exp(0.5)),
      40,
    ]);
    close(values(run("HardSigmoid", [x])[0]), [0, 0.3, 0.6, 1]);
    close(values(run("HardSigmoid", [x], { alpha: 0.5, beta: 0.25 })[0]), [0, 0, 0.5, 1]);
  });

  test("Cast truncates toward zero, maps non-finite to 0, and tests != 0 for bool", () => {
    const x = f32([6], [-2.7, 2.7, NaN, Infinity, 0, -0.5]);
    expect(run("Cast", [x], { to: 6 })[0]).toMatchObject({
      dtype: "int32",
      data: Int32Array.of(-2, 2, 0, 0, 0, 0),
    });
    expect(values(run("Cast", [x], { to: "int64" })[0])).toEqual([-2, 2, 0, 0, 0, 0]);
    expect(values(run("Cast", [x], { to: 9 })[0])).toEqual([1, 1, 1, 1, 0, 1]);
    const big = t("int64", [1], [2 ** 40 + 1]);
    expect(values(run("Cast", [big], { to: "float32" })[0])).toEqual([2 ** 40]);
    expect(() => run("Cast", [x], { to: 11 })).toThrow(/unsupported/);
  });

  test("erf is accurate to float64 precision across its range", () => {
    const known: [number, number][] = [
      [0, 0],
      [1e-10, 1.1283791670955126e-10],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [2.9, 0.9999589021219005],
      [3.5, 0.9999992569016276],
      [6, 1],
      [-1, -0.8427007929497149],
    ];
    for (const [x, y] of known) expect(Math.abs(erf(x) - y)).toBeLessThan(2e-15);
  });
});

describe("Softmax masking convention", () => {
  test("a fully −∞ row gives zeros (LogSoftmax: −∞), other rows are untouched", () => {
    const x = f32([2, 3], [-Infinity, -Infinity, -Infinity, 0, -Infinity, 0]);
    expect(values(run("Softmax", [x])[0])).toEqual([0, 0, 0, 0.5, 0, 0.5]);
    const log = values(run("LogSoftmax", [x])[0]);
    expect(log.slice(0, 3)).toEqual([-Infinity, -Infinity, -Infinity]);
    expect(log[3]).toBeCloseTo(Math.log(0.5), 6);
  });
});

describe("Dropout", () => {
  const x = f32([1000], new Array(1000).fill(2));

  test("inference mode is the identity with an all-true mask", () => {
    const [y, mask] = run("Dropout", [x, f32([], [0.3])], {}, 2);
    expect(y).toBe(x);
    expect(values(mask).every((v) => v === 1)).toBe(true);
  });

  test("training mode: inverted dropout, reproducible from the seed", () => {
    const inputs = [x, f32([], [0.25]), t("bool", [], [true])];
    const [y, mask] = KERNELS["Dropout"]!(inputs, {}, ctx(2, 123));
    const kept = values(mask).filter((v) => v === 1).length;
    expect(kept).toBeGreaterThan(700);
    expect(kept).toBeLessThan(800);
    values(y).forEach((v, i) => expect(v).toBe(mask!.data[i] ? Math.fround(2 / 0.75) : 0));
    expect(KERNELS["Dropout"]!(inputs, {}, ctx(2, 123))[1]).toEqual(mask);
    expect(KERNELS["Dropout"]!(inputs, {}, ctx(2, 124))[1]).not.toEqual(mask);
  });
});

describe("shape and index kernels without conformance data", () => {
  test("Shape with start and end", () => {
    const x = f32([2, 3, 4, 5], new Array(120).fill(0));
    expect(values(run("Shape", [x])[0])).toEqual([2, 3, 4, 5]);
    expect(values(run("Shape", [x], { start: 1, end: -1 })[0])).toEqual([3, 4]);
    expect(run("Shape", [x], { start: -10, end: 10 })[0]!.dtype).toBe("int64");
  });

  test("ConstantOfShape defaults to float32 zeros", () => {
    expect(run("ConstantOfShape", [i64([2], [2, 2])])[0]).toMatchObject({
      dtype: "float32",
      data: new Float32Array(4),
    });
    const [y] = run("ConstantOfShape", [i64([1], [3])], { value: 7, dtype: 7 });
    expect(y).toMatchObject({ dtype: "int64", dims: [3] });
    expect(values(y)).toEqual([7, 7, 7]);
  });

  test("CumSum: inclusive, exclusive, reverse, along an inner axis", () => {
    const x = f32([2, 3], [1, 2, 3, 4, 5, 6]);
    const axis1 = i64([], [1]);
    expect(values(run("CumSum", [x, axis1])[0])).toEqual([1, 3, 6, 4, 9, 15]);
    expect(values(run("CumSum", [x, axis1], { exclusive: 1 })[0])).toEqual([0, 1, 3, 0, 4, 9]);
    expect(values(run("CumSum", [x, axis1], { reverse: 1 })[0])).toEqual([6, 5, 3, 15, 11, 6]);
    expect(values(run("CumSum", [x, i64([], [0])])[0])).toEqual([1, 2, 3, 5, 7, 9]);
  });

  test("ArgMax: axis, keepdims, ties", () => {
    const x = f32([2, 3], [1, 5, 5, 7, 0, 7]);
    expect(run("ArgMax", [x], { axis: 1 })[0]).toMatchObject({ dtype: "int64", dims: [2, 1] });
    expect(values(run("ArgMax", [x], { axis: 1 })[0])).toEqual([1, 0]);
    expect(values(run("ArgMax", [x], { axis: 1, select_last_index: 1 })[0])).toEqual([2, 2]);
    expect(run("ArgMax", [x], { axis: 0, keepdims: 0 })[0]).toMatchObject({
      dims: [3],
      data: Float64Array.of(1, 0, 1),
    });
  });

  test("Gather rejects out-of-range indices", () => {
    expect(() => run("Gather", [f32([2], [1, 2]), i64([1], [2])])).toThrow(/out of range/);
    expect(values(run("Gather", [f32([2], [1, 2]), i64([1], [-1])])[0])).toEqual([2]);
  });
});
