/** ONNX export: the three models of an IR module, the package writer and the checker. */
export { exportEntryProto, exportOnnx, ONNX_FILES } from "./model.js";
export { checkOnnxModel } from "./check.js";
export { onnxPackageFiles, OnnxPackageError, parseDescription } from "./package.js";
export { ONNX_EXPORTS } from "./table.js";
export { IR_VERSION, OPSET } from "./proto.js";
export { ExportError } from "./types.js";
export type { WeightData } from "./graph.js";
export * from "./package.js";
