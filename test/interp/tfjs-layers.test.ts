/**
 * Cross-check against TensorFlow.js's own layers: with identical weights (distinct per
 * gate, from the seeded Rng) converted by keras-convert, the ONNX-convention LSTM and
 * GRU kernels reproduce tf.layers.lstm / gru / bidirectional, one layer and two
 * stacked, within 1e-5; LayerNormalization reproduces tf.layers.layerNormalization.
 *
 * The constant-weight ONNX node tests cannot detect a wrong LSTM gate order; this can.
 */
import * as tf from "@tensorflow/tfjs";
import { beforeAll, describe, expect, test } from "vitest";
import type { KerasWeights, RecurrentCell } from "../../src/backends/interp/keras-convert.js";
import { kerasToOnnx } from "../../src/backends/interp/keras-convert.js";
import { KERNELS } from "../../src/reference/kernels/index.js";
import { Rng } from "../../src/reference/random.js";
import type { Tensor } from "../../src/reference/tensor.js";
import { makeTensor, withDims } from "../../src/reference/tensor.js";

const TOL = 1e-5;
const BATCH = 3;
const SEQ = 6;
const IN = 5;
const H = 4;

beforeAll(async () => {
  await tf.setBackend("cpu");
});

function uniform(rng: Rng, n: number, limit: number): Float32Array {
  return Float32Array.from({ length: n }, () => rng.uniform(-limit, limit));
}

function randomKeras(rng: Rng, cell: RecurrentCell, inputSize: number): KerasWeights {
  const gh = (cell === "LSTM" ? 4 : 3) * H;
  return {
    kernel: uniform(rng, inputSize * gh, 0.6),
    recurrentKernel: uniform(rng, H * gh, 0.6),
    bias: uniform(rng, gh, 0.5),
  };
}

function kerasTensors(w: KerasWeights, inputSize: number): tf.Tensor[] {
  const gh = w.bias!.length;
  return [
    tf.tensor2d(w.kernel, [inputSize, gh]),
    tf.tensor2d(w.recurrentKernel, [H, gh]),
    tf.tensor1d(w.bias!),
  ];
}

const ctx = (outputs: number) => ({ rng: new Rng(0), outputs });

/**
 * One ONNX recurrent layer in batch-first layout (layout = 1), returning Y reshaped to
 * Keras's [batch, seq, dirs·H] and the final states [batch, dirs, H].
 */
function onnxLayer(
  cell: RecurrentCell,
  x: Tensor,
  dirs: readonly KerasWeights[],
  inputSize: number,
): { y: Tensor; states: Tensor[] } {
  const { W, R, B } = kerasToOnnx(cell, dirs, inputSize, H);
  const attrs = {
    hidden_size: H,
    layout: 1,
    direction: dirs.length === 2 ? "bidirectional" : "forward",
  };
  const [y, ...states] = KERNELS[cell]!([x, W, R, B], attrs, ctx(cell === "LSTM" ? 3 : 2));
  return { y: withDims(y!, [BATCH, SEQ, dirs.length * H]), states: states as Tensor[] };
}

function maxDiff(a: Tensor, b: tf.Tensor): number {
  expect([...a.dims]).toEqual(b.shape);
  const bd = b.dataSync();
  let m = 0;
  for (let i = 0; i < bd.length; i++) m = Math.max(m, Math.abs(a.data[i]! - bd[i]!));
  return m;
}

function inputs(seed: number, inputSize: number): { x: Tensor; xt: tf.Tensor } {
  const data = uniform(new Rng(seed), BATCH * SEQ * inputSize, 1);
  return {
    x: makeTensor("float32", [BATCH, SEQ, inputSize], data),
    xt: tf.tensor3d(data, [BATCH, SEQ, inputSize]),
  };
}

function kerasCell(cell: RecurrentCell, returnState: boolean): tf.layers.Layer {
  const args = {
    units: H,
    returnSequences: true,
    returnState,
    recurrentActivation: "sigmoid",
  } as const;
  return cell === "LSTM" ? tf.layers.lstm(args) : tf.layers.gru(args);
}

/** Builds a layer on the input's shape, then installs the given weights. */
function withWeights<T extends tf.layers.Layer>(layer: T, x: tf.Tensor, weights: tf.Tensor[]): T {
  layer.apply(x);
  layer.setWeights(weights);
  return layer;
}

