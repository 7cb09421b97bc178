/**
 * Running one model of an experiment: the experiment's training settings (the same for
 * every model: the schema defaults of training.md with the file's `train` on top — the
 * specs' own `train { }` sections are deliberately ignored so that models differ only in
 * architecture), the training loop of src/train with a progress sink that records the
 * accuracy-by-step curve, then the per-bucket evaluation. Nothing is written to disk.
 */
import { initWeights } from "../backends/interp/weights.js";
import type { TfBackend } from "../backends/tfjs/runtime/tf-backends.js";
import { taskDataset } from "../data/dataset.js";
import type { TaskOptions } from "../data/tasks.js";
import type { Io } from "../cli/io.js";
import type { CheckedModel } from "../check/model.js";
import { paramCounts } from "../ir/cost.js";
import type { IrModule } from "../ir/types.js";
import type { EvalInfo, Progress } from "../train/progress.js";
import { DEFAULT_SETTINGS, sharesEmbeddings, type TrainSettings } from "../train/settings.js";
import { evaluateBuckets, type BucketResult } from "./evaluate.js";
import type { Experiment } from "./load.js";
import { loadEntry, shownSpec } from "./models.js";

export interface CurvePoint {
  step: number;
  trainLoss: number;
  valLoss: number;
  tokenAccuracy: number;
  sequenceAccuracy: number;
  /** Seconds of training (evaluations included) up to this point. */
  elapsed: number;
}

export interface ModelResult {
  label: string;
  /** FILE[:MODEL] as shown to the user, with the arguments. */
  spec: string;
  args?: Record<string, number | boolean | string>;
  model: string;
  params: number;
  curve: CurvePoint[];
  buckets: BucketResult[];
  /** The first evaluated step whose validation exact match reached the threshold. */
  stepsToThreshold: number | null;
  /** Wall-clock seconds for this model: training, curve and bucket evaluations. */
  seconds: number;
}

export class ModelLoadError extends Error {
  constructor(
    readonly label: string,
    readonly exitCode: number,
  ) {
    super(`model \`${label}\` could not be loaded`);
  }
}

export function experimentSettings(exp: Experiment): TrainSettings {
  const t = exp.train;
  return {
    ...DEFAULT_SETTINGS,
    steps: t.steps,
    ...(t.batchSize !== undefined ? { batchSize: t.batchSize } : {}),
    ...(t.lr !== undefined ? { lr: t.lr } : {}),
    ...(t.optimizer !== undefined ? { optimizer: t.optimizer } : {}),
    ...(t.schedule !== undefined ? { schedule: t.schedule } : {}),
    ...(t.warmup !== undefined ? { warmup: t.warmup } : {}),
    ...(t.labelSmoothing !== undefined ? { labelSmoothing: t.labelSmoothing } : {}),
    ...(t.clipNorm !== undefined ? { clipNorm: t.clipNorm } : {}),
  };
}

export function taskOptions(exp: Experiment): TaskOptions {
  return {
    ...(exp.trainRange !== undefined
      ? { minLength: exp.trainRange.lo, maxLength: exp.trainRange.hi }
      : {}),
    ...(exp.task.symbols !== undefined ? { symbols: exp.task.symbols } : {}),
  };
}

export const DEFAULT_EVAL_SIZE = 200;
export const DEFAULT_BUCKET_PAIRS = 100;
export const DEFAULT_THRESHOLD = 0.99;

/** The task's data for one model (its vocabulary sizes must fit the task: DataError). */
function datasetFor(exp: Experiment, loaded: { module: IrModule; model: CheckedModel }) {
  return taskDataset(exp.task.name, taskOptions(exp), {
    seed: exp.train.seed,
    batchSize: experimentSettings(exp).batchSize,
    shared: sharesEmbeddings(loaded.model),
    modelVocab: { src: loaded.module.config.sourceVocab, tgt: loaded.module.config.targetVocab },
  });
}

/**
 * Loads every model and its data, so that a bad spec or a vocabulary too small for the
 * task stops the experiment before any training.
 */
export function checkModels(io: Io, exp: Experiment): void {
  for (const entry of exp.models) {
    const loaded = loadEntry(io, entry, exp.dir);
    if ("exitCode" in loaded) throw new ModelLoadError(entry.label, loaded.exitCode);
    datasetFor(exp, loaded);
  }
}

export async function runModel(
  io: Io,
  exp: Experiment,
  index: number,
  opts: { tfBackend?: TfBackend; onEvaluation?: (p: CurvePoint) => void } = {},
): Promise<ModelResult> {
  const t0 = Date.now();
  const entry = exp.models[index]!;
  const loaded = loadEntry(io, entry, exp.dir);
  if ("exitCode" in loaded) throw new ModelLoadError(entry.label, loaded.exitCode);
  const { module } = loaded;
  const settings = experimentSettings(exp);
  const seed = exp.train.seed;
  const options = taskOptions(exp);
  const data = datasetFor(exp, loaded);
  const { createTfjsModel } = await import("../backends/tfjs/index.js");
  const { trainLoop } = await import("../train/loop.js");
  const model = await createTfjsModel(module, initWeights(module, seed), {
    backend: opts.tfBackend ?? "wasm",
  });
  const curve: CurvePoint[] = [];
  const progress: Progress = {
    step: () => {},
    note: () => {},
    stop: () => {},
    evaluation(info: EvalInfo) {
      const p: CurvePoint = {
        step: info.step,
        trainLoss: info.loss,
        valLoss: info.evaluation.loss,
        tokenAccuracy: info.evaluation.tokenAccuracy,
        sequenceAccuracy: info.evaluation.sequenceAccuracy,
        elapsed: info.elapsed,
      };
      curve.push(p);
      opts.onEvaluation?.(p);
    },
  };
  try {
    await trainLoop({
      model,
      data,
      settings,
      seed,
      start: { step: 0, elapsed: 0 },
      evalEvery: exp.train.evalEvery,
      evalSize: exp.train.evalSize ?? DEFAULT_EVAL_SIZE,
      progress,
      save: () => {},
      stopRequested: () => false,
    });
    const buckets = await evaluateBuckets(
      model,
      data,
      exp.task.name,
      options,
      exp.bucketRanges,
      exp.evaluation.pairs ?? DEFAULT_BUCKET_PAIRS,
      exp.task.name === "dates" ? undefined : (exp.trainRange?.hi ?? 20),
    );
    const threshold = exp.evaluation.threshold ?? DEFAULT_THRESHOLD;
    return {
      label: entry.label,
      spec: shownSpec(entry, exp.dir, io.cwd),
      ...(entry.args !== undefined ? { args: entry.args } : {}),
      model: module.model,
      params: paramCounts(module).trainable,
      curve,
      buckets,
      stepsToThreshold: curve.find((p) => p.sequenceAccuracy >= threshold)?.step ?? null,
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    model.dispose();
  }
}
