/**
 * `s2sc compile --target onnx -o DIR`: encoder.onnx, decoder.onnx, decoder_step.onnx and
 * model.json (src/backends/onnx/package.ts), with seeded or trained weights (see
 * compile-package.ts).
 */
import {
  ExportError,
  OnnxPackageError,
  writeOnnxPackage,
  type IrModule,
} from "../../node/index.js";
import type { Io } from "../io.js";
import { compilePackage, type PackageTarget, type TrainedWeights } from "./compile-package.js";

const ONNX: PackageTarget = {
  write: writeOnnxPackage,
  internal: (e, m) =>
    e instanceof ExportError
      ? `cannot export model \`${m.model}\` to ONNX: ${e.message}`
      : undefined,
  refused: (e) => e instanceof OnnxPackageError,
};

export function compileOnnx(
  io: Io,
  module: IrModule,
  out: string,
  seed: number,
  trained?: TrainedWeights,
): number {
  return compilePackage(io, ONNX, module, out, seed, trained);
}
