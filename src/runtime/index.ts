/**
 * The tfjs runtime: runs the tfjs backend's generated code in this process (Node or a
 * browser) with the weights as tf.Variables — model creation (model.ts), evaluation of
 * the generated text (core.ts), the helper library that text calls (lib/), backend
 * selection (backend.ts), the training loss (loss.ts), a StepModel for the searches
 * (step-model.ts) and evaluation on held-out pairs (evaluate.ts).
 *
 * A stage of its own, above src/backends/tfjs, because it is the one part of the tfjs
 * path that imports @tensorflow/tfjs at load time (~0.4 s): the API, training and the
 * node entry import it with `import()` where they run a model, so that parsing,
 * checking, compiling and packaging never start tfjs.
 */
export { useTfBackend, type TfBackendOptions } from "./backend.js";
export {
  evaluateGraph,
  libraryNames,
  type Encoded,
  type GraphFunction,
  type Tensors,
} from "./core.js";
export { createTfjsModel, TfjsModel, type LossOptions, type TfjsModelOptions } from "./model.js";
export { crossEntropy, teacherForcing, type Batch } from "./loss.js";
export type { ModelApi, ModelConfig } from "./lib/api.js";
export { tfjsStepModel, type TfjsState } from "./step-model.js";
export { evaluate, type Evaluation } from "./evaluate.js";
