/**
 * The Keras ↔ ONNX weight conversion: where each gate lands, the round trip, and the
 * refusal of the one case with no Keras equivalent.
 */
import { describe, expect, test } from "vitest";
import type { KerasWeights } from "../../src/backends/interp/keras-convert.js";
import { kerasToOnnx, onnxToKeras } from "../../src/backends/interp/keras-convert.js";
import { Rng } from "../../src/reference/random.js";
import { randomF32 } from "./helpers.js";

const IN = 3;
const H = 2;

/** Keras weights whose every element encodes its gate: kernel[i][p·H + j] = 100p + 10i + j. */
function labelled(gates: number): KerasWeights {
  const gh = gates * H;
  const kernel = new Float32Array(IN * gh);
  const recurrentKernel = new Float32Array(H * gh);
  const bias = new Float32Array(gh);
  for (let p = 0; p < gates; p++) {
    for (let j = 0; j < H; j++) {
      for (let i = 0; i < IN; i++) kernel[i * gh + p * H + j] = 100 * p + 10 * i + j;
      for (let i = 0; i < H; i++) recurrentKernel[i * gh + p * H + j] = 100 * p + 10 * i + j + 0.5;
      bias[p * H + j] = 100 * p + j + 0.25;
    }
  }
  return { kernel, recurrentKernel, bias };
}

describe("kerasToOnnx", () => {
  test("LSTM: Keras i, f, c, o become ONNX i, o, f, c, transposed; Rb is zero", () => {
    const { W, R, B } = kerasToOnnx("LSTM", [labelled(4)], IN, H);
    expect(W.dims).toEqual([1, 4 * H, IN]);
    const kerasGateOfOnnx = [0, 3, 1, 2];
    for (let q = 0; q < 4; q++) {
      const p = kerasGateOfOnnx[q]!;
      for (let j = 0; j < H; j++) {
        for (let i = 0; i < IN; i++)
          expect(W.data[(q * H + j) * IN + i]).toBe(100 * p + 10 * i + j);
        for (let i = 0; i < H; i++)
          expect(R.data[(q * H + j) * H + i]).toBe(100 * p + 10 * i + j + 0.5);
        expect(B.data[q * H + j]).toBe(100 * p + j + 0.25);
        expect(B.data[4 * H + q * H + j]).toBe(0);
      }
    }
  });

  test("GRU keeps z, r, h and stacks two directions", () => {
    const { W, B } = kerasToOnnx("GRU", [labelled(3), labelled(3)], IN, H);
    expect(W.dims).toEqual([2, 3 * H, IN]);
    expect(B.dims).toEqual([2, 6 * H]);
    // direction 1, gate r (1), unit 1, input 2
    expect(W.data[(3 * H + 1 * H + 1) * IN + 2]).toBe(100 + 20 + 1);
  });

  test("wrong sizes are rejected", () => {
    expect(() => kerasToOnnx("LSTM", [labelled(3)], IN, H)).toThrow(/elements/);
  });
});

describe("onnxToKeras", () => {
  test.each(["LSTM", "GRU"] as const)(
    "%s round trip, with Wb + Rb folded into the bias",
    (cell) => {
      const rng = new Rng(1);
      const g = cell === "LSTM" ? 4 : 3;
      const W = randomF32(rng, [2, g * H, IN]);
      const R = randomF32(rng, [2, g * H, H]);
      const B = randomF32(rng, [2, 2 * g * H]);
      const keras = onnxToKeras(cell, { W, R, B });
      const back = kerasToOnnx(cell, keras, IN, H);
      expect(back.W).toEqual(W);
      expect(back.R).toEqual(R);
      for (let d = 0; d < 2; d++) {
        for (let i = 0; i < g * H; i++) {
          const folded = Math.fround(
            B.data[d * 2 * g * H + i]! + B.data[d * 2 * g * H + g * H + i]!,
          );
          expect(back.B.data[d * 2 * g * H + i]).toBe(folded);
          expect(back.B.data[d * 2 * g * H + g * H + i]).toBe(0);
        }
      }
    },
  );

  test("GRU with linear_before_reset = 1 has no Keras equivalent", () => {
    const rng = new Rng(2);
    const w = {
      W: randomF32(rng, [1, 3 * H, IN]),
      R: randomF32(rng, [1, 3 * H, H]),
      B: randomF32(rng, [1, 6 * H]),
    };
    expect(() => onnxToKeras("GRU", w, { linearBeforeReset: true })).toThrow(/linear_before_reset/);
  });
});
