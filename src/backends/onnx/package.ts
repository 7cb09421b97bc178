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
 * Written like the tfjs package: built next to the target and renamed into place, and an
 * existing target is replaced only when it is empty or a previous ONNX compile.
 */
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { EntryPoint, Graph, IrModule, ModelConfig } from "../../ir/types.js";
import type { WeightData } from "./graph.js";
import { exportOnnx, ONNX_FILES, PRODUCER } from "./model.js";
import { IR_VERSION, OPSET } from "./proto.js";
import { TRAINING_INPUT } from "./graph.js";
import { writeDirectoryAtomically } from "../../node/write-dir.js";

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
      ...(spec.text === undefined
        ? {}
        : { sha256: createHash("sha256").update(spec.text).digest("hex") }),
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

/** model.json of a compiled directory; throws OnnxPackageError when it is not one. */
export function readDescription(dir: string): OnnxDescription {
  let d: Partial<OnnxDescription>;
  try {
    d = JSON.parse(readFileSync(join(dir, DESCRIPTION), "utf8")) as Partial<OnnxDescription>;
  } catch {
    throw new OnnxPackageError(`${dir} has no readable ${DESCRIPTION}`);
  }
  if (d.format !== FORMAT || d.config === undefined)
    throw new OnnxPackageError(
      `${dir} is not an s2sc ONNX directory (compile one with --target onnx)`,
    );
  return d as OnnxDescription;
}

function isReplaceable(dir: string): boolean {
  if (!existsSync(dir)) return true;
  if (readdirSync(dir).length === 0) return true;
  try {
    readDescription(dir);
    return true;
  } catch {
    return false;
  }
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

/** Writes the directory `dir` (absolute) atomically; throws OnnxPackageError or an I/O error. */
export function writeOnnxPackage(
  dir: string,
  m: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  spec: OnnxSpecSource,
  origin: OnnxWeightsOrigin,
  extra: ReadonlyMap<string, string> = new Map(),
): string[] {
  if (!isReplaceable(dir)) {
    throw new OnnxPackageError(
      `${dir} exists and is not an s2sc ONNX output; choose an empty or new directory`,
    );
  }
  return writeDirectoryAtomically(dir, onnxPackageFiles(m, weights, spec, origin, extra));
}
