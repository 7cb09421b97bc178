/**
 * A compiled ONNX directory:
 *
 *   encoder.onnx, decoder.onnx, decoder_step.onnx   the three entry points (model.ts)
 *   model.json                                      what a tool needs without the spec:
 *                                                   config (specials, vocab sizes, the
 *                                                   decoder state and how it starts),
 *                                                   each file's inputs and outputs, the
 *                                                   opset, where the weights came from
 *   vocab.json                                      (from a checkpoint) the vocabularies
 *
 * Built in memory here (browser-safe); src/node/onnx-package.ts writes it to disk and
 * reads model.json back.
 */
import type { EntryPoint, Graph, IrModule, ModelConfig } from "../../ir/index.js";
import type { WeightData } from "./graph.js";
import { exportOnnx, ONNX_FILES, PRODUCER } from "./model.js";
import { IR_VERSION, OPSET } from "./proto.js";
import { TRAINING_INPUT } from "./graph.js";
import { sha256OfText } from "../sha256.js";

export const FORMAT = "s2sc-onnx";
export const FORMAT_VERSION = 1;
export const DESCRIPTION = "model.json";

export class OnnxPackageError extends Error {}

export interface OnnxSpecSource {
  file: string;
  text?: string;
}

export interface OnnxWeightsOrigin {
  kind: "seed" | "trained";
  seed?: number;
  step?: number;
}

export interface OnnxDescription {
  format: typeof FORMAT;
  formatVersion: number;
  model: string;
  config: ModelConfig;
  files: Record<EntryPoint, string>;
}

function signature(g: Graph) {
  const io = (v: Graph["inputs"][number]) => ({ name: v.name, dtype: v.dtype, shape: v.shape });
  return {
    inputs: g.inputs.filter((v) => v.name !== TRAINING_INPUT).map(io),
    outputs: g.outputs.map(io),
  };
}

export function describeOnnx(m: IrModule, spec: OnnxSpecSource, weights: OnnxWeightsOrigin) {
  return {
    format: FORMAT,
    formatVersion: FORMAT_VERSION,
    generatedBy: PRODUCER,
    model: m.model,
    spec: {
      file: spec.file,
      ...(spec.text === undefined ? {} : { sha256: sha256OfText(spec.text) }),
    },
    onnx: { irVersion: IR_VERSION, opset: OPSET },
    files: ONNX_FILES,
    weights,
    config: m.config,
    entryPoints: {
      encode: signature(m.graphs.encode),
      decode: signature(m.graphs.decode),
      decode_step: signature(m.graphs.decode_step),
    },
  };
}

/**
 * The description in model.json's text, checked to be an s2sc ONNX directory's; throws
 * OnnxPackageError naming `dir` when it is not one.
 */
export function parseDescription(text: string | undefined, dir: string): OnnxDescription {
  let d: Partial<OnnxDescription>;
  try {
    if (text === undefined) throw new Error("no text");
    d = JSON.parse(text) as Partial<OnnxDescription>;
  } catch {
    throw new OnnxPackageError(`${dir} has no readable ${DESCRIPTION}`);
  }
  if (d.format !== FORMAT || d.config === undefined)
    throw new OnnxPackageError(
      `${dir} is not an s2sc ONNX directory (compile one with --target onnx)`,
    );
  return d as OnnxDescription;
}

/** The files of a compiled directory, by name. */
export function onnxPackageFiles(
  m: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  spec: OnnxSpecSource,
  origin: OnnxWeightsOrigin,
  extra: ReadonlyMap<string, string> = new Map(),
): Map<string, string | Uint8Array> {
  const models = exportOnnx(m, weights);
  const files = new Map<string, string | Uint8Array>();
  for (const entry of ["encode", "decode", "decode_step"] as const)
    files.set(ONNX_FILES[entry], models[entry]);
  files.set(DESCRIPTION, JSON.stringify(describeOnnx(m, spec, origin), null, 2) + "\n");
  for (const [name, content] of extra) {
    if (files.has(name)) throw new OnnxPackageError(`internal: ${name} is a reserved file name`);
    files.set(name, content);
  }
  return files;
}
