/**
 * A compiled ONNX directory on disk: written like the tfjs package (built next to the
 * target and renamed into place; an existing target is replaced only when it is empty
 * or a previous ONNX compile), and its model.json read back (for ORT).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { IrModule } from "../ir/index.js";
import {
  DESCRIPTION,
  onnxPackageFiles,
  OnnxPackageError,
  parseDescription,
  type OnnxDescription,
  type OnnxSpecSource,
  type OnnxWeightsOrigin,
  type WeightData,
} from "../backends/onnx/index.js";
import { isReplaceableOutput, writeDirectoryAtomically } from "./write-dir.js";

/** model.json of a compiled directory; throws OnnxPackageError when it is not one. */
export function readDescription(dir: string): OnnxDescription {
  let text: string | undefined;
  try {
    text = readFileSync(join(dir, DESCRIPTION), "utf8");
  } catch {
    text = undefined;
  }
  return parseDescription(text, dir);
}

/** Writes the directory `dir` (absolute) atomically; throws OnnxPackageError or an I/O error. */
export function writeOnnxPackage(
  dir: string,
  m: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  spec: OnnxSpecSource,
  origin: OnnxWeightsOrigin,
  extra: ReadonlyMap<string, string> = new Map(),
): string[] {
  if (!isReplaceableOutput(dir, (d) => readDescription(d) !== undefined)) {
    throw new OnnxPackageError(
      `${dir} exists and is not an s2sc ONNX output; choose an empty or new directory`,
    );
  }
  return writeDirectoryAtomically(dir, onnxPackageFiles(m, weights, spec, origin, extra));
}
