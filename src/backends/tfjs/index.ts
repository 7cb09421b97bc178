/**
 * The TensorFlow.js backend.
 *
 * Design: one lowering per IR op (lowering/table.ts, keyed by op name) that emits
 * JavaScript — tfjs calls and calls of a small prelude of helpers (prelude/) for the ops
 * tfjs spells differently (ONNX LSTM/GRU/RNN, Attention, numpy MatMul, Slice, masked
 * softmax). The graphs become JavaScript functions (codegen/), and both products run
 * that same text:
 *
 *   1. `s2sc compile --target tfjs` writes it as an ES module importing only
 *      @tensorflow/tfjs, with the weights in the TensorFlow.js weights format
 *      (package/);
 *   2. in-process execution (`run`, training) evaluates the same source with
 *      `new Function("tf", …)` and passes the weights as tf.Variables, so gradients
 *      reach every parameter (runtime/).
 *
 * Why emit-then-evaluate rather than an executor plus an emitter per op: one source of
 * truth per op by construction — every equivalence and training test also tests the
 * code that ships — and a readable artefact, since the emitted code is what a person
 * would write by hand. Loops stay JavaScript loops (Scan, the recurrences), so the tf
 * ops of every step are recorded for gradients. Shapes and axes are constant in the IR
 * and become literals.
 *
 * Backend gaps, solved in the lowering rather than by falling back: tf.gather's
 * gradient needs UnsortedSegmentSum, which wasm lacks, so Gather uses a custom gradient
 * built on ScatterNd (prelude/tensor.ts); nothing emits Einsum. A fully masked softmax
 * row gives zeros, not NaN (docs/numerics.md).
 */
export { TFJS_LOWERINGS } from "./lowering/table.js";
export type { Lowering, LowerContext } from "./lowering/types.js";
export { generate, type GeneratedCode } from "./codegen/module.js";
export { TF_BACKENDS, useTfBackend, wasmDirectory, type TfBackend } from "./runtime/backend.js";
export type { Encoded, Tensors } from "./runtime/core.js";
export {
  createTfjsModel,
  TfjsModel,
  type LossOptions,
  type TfjsModelOptions,
  type WeightData,
} from "./runtime/model.js";
export { crossEntropy, teacherForcing, type Batch } from "./runtime/loss.js";
export { packageFiles, PackageError, writeTfjsPackage, FILES } from "./package/write.js";
export type { SpecSource, WeightsOrigin } from "./package/description.js";
