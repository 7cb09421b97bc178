/**
 * Writes a compiled tfjs directory:
 *
 *   model.js               the generated ES module (imports @tensorflow/tfjs only)
 *   model.json             the description (package/description.ts)
 *   weights_manifest.json  the TensorFlow.js weights manifest
 *   group1-shardKofN.bin   the weights
 *   package.json           `"type": "module"` so Node loads model.js as ESM wherever the
 *                          directory is copied; the directory is an installable package
 *
 * The directory is built next to the target and renamed into place, so a reader never
 * sees half a model and a failed compile leaves the previous one. An existing target is
 * replaced only when it holds a previous compile (its model.json says so) or is empty,
 * so `-o` pointed at the wrong directory cannot delete anything else.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { IrModule } from "../../../ir/types.js";
import { generate, GENERATOR } from "../codegen/module.js";
import type { WeightData } from "../runtime/model.js";
import { describeModel, FORMAT, type SpecSource, type WeightsOrigin } from "./description.js";
import { encodeWeights } from "./weights.js";
import { writeDirectoryAtomically } from "../../../node/write-dir.js";

export const FILES = {
  module: "model.js",
  description: "model.json",
  weightsManifest: "weights_manifest.json",
} as const;

export class PackageError extends Error {}

function isReplaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  const entries = readdirSync(dir);
  if (entries.length === 0) return true;
  try {
    const d = JSON.parse(readFileSync(join(dir, FILES.description), "utf8")) as {
      format?: unknown;
    };
    return d.format === FORMAT;
  } catch {
    return false;
  }
}

function packageJson(m: IrModule): string {
  const name = `s2s-${m.model.toLowerCase().replace(/[^a-z0-9._-]+/g, "-")}`;
  const pkg = {
    name,
    version: "0.0.0",
    private: true,
    description: `The ${m.model} model, compiled by s2sc from ${m.file}`,
    type: "module",
    main: FILES.module,
    exports: { ".": `./${FILES.module}` },
    peerDependencies: { "@tensorflow/tfjs": "^4.22.0" },
  };
  return JSON.stringify(pkg, null, 2) + "\n";
}

/** The files of a compiled directory, by name. */
export function packageFiles(
  m: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  spec: SpecSource,
  origin: WeightsOrigin,
  extra: ReadonlyMap<string, string> = new Map(),
): Map<string, string | Uint8Array> {
  const { manifest, shards } = encodeWeights(m.params, weights);
  const files = new Map<string, string | Uint8Array>();
  files.set(FILES.module, generate(m, GENERATOR).module);
  files.set(
    FILES.description,
    JSON.stringify(describeModel(m, FILES, spec, origin, GENERATOR), null, 2) + "\n",
  );
  files.set(FILES.weightsManifest, JSON.stringify(manifest, null, 2) + "\n");
  for (const [name, bytes] of shards) files.set(name, bytes);
  files.set("package.json", packageJson(m));
  // Extra files (a trained model's vocabularies) travel with the package.
  for (const [name, content] of extra) {
    if (files.has(name)) throw new PackageError(`internal: ${name} is a reserved file name`);
    files.set(name, content);
  }
  return files;
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
  if (!isReplaceable(dir)) {
    throw new PackageError(
      `${dir} exists and is not an s2sc tfjs output; choose an empty or new directory`,
    );
  }
  return writeDirectoryAtomically(dir, packageFiles(m, weights, spec, origin, extra));
}
