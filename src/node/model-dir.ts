/**
 * Models that come from a directory rather than a spec: an IR directory
 * (`DIR/model.ir.json`, from `compile --target ir` or any tool that writes our IR) and a
 * training run's checkpoint directory (`s2sc train --out DIR`). Problems come back as
 * data for the caller to report; nothing here prints.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { irFromJson, type IrModule } from "../ir/index.js";
import { weightsMismatch } from "../train/index.js";
import {
  CheckpointError,
  IR_FILE,
  loadCheckpoint,
  loadCheckpointModule,
  SPEC_FILE,
  type Checkpoint,
  type SpecRecord,
} from "./checkpoint.js";

export interface IrDirectory {
  /** The module, when the file was read and is valid IR. */
  module?: IrModule;
  /** `DIR/model.ir.json`. */
  path: string;
  /** Whether the file could be read at all (a directory without it is not an IR directory). */
  readable: boolean;
  /** Why the text is not valid IR (schema or verifier), when it was read. */
  errors: string[];
}

/** Reads `dir/model.ir.json` (`dir` absolute). */
export function readIrDirectory(dir: string): IrDirectory {
  const path = join(dir, IR_FILE);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    return { path, readable: false, errors: [] };
  }
  const r = irFromJson(text);
  return r.module === undefined
    ? { path, readable: true, errors: r.errors }
    : { module: r.module, path, readable: true, errors: [] };
}

/** A trained model: the module saved with the run, its last checkpoint and the spec's text. */
export interface TrainedModel {
  module: IrModule;
  checkpoint: Checkpoint;
  /** The spec's text as the run recorded it (absent when `spec.json` cannot be read). */
  specText?: string;
}

/**
 * Reads a checkpoint directory (`dir` absolute) and checks that its weights fit its
 * module. `damaged` marks weights that do not fit (the files read, but disagree).
 */
export function readTrainedModel(
  dir: string,
): { trained: TrainedModel } | { error: string; damaged?: boolean } {
  let module: IrModule;
  let checkpoint: Checkpoint;
  try {
    checkpoint = loadCheckpoint(dir);
    module = loadCheckpointModule(dir);
  } catch (e) {
    if (e instanceof CheckpointError) return { error: e.message };
    return { error: `cannot read ${dir}: ${(e as Error).message}` };
  }
  const mismatch = weightsMismatch(module, checkpoint.weights);
  if (mismatch !== undefined) return { error: mismatch, damaged: true };
  const specText = readSpecText(dir);
  return { trained: { module, checkpoint, ...(specText === undefined ? {} : { specText }) } };
}

function readSpecText(dir: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(dir, SPEC_FILE), "utf8")) as SpecRecord).source;
  } catch {
    return undefined;
  }
}
