/**
 * `s2sc compile --target onnx -o DIR`: encoder.onnx, decoder.onnx, decoder_step.onnx and
 * model.json (src/backends/onnx/package.ts), with weights drawn from `--seed` as the
 * interpreter draws them, or a checkpoint's trained weights and vocabularies.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { initWeights } from "../../backends/interp/weights.js";
import { OnnxPackageError, writeOnnxPackage } from "../../backends/onnx/package.js";
import { ExportError } from "../../backends/onnx/types.js";
import type { IrModule } from "../../ir/types.js";
import { EXIT, type Io } from "../io.js";
import type { TrainedWeights } from "./compile-tfjs.js";

export function compileOnnx(
  io: Io,
  module: IrModule,
  out: string,
  seed: number,
  trained?: TrainedWeights,
): number {
  const dir = resolve(io.cwd, out);
  let text = trained?.specText;
  if (text === undefined) {
    try {
      text = readFileSync(resolve(io.cwd, module.file), "utf8");
    } catch {
      // The description then names the file without its hash.
    }
  }
  const spec = text === undefined ? { file: module.file } : { file: module.file, text };
  let files: string[];
  try {
    files =
      trained === undefined
        ? writeOnnxPackage(dir, module, initWeights(module, seed), spec, { kind: "seed", seed })
        : writeOnnxPackage(
            dir,
            module,
            trained.weights,
            spec,
            { kind: "trained", step: trained.step },
            trained.extra,
          );
  } catch (e) {
    if (e instanceof ExportError) {
      io.stderr(
        `s2sc: internal error: cannot export model \`${module.model}\` to ONNX: ${e.message}\nplease report it\n`,
      );
      return EXIT.usage;
    }
    const err = e as NodeJS.ErrnoException;
    const why =
      e instanceof OnnxPackageError
        ? err.message
        : `cannot write ${out}: ${err.code ?? err.message}`;
    io.stderr(`s2sc compile: ${why}\n`);
    return EXIT.usage;
  }
  io.stdout(`wrote ${files.map((f) => join(out, f)).join(", ")}\n`);
  return EXIT.ok;
}
