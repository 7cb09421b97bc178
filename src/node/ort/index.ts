/**
 * The ONNX Runtime backend: `createOrtModel(module, weights)` (encode / decode / step on
 * onnxruntime-node), `loadOrtModel(dir)` for a compiled directory, and `ortStepModel`
 * for greedy and beam search.
 */
export { createOrtModel, loadOrtModel, OrtModel } from "./model.js";
export type { OrtEncoded, OrtModelOptions, OrtTensors } from "./model.js";
export { loadOrt, OrtUnavailableError } from "./load.js";
export { ortStepModel, type OrtState } from "./step-model.js";
