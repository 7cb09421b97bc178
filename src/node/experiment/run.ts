/**
 * Running one model of an experiment: the experiment's training settings (the same for
 * every model: the schema defaults of training.md with the file's `train` on top — the
 * specs' own `train { }` sections are deliberately ignored so that models differ only in
 * architecture), trained by the same session as `s2sc train` (src/train/session.ts, so
 * `dropout` and every other setting mean the same) with a progress sink that records the
 * accuracy-by-step curve, then the per-bucket evaluation. Nothing is written to disk.
 */
import type { LoadResult } from "../../api/index.js";
import type { CheckedModel } from "../../check/index.js";
import type { TfBackend } from "../../backends/tfjs/index.js";
import type { TaskOptions } from "../../data/index.js";
import { paramCounts } from "../../ir/index.js";
import type { IrModule } from "../../ir/index.js";
import {
  DEFAULT_SETTINGS,
  planTraining,
  TrainingSession,
  type EvalInfo,
  type TrainingPlan,
  type TrainProblem,
  type TrainSettings,
} from "../../train/index.js";
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

/** Why a model of an experiment cannot train: its spec's diagnostics, or its data. */
export type ModelProblem =
  { label: string; load: LoadResult } | { label: string; problem: TrainProblem };

/** Thrown by runModel for a model that checkModel would have refused. */
export class ModelLoadError extends Error {
  constructor(readonly reason: ModelProblem) {
    super(`model \`${reason.label}\` could not be loaded`);
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
    ...(t.dropout !== undefined ? { dropout: t.dropout } : {}),
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

/** The training plan of one model: the experiment's settings, task and seed. */
function planFor(
  exp: Experiment,
  loaded: { module: IrModule; model: CheckedModel },
): TrainingPlan | TrainProblem {
  return planTraining({
    checked: loaded.model,
    module: loaded.module,
    base: experimentSettings(exp),
    data: { kind: "task", task: exp.task.name, options: taskOptions(exp) },
    seed: exp.train.seed,
  });
}

/**
 * Loads model `index` and plans its training, so that a bad spec or a vocabulary too
 * small for the task is known before any training.
 */
export function checkModel(
  exp: Experiment,
  index: number,
  cwd: string,
): ModelProblem | { label: string; plan: TrainingPlan; module: IrModule; load: LoadResult } {
  const entry = exp.models[index]!;
  const load = loadEntry(entry, exp.dir, cwd);
  if (load.module === undefined || load.model === undefined) return { label: entry.label, load };
  const plan = planFor(exp, { module: load.module, model: load.model });
  if ("fault" in plan) return { label: entry.label, problem: plan };
  // The load's warnings stay with it, for the caller to show.
  return { label: entry.label, plan, module: load.module, load };
}

export interface RunModelOptions {
  /** Where the experiment's paths are shown from. */
  cwd: string;
  tfBackend?: TfBackend;
  onEvaluation?: (p: CurvePoint) => void;
}

export async function runModel(
  exp: Experiment,
  index: number,
  opts: RunModelOptions,
): Promise<ModelResult> {
  const t0 = Date.now();
  const entry = exp.models[index]!;
  const checked = checkModel(exp, index, opts.cwd);
  if (!("plan" in checked)) throw new ModelLoadError(checked);
  const { plan, module } = checked;
  const session = await TrainingSession.open(plan, {
    tfBackend: opts.tfBackend ?? "wasm",
    evalEvery: exp.train.evalEvery,
    evalSize: exp.train.evalSize ?? DEFAULT_EVAL_SIZE,
  });
  const curve: CurvePoint[] = [];
  const progress = {
    step: () => {},
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
    await session.run(progress);
    const buckets = await evaluateBuckets(
      session.model,
      session.data,
      exp.task.name,
      taskOptions(exp),
      exp.bucketRanges,
      exp.evaluation.pairs ?? DEFAULT_BUCKET_PAIRS,
      exp.task.name === "dates" ? undefined : (exp.trainRange?.hi ?? 20),
    );
    const threshold = exp.evaluation.threshold ?? DEFAULT_THRESHOLD;
    return {
      label: entry.label,
      spec: shownSpec(entry, exp.dir, opts.cwd),
      ...(entry.args !== undefined ? { args: entry.args } : {}),
      model: module.model,
      params: paramCounts(module).trainable,
      curve,
      buckets,
      stepsToThreshold: curve.find((p) => p.sequenceAccuracy >= threshold)?.step ?? null,
      seconds: (Date.now() - t0) / 1000,
    };
  } finally {
    session.dispose();
  }
}
