/**
 * The TensorFlow.js backend.
 *
 * Design: one lowering per IR op (lowering/table.ts, keyed by op name) that emits
 * JavaScript — tfjs calls and calls of the runtime library's helpers (src/runtime/lib/) for
 * the ops tfjs spells differently (ONNX LSTM/GRU/RNN, Attention, numpy MatMul, Slice,
 * masked softmax). The graphs become JavaScript functions (codegen/); the helpers and
 * the model API over the graphs (encode, decode, decodeStep, greedy) are ordinary
 * TypeScript (src/runtime/lib/), type-checked and tested like the rest. Both products run
 * the same graph text and the same library:
 *
 *   1. `s2sc compile --target tfjs` writes the graphs as an ES module, model.js, that
 *      imports @tensorflow/tfjs and the library compiled to one file next to it
 *      (s2sc-runtime.js, embedded in runtime-lib.generated.ts so the package is
 *      built in memory), with the weights in the TensorFlow.js weights format (package/);
 *   2. in-process execution (`run`, training) evaluates the same graph text with
 *      `new Function("tf", "lib", …)`, the library passed in as `lib`, and the weights
 *      as tf.Variables, so gradients reach every parameter (src/runtime, a stage of its
 *      own above this one).
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
 * built on ScatterNd (src/runtime/lib/tensor.ts); nothing emits Einsum. A fully masked
 * softmax row gives zeros, not NaN (docs/numerics.md).
 *
 * Browser-safe: nothing here imports a `node:` module (disk writes and the wasm files'
 * location in Node are in src/node/tfjs-package.ts and src/node/tfjs-backend.ts).
 *
 * Light: nothing here imports @tensorflow/tfjs either. Lowering, code generation and
 * packaging are text; what executes the text (and starts tfjs, ~0.4 s) is src/runtime,
 * which callers import on demand, so compiling or packaging never pays for it.
 */
export { TFJS_LOWERINGS } from "./lowering/table.js";
export type { Lowering, LowerContext } from "./lowering/types.js";
export {
  CORE_EXPORTS,
  generate,
  GENERATOR,
  RUNTIME_FILE,
  type GeneratedCode,
} from "./codegen/module.js";
export { emitGraphFunction, LoweringError } from "./codegen/graph.js";
export { TF_BACKENDS, type TfBackend } from "./tf-backends.js";
export { packageFiles, PackageError, FILES } from "./package/files.js";
export type { WeightData } from "./package/weights.js";
export { FORMAT as PACKAGE_FORMAT } from "./package/description.js";
export type { SpecSource, WeightsOrigin } from "./package/description.js";
