/**
 * The helper library the generated graph functions call by name: tfjs spellings of the
 * ONNX ops that tfjs lacks or spells differently. Its exports are exactly the names the
 * generated code may use (codegen reserves them, and in-process evaluation passes them
 * in), so a helper is added by exporting it here.
 */
export * from "./attention.js";
export * from "./nn.js";
export * from "./recurrent.js";
export * from "./tensor.js";
