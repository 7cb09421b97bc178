/**
 * Converting recurrent weights between Keras / tfjs-layers and the ONNX convention of
 * the IR and the interpreter. Pure array code (no tfjs import), so the tfjs backend and
 * the cross-check tests can both use it.
 *
 * The rules, per direction, with H the hidden size and `in` the input size:
 *
 * | | Keras / tfjs-layers | ONNX (s2sc IR) |
 * |---|---|---|
 * | input weights | `kernel [in, G·H]`, x·kernel | `W [dirs, G·H, in]`, X·Wᵀ |
 * | recurrent weights | `recurrent_kernel [H, G·H]` | `R [dirs, G·H, H]` |
 * | biases | `bias [G·H]`, one set | `B [dirs, 2·G·H]` = [Wb, Rb], both added |
 * | LSTM gate order (G = 4) | i, f, c, o | i, o, f, c |
 * | GRU gate order (G = 3) | z, r, h | z, r, h |
 *
 * So W[d][q·H + j][k] = kernel[k][p·H + j], where ONNX gate block q holds Keras gate
 * block p = ONNX_TO_KERAS[q]: the matrices are transposed and the gate blocks permuted.
 * Keras → ONNX puts the bias in Wb and zeros in Rb; ONNX → Keras folds Wb + Rb into
 * the one bias. That fold is exact for LSTM and for GRU's z and r gates, but not for
 * GRU's h gate under linear_before_reset = 1 (Rb_h is then multiplied by r), so that
 * conversion is refused.
 *
 * Semantics that must also agree, set on the Keras side (not weights, so not here):
 * - recurrentActivation 'sigmoid' (tfjs-layers defaults to 'hardSigmoid');
 * - GRU: reset before the recurrent matmul, which is ONNX linear_before_reset = 0 and
 *   Keras reset_after = false (tfjs-layers supports only that form). Both compute
 *   H' = (1 − z)·h̃ + z·H;
 * - a Keras Bidirectional layer's weights are the forward layer's then the backward
 *   layer's; its backward outputs are re-reversed to input time order, as ONNX's Y is,
 *   and mergeMode 'concat' puts forward features first, which is ONNX's
 *   Y[t, 0..1, b, :] flattened.
 */
import type { Tensor } from "../../reference/index.js";
import { makeTensor } from "../../reference/index.js";

export type RecurrentCell = "LSTM" | "GRU";

/** For each ONNX gate block q, the Keras gate block holding the same gate. */
export const ONNX_TO_KERAS: Readonly<Record<RecurrentCell, readonly number[]>> = {
  LSTM: [0, 3, 1, 2], // ONNX i, o, f, c ← Keras i(0), o(3), f(1), c(2)
  GRU: [0, 1, 2], // same order: z, r, h
};

/** One direction of a Keras recurrent layer (row-major flat arrays). */
export interface KerasWeights {
  /** [in, G·H] */
  kernel: Float32Array;
  /** [H, G·H] */
  recurrentKernel: Float32Array;
  /** [G·H], or absent (useBias: false). */
  bias?: Float32Array;
}

export interface OnnxWeights {
  /** [dirs, G·H, in] */
  W: Tensor;
  /** [dirs, G·H, H] */
  R: Tensor;
  /** [dirs, 2·G·H] */
  B: Tensor;
}

function gatesOf(cell: RecurrentCell): number {
  return ONNX_TO_KERAS[cell].length;
}

/**
 * Keras → ONNX for `directions` (1, or 2 = [forward, backward] for a bidirectional
 * layer). Rb comes out zero.
 */
export function kerasToOnnx(
  cell: RecurrentCell,
  directions: readonly KerasWeights[],
  inputSize: number,
  hidden: number,
): OnnxWeights {
  const G = gatesOf(cell);
  const perm = ONNX_TO_KERAS[cell];
  const dirs = directions.length;
  const gh = G * hidden;
  const W = new Float32Array(dirs * gh * inputSize);
  const R = new Float32Array(dirs * gh * hidden);
  const B = new Float32Array(dirs * 2 * gh);
  directions.forEach((k, d) => {
    check("kernel", k.kernel, inputSize * gh);
    check("recurrentKernel", k.recurrentKernel, hidden * gh);
    if (k.bias !== undefined) check("bias", k.bias, gh);
    for (let q = 0; q < G; q++) {
      const p = perm[q]!;
      for (let j = 0; j < hidden; j++) {
        const row = d * gh + q * hidden + j; // ONNX row of gate q, unit j
        const col = p * hidden + j; // Keras column of the same gate and unit
        for (let i = 0; i < inputSize; i++) W[row * inputSize + i] = k.kernel[i * gh + col]!;
        for (let i = 0; i < hidden; i++) R[row * hidden + i] = k.recurrentKernel[i * gh + col]!;
        B[d * 2 * gh + q * hidden + j] = k.bias?.[col] ?? 0;
      }
    }
  });
  return {
    W: makeTensor("float32", [dirs, gh, inputSize], W),
    R: makeTensor("float32", [dirs, gh, hidden], R),
    B: makeTensor("float32", [dirs, 2 * gh], B),
  };
}

/**
 * ONNX → Keras, one entry per direction; the bias is Wb + Rb. `linearBeforeReset`
 * must be false for GRU (see the module comment).
 */
export function onnxToKeras(
  cell: RecurrentCell,
  w: OnnxWeights,
  opts: { linearBeforeReset?: boolean } = {},
): KerasWeights[] {
  if (cell === "GRU" && opts.linearBeforeReset) {
    throw new Error(
      "GRU with linear_before_reset = 1 has no Keras (reset_after = false) equivalent",
    );
  }
  const G = gatesOf(cell);
  const perm = ONNX_TO_KERAS[cell];
  const [dirs, gh, inputSize] = w.W.dims as [number, number, number];
  const hidden = gh / G;
  if (w.R.dims[2] !== hidden || w.B.dims[1] !== 2 * gh) {
    throw new Error("onnxToKeras: W, R and B do not agree");
  }
  const out: KerasWeights[] = [];
  for (let d = 0; d < dirs; d++) {
    const kernel = new Float32Array(inputSize * gh);
    const recurrentKernel = new Float32Array(hidden * gh);
    const bias = new Float32Array(gh);
    for (let q = 0; q < G; q++) {
      const p = perm[q]!;
      for (let j = 0; j < hidden; j++) {
        const row = d * gh + q * hidden + j;
        const col = p * hidden + j;
        for (let i = 0; i < inputSize; i++) kernel[i * gh + col] = w.W.data[row * inputSize + i]!;
        for (let i = 0; i < hidden; i++)
          recurrentKernel[i * gh + col] = w.R.data[row * hidden + i]!;
        bias[col] =
          w.B.data[d * 2 * gh + q * hidden + j]! + w.B.data[d * 2 * gh + gh + q * hidden + j]!;
      }
    }
    out.push({ kernel, recurrentKernel, bias });
  }
  return out;
}

function check(what: string, a: Float32Array, n: number): void {
  if (a.length !== n)
    throw new Error(`kerasToOnnx: ${what} has ${a.length} elements, expected ${n}`);
}
