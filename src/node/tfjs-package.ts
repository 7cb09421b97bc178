/**
 * Writes a compiled tfjs directory (the files of packageFiles) to disk. The directory is
 * built next to the target and renamed into place, so a reader never sees half a model
 * and a failed compile leaves the previous one. An existing target is replaced only when
 * it holds a previous compile (its model.json says so) or is empty, so `-o` pointed at
 * the wrong directory cannot delete anything else.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { IrModule } from "../ir/index.js";
import {
  FILES,
  PACKAGE_FORMAT,
  packageFiles,
  PackageError,
  type SpecSource,
  type WeightData,
  type WeightsOrigin,
} from "../backends/tfjs/index.js";
import { isReplaceableOutput, writeDirectoryAtomically } from "./write-dir.js";

/** A previous tfjs compile: its model.json names the package format. */
function isTfjsOutput(dir: string): boolean {
  const d = JSON.parse(readFileSync(join(dir, FILES.description), "utf8")) as { format?: unknown };
  return d.format === PACKAGE_FORMAT;
}

/** Writes the compiled directory `dir` (absolute) atomically; throws PackageError or an I/O error. */
export function writeTfjsPackage(
  dir: string,
  m: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  spec: SpecSource,
  origin: WeightsOrigin,
  extra: ReadonlyMap<string, string> = new Map(),
): string[] {
  if (!isReplaceableOutput(dir, isTfjsOutput)) {
    throw new PackageError(
      `${dir} exists and is not an s2sc tfjs output; choose an empty or new directory`,
    );
  }
  return writeDirectoryAtomically(dir, packageFiles(m, weights, spec, origin, extra));
}
