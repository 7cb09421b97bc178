/**
 * Reference semantics of the IR's ONNX operators over typed arrays: the one definition
 * of what each op computes. The interpreter runs graphs with these kernels, and
 * constant folding evaluates nodes with them, so both agree by construction.
 */
export * from "./tensor.js";
export { Rng } from "./random.js";
export { KERNELS, type Kernel, type KernelContext } from "./kernels/index.js";
export { plainAttrs } from "./ir-attrs.js";
export { erf, gelu, hardSigmoid, sigmoid, softplus } from "./math.js";
export {
  matmulF32,
  matmulPacked,
  packA,
  packB,
  type MatrixRef,
  type PackedA,
  type PackedB,
} from "./matmul.js";
