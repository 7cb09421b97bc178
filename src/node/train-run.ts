/**
 * A training session against a run directory: the disk side of `s2sc train`. It reads
 * the checkpoint to resume (or refuses to overwrite one), reads TSV data, writes the
 * run's static files, and saves every checkpoint the session hands over, atomically.
 * What training means is the session's (src/train/session.ts).
 */
import { resolve } from "node:path";
import type { CheckedModel } from "../check/index.js";
import { DataError } from "../data/index.js";
import type { IrModule } from "../ir/index.js";
import {
  chooseData,
  planTraining,
  problem,
  TrainingSession,
  type Checkpoint,
  type DataInput,
  type DataRequest,
  type SessionOptions,
  type SettingsOverrides,
  type TrainProblem,
} from "../train/index.js";
import { removeStaleTemporaries } from "./atomic.js";
import {
  CheckpointError,
  hasCheckpoint,
  loadCheckpoint,
  saveCheckpoint,
  writeStatic,
} from "./checkpoint.js";
import { readTsv, UnreadableDataFile } from "./tsv-file.js";

export interface TrainRunRequest {
  checked: CheckedModel;
  module: IrModule;
  /** The text of the spec file (the run's record of it). */
  source: string;
  /** Where relative paths start. */
  cwd: string;
  /** The run directory, as the user wrote it (relative to `cwd`). */
  out: string;
  /** Continue the checkpoint in `out` instead of starting fresh. */
  resume?: boolean;
  data: DataRequest;
  overrides?: SettingsOverrides;
  seed?: number;
  session?: Omit<SessionOptions, "onCheckpoint">;
}

export type TrainRun = { session: TrainingSession; dir: string } | { problem: TrainProblem };

function resumed(dir: string, run: string, resume: boolean): Checkpoint | TrainProblem | undefined {
  if (!resume)
    return hasCheckpoint(dir)
      ? problem(
          "usage",
          `${run} already holds a checkpoint; continue it with --resume or pick another --out`,
        )
      : undefined;
  try {
    removeStaleTemporaries(dir);
    return loadCheckpoint(dir);
  } catch (e) {
    if (e instanceof CheckpointError) return problem("usage", e.message);
    throw e;
  }
}

/** The data the session trains on, reading the chosen file(s) from the disk. */
function dataInput(r: TrainRunRequest, ckpt: Checkpoint | undefined): DataInput | TrainProblem {
  const choice = chooseData(r.data, ckpt, r.out);
  if ("fault" in choice || choice.kind === "task") return choice;
  try {
    const { file, valid, tokenizer } = choice;
    return {
      kind: "pairs",
      shown: file,
      tokenizer,
      pairs: readTsv(resolve(r.cwd, file), file, tokenizer),
      ...(valid !== undefined ? { valid: readTsv(resolve(r.cwd, valid), valid, tokenizer) } : {}),
    };
  } catch (e) {
    if (e instanceof DataError)
      return problem(e instanceof UnreadableDataFile ? "usage" : "input", e.format());
    throw e;
  }
}

/**
 * Prepares a session whose checkpoints go to `out`; the caller runs it
 * (`session.run`), may stop it (`session.stop`), and disposes of it.
 */
export async function openTrainRun(r: TrainRunRequest): Promise<TrainRun> {
  const dir = resolve(r.cwd, r.out);
  const ckpt = resumed(dir, r.out, r.resume === true);
  if (ckpt !== undefined && "fault" in ckpt) return { problem: ckpt };
  const data = dataInput(r, ckpt);
  if ("fault" in data) return { problem: data };
  const plan = planTraining({
    checked: r.checked,
    module: r.module,
    data,
    run: r.out,
    ...(r.overrides ? { overrides: r.overrides } : {}),
    ...(r.seed !== undefined ? { seed: r.seed } : {}),
    ...(ckpt ? { resume: ckpt } : {}),
  });
  if ("fault" in plan) return { problem: plan };
  const session = await TrainingSession.open(plan, {
    ...r.session,
    onCheckpoint: (c) => saveCheckpoint(dir, c),
  });
  writeStatic(dir, r.module, {
    model: r.module.model,
    file: r.checked.file,
    source: r.source,
    checked: r.checked,
  });
  return { session, dir };
}
