/**
 * model.json of a compiled directory: what the generated module needs at load time
 * (where the weights manifest is) and what a tool or a person needs to use the model
 * without the spec: the entry points' inputs and outputs, the decoder state, the
 * vocabulary slots (sizes and special ids now; the vocabulary files once a training
 * run writes them) and the spec it came from.
 */
import type { Graph, IrModule } from "../../../ir/index.js";
import { tfDtype } from "../codegen/literal.js";
import { sha256OfText } from "../../sha256.js";

export const FORMAT = "s2sc-tfjs";
export const FORMAT_VERSION = 1;

export interface SpecSource {
  /** The spec file as the user named it. */
  file: string;
  /** Its text, when it could be read. */
  text?: string;
}

export interface WeightsOrigin {
  /** `seed`: drawn by the initialisers; `trained`: written by a training run. */
  kind: "seed" | "trained";
  seed?: number;
  step?: number;
}

function signature(g: Graph) {
  const describe = (v: {
    name: string;
    dtype: Graph["inputs"][number]["dtype"];
    shape: (string | number)[];
  }) => ({
    name: v.name,
    dtype: v.dtype === "bool" && v.shape.length === 0 ? "boolean" : tfDtype(v.dtype),
    shape: v.shape,
  });
  return { inputs: g.inputs.map(describe), outputs: g.outputs.map(describe) };
}

export function describeModel(
  m: IrModule,
  files: { module: string; weightsManifest: string },
  spec: SpecSource,
  weights: WeightsOrigin,
  generator: string,
) {
  const count = (trainable: boolean) =>
    m.params
      .filter((p) => !trainable || p.trainable)
      .reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    generatedBy: generator,
    model: m.model,
    spec: {
      file: spec.file,
      ...(spec.text === undefined ? {} : { sha256: sha256OfText(spec.text), text: spec.text }),
    },
    module: files.module,
    weightsManifest: files.weightsManifest,
    weights,
    vocabulary: {
      source: { size: m.config.sourceVocab, file: null },
      target: { size: m.config.targetVocab, file: null },
      specials: m.config.specials,
    },
    maxLength: m.config.maxLength ?? null,
    entryPoints: {
      encode: signature(m.graphs.encode),
      decode: signature(m.graphs.decode),
      decode_step: signature(m.graphs.decode_step),
    },
    state: m.config.state,
    parameters: { total: count(false), trainable: count(true) },
  };
}