describe.each(["LSTM", "GRU"] as const)("%s against tfjs-layers", (cell) => {
  test("unidirectional: Y and final states", () => {
    const rng = new Rng(11);
    const w = randomKeras(rng, cell, IN);
    const { x, xt } = inputs(1, IN);
    const layer = withWeights(kerasCell(cell, true), xt, kerasTensors(w, IN));
    const [seq, h, c] = layer.apply(xt) as tf.Tensor[];
    const ours = onnxLayer(cell, x, [w], IN);
    expect(maxDiff(ours.y, seq!)).toBeLessThan(TOL);
    expect(maxDiff(withDims(ours.states[0]!, [BATCH, H]), h!)).toBeLessThan(TOL);
    if (cell === "LSTM")
      expect(maxDiff(withDims(ours.states[1]!, [BATCH, H]), c!)).toBeLessThan(TOL);
  });

  test("bidirectional (concat): Y and final states of both directions", () => {
    const rng = new Rng(12);
    const fw = randomKeras(rng, cell, IN);
    const bw = randomKeras(rng, cell, IN);
    const { x, xt } = inputs(2, IN);
    const layer = withWeights(
      tf.layers.bidirectional({ layer: kerasCell(cell, true) as tf.RNN, mergeMode: "concat" }),
      xt,
      [...kerasTensors(fw, IN), ...kerasTensors(bw, IN)],
    );
    const [seq, ...states] = layer.apply(xt) as tf.Tensor[];
    const ours = onnxLayer(cell, x, [fw, bw], IN);
    expect(maxDiff(ours.y, seq!)).toBeLessThan(TOL);
    // Keras returns [h_fw, (c_fw), h_bw, (c_bw)]; ours are [batch, 2, H] per kind.
    const kinds = cell === "LSTM" ? 2 : 1;
    for (let k = 0; k < kinds; k++) {
      for (let d = 0; d < 2; d++) {
        const ourState = KERNELS["Slice"]!(
          [
            ours.states[k]!,
            makeTensor("int64", [1], Float64Array.of(d)),
            makeTensor("int64", [1], Float64Array.of(d + 1)),
            makeTensor("int64", [1], Float64Array.of(1)),
          ],
          {},
          ctx(1),
        )[0]!;
        expect(maxDiff(withDims(ourState, [BATCH, H]), states[d * kinds + k]!)).toBeLessThan(TOL);
      }
    }
  });

  test("two stacked layers", () => {
    const rng = new Rng(13);
    const w1 = randomKeras(rng, cell, IN);
    const w2 = randomKeras(rng, cell, H);
    const { x, xt } = inputs(3, IN);
    const l1 = withWeights(kerasCell(cell, false), xt, kerasTensors(w1, IN));
    const mid = l1.apply(xt) as tf.Tensor;
    const l2 = withWeights(kerasCell(cell, false), mid, kerasTensors(w2, H));
    const top = l2.apply(mid) as tf.Tensor;
    const first = onnxLayer(cell, x, [w1], IN);
    const second = onnxLayer(cell, first.y, [w2], H);
    expect(maxDiff(second.y, top)).toBeLessThan(TOL);
  });
});

test("LayerNormalization against tf.layers.layerNormalization({ epsilon: 1e-5 })", () => {
  const rng = new Rng(14);
  const D = 7;
  const data = uniform(rng, BATCH * SEQ * D, 3);
  const gamma = uniform(rng, D, 1.5);
  const beta = uniform(rng, D, 0.5);
  const xt = tf.tensor3d(data, [BATCH, SEQ, D]);
  const layer = withWeights(tf.layers.layerNormalization({ epsilon: 1e-5 }), xt, [
    tf.tensor1d(gamma),
    tf.tensor1d(beta),
  ]);
  const expected = layer.apply(xt) as tf.Tensor;
  const [y] = KERNELS["LayerNormalization"]!(
    [
      makeTensor("float32", [BATCH, SEQ, D], data),
      makeTensor("float32", [D], gamma),
      makeTensor("float32", [D], beta),
    ],
    { epsilon: 1e-5 },
    ctx(1),
  );
  expect(maxDiff(y!, expected)).toBeLessThan(TOL);
});
