/**
 * Training checkpoints. A checkpoint directory holds
 *
 * - `checkpoint.json`: everything that changes while training — step, data position,
 *   weights, optimiser state, vocabularies, the training settings and the data source —
 *   in one file, so that replacing it atomically (atomic.ts) makes the whole checkpoint
 *   atomic; a kill at any moment leaves the last good one;
 * - `model.ir.json`: the IR module (src/ir/json.ts), which `translate` runs;
 * - `spec.json`: the resolved spec (model name, file, source text, checked settings).
 *
 * Tensors are stored as little-endian float32 in base64, with their dims.
 */
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type VocabJson, Vocabulary } from "../data/index.js";
import { irFromJson, irToJson } from "../ir/index.js";
import type { IrModule } from "../ir/index.js";
import type { Checkpoint, StoredTensor } from "../train/index.js";
import { removeStaleTemporaries, writeFileAtomic, type AtomicWriteOptions } from "./atomic.js";

export const CHECKPOINT_FILE = "checkpoint.json";
export const IR_FILE = "model.ir.json";
export const SPEC_FILE = "spec.json";
const FORMAT = "s2sc-checkpoint/1";

export type { AdamState, Checkpoint, StoredTensor } from "../train/index.js";
export { weightsMismatch } from "../train/index.js";

export class CheckpointError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CheckpointError";
  }
}

function encodeTensor(t: StoredTensor): { dims: number[]; data: string } {
  const bytes = Buffer.from(t.data.buffer, t.data.byteOffset, t.data.byteLength);
  return { dims: [...t.dims], data: bytes.toString("base64") };
}

function decodeTensor(j: { dims: number[]; data: string }, what: string): StoredTensor {
  const buf = Buffer.from(j.data, "base64");
  const n = j.dims.reduce((a, b) => a * b, 1);
  if (buf.length !== 4 * n)
    throw new CheckpointError(
      `${what} has ${buf.length / 4} values, its dims [${j.dims.join(", ")}] need ${n}`,
    );
  const data = new Float32Array(n);
  new Uint8Array(data.buffer).set(buf);
  return { dims: j.dims, data };
}

const tensorsJson = (m: Map<string, StoredTensor>) =>
  Object.fromEntries([...m].map(([k, v]) => [k, encodeTensor(v)]));
const tensorsFrom = (o: Record<string, { dims: number[]; data: string }>, what: string) =>
  new Map(Object.entries(o).map(([k, v]) => [k, decodeTensor(v, `${what} \`${k}\``)] as const));

export function checkpointJson(c: Checkpoint): string {
  return JSON.stringify({
    format: FORMAT,
    model: c.model,
    step: c.step,
    position: c.position,
    seed: c.seed,
    settings: c.settings,
    data: c.data,
    tokenizer: c.tokenizer,
    vocab: { source: c.srcVocab.toJson(), target: c.tgtVocab.toJson() },
    metrics: c.metrics ?? {},
    elapsed: c.elapsed,
    weights: tensorsJson(c.weights),
    optimizer: { t: c.optimizer.t, m: tensorsJson(c.optimizer.m), v: tensorsJson(c.optimizer.v) },
  });
}

export interface SpecRecord {
  model: string;
  file: string;
  source: string;
  /** The checked model (resolved settings with their origins). */
  checked: unknown;
}

/** Writes the parts that do not change during training (once per run). */
export function writeStatic(dir: string, module: IrModule, spec: SpecRecord): void {
  mkdirSync(dir, { recursive: true });
  removeStaleTemporaries(dir);
  writeFileAtomic(join(dir, IR_FILE), irToJson(module));
  writeFileAtomic(join(dir, SPEC_FILE), JSON.stringify(spec, null, 2) + "\n");
}

export function saveCheckpoint(dir: string, c: Checkpoint, options: AtomicWriteOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  writeFileAtomic(join(dir, CHECKPOINT_FILE), checkpointJson(c), options);
}

export function hasCheckpoint(dir: string): boolean {
  return existsSync(join(dir, CHECKPOINT_FILE));
}

/** Reads `DIR/checkpoint.json`; problems are CheckpointErrors with a plain message. */
export function loadCheckpoint(dir: string): Checkpoint {
  const path = join(dir, CHECKPOINT_FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new CheckpointError(
      `${dir} has no checkpoint (${CHECKPOINT_FILE}); train one with \`s2sc train SPEC --out ${dir}\``,
    );
  }
  let j: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- validated field by field below
  try {
    j = JSON.parse(text);
  } catch {
    throw new CheckpointError(`${path} is not valid JSON (a damaged checkpoint)`);
  }
  if (j?.format !== FORMAT)
    throw new CheckpointError(
      `${path} is not an s2sc checkpoint (format ${JSON.stringify(j?.format)})`,
    );
  return {
    model: j.model,
    step: j.step,
    position: j.position,
    seed: j.seed,
    settings: j.settings,
    data: j.data,
    tokenizer: j.tokenizer,
    srcVocab: Vocabulary.fromJson(j.vocab.source as VocabJson),
    tgtVocab: Vocabulary.fromJson(j.vocab.target as VocabJson),
    metrics: j.metrics,
    elapsed: j.elapsed ?? 0,
    weights: tensorsFrom(j.weights, "weight"),
    optimizer: {
      t: j.optimizer.t,
      m: tensorsFrom(j.optimizer.m, "optimiser state"),
      v: tensorsFrom(j.optimizer.v, "optimiser state"),
    },
  };
}

/** The IR module saved with a checkpoint. */
export function loadCheckpointModule(dir: string): IrModule {
  const path = join(dir, IR_FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    throw new CheckpointError(
      `${dir} has no ${IR_FILE}; is it a checkpoint directory from \`s2sc train\`?`,
    );
  }
  const r = irFromJson(text);
  if (r.module === undefined)
    throw new CheckpointError(`${path} is not valid s2s IR: ${r.errors.slice(0, 3).join("; ")}`);
  return r.module;
}
