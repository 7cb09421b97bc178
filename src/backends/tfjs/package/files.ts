/**
 * The files of a compiled tfjs directory, in memory (so a browser can build one too;
 * src/node/tfjs-package.ts writes them to disk):
 *
 *   model.js               the generated ES module (imports @tensorflow/tfjs and the next)
 *   s2sc-runtime.js        s2sc's runtime library, compiled (imports @tensorflow/tfjs only)
 *   model.json             the description (package/description.ts)
 *   weights_manifest.json  the TensorFlow.js weights manifest
 *   group1-shardKofN.bin   the weights
 *   package.json           `"type": "module"` so Node loads model.js as ESM wherever the
 *                          directory is copied; the directory is an installable package
 */
import type { IrModule } from "../../../ir/index.js";
import { generate, GENERATOR, RUNTIME_FILE } from "../codegen/module.js";
import { RUNTIME_SOURCE } from "../runtime-lib.generated.js";
import { describeModel, type SpecSource, type WeightsOrigin } from "./description.js";
import { encodeWeights, type WeightData } from "./weights.js";

export const FILES = {
  module: "model.js",
  runtime: RUNTIME_FILE,
  description: "model.json",
  weightsManifest: "weights_manifest.json",
} as const;

export class PackageError extends Error {}

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
  files.set(FILES.runtime, RUNTIME_SOURCE);
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
