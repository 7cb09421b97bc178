/**
 * Everything a training session decides before it allocates anything: whether a
 * checkpoint can be resumed, the settings (the checkpoint's, else the given base, else
 * the spec's `train { }` section, with the overrides on top), the seed, the dataset and
 * the module it trains (`train.dropout` rewritten into it). Pure and synchronous: a
 * problem here costs no model creation, and an experiment checks every model this way
 * before training any.
 */
import type { CheckedModel } from "../check/index.js";
import {
  DataError,
  type Dataset,
  type DatasetOptions,
  pairsDataset,
  taskDataset,
} from "../data/index.js";
import type { IrModule } from "../ir/index.js";
import type { Checkpoint } from "./checkpoint-data.js";
import type { DataInput } from "./data-choice.js";
import { withDropoutRate } from "./dropout.js";
import { dataLengthProblem } from "./lengths.js";
import { problem, type TrainProblem } from "./problem.js";
import { resumeProblem } from "./resume.js";
import {
  mergeSettings,
  settingsFromSpec,
  sharesEmbeddings,
  type SettingsOverrides,
  type TrainSettings,
} from "./settings.js";

export interface PlanInput {
  checked: CheckedModel;
  /** The verified module of `checked`. */
  module: IrModule;
  /** Settings to start from (an experiment's); default: the spec's `train { }` section. */
  base?: TrainSettings;
  overrides?: SettingsOverrides;
  data: DataInput;
  /** Seed of the weights, the data order and dropout (default 0; a checkpoint's wins). */
  seed?: number;
  /** A checkpoint to continue exactly. */
  resume?: Checkpoint;
  /** Names the run in messages (`runs/m`). */
  run?: string;
}

export interface TrainingPlan {
  /** The module as elaborated: what checkpoints and compiled packages hold. */
  module: IrModule;
  /** What trains: `module` with every dropout rate set to `settings.dropout`, if given. */
  trained: IrModule;
  settings: TrainSettings;
  seed: number;
  data: Dataset;
  resume?: Checkpoint;
}

export function planTraining(input: PlanInput): TrainingPlan | TrainProblem {
  const { module, resume } = input;
  const run = input.run ?? "the checkpoint";
  if (resume !== undefined) {
    const bad = resumeProblem(module, resume, run);
    if (bad !== undefined) return bad;
  }
  const settings = mergeSettings(
    resume?.settings ?? input.base ?? settingsFromSpec(input.checked),
    input.overrides ?? {},
  );
  if ("fault" in settings) return settings;
  if (resume !== undefined && resume.settings.batchSize !== settings.batchSize)
    return problem(
      "usage",
      `--batch-size ${settings.batchSize} differs from the checkpoint's ${resume.settings.batchSize}; resuming needs the same data order`,
    );
  const seed = resume?.seed ?? input.seed ?? 0;
  const options: DatasetOptions = {
    seed,
    batchSize: settings.batchSize,
    shared: sharesEmbeddings(input.checked),
    modelVocab: { src: module.config.sourceVocab, tgt: module.config.targetVocab },
    ...(resume ? { vocabs: { src: resume.srcVocab, tgt: resume.tgtVocab } } : {}),
  };
  let data: Dataset;
  try {
    data =
      input.data.kind === "task"
        ? taskDataset(input.data.task, input.data.options, options)
        : pairsDataset(input.data, options);
  } catch (e) {
    if (e instanceof DataError) return problem("input", e.format());
    throw e;
  }
  // Before the first step: a pair past the position table would fail mid-training.
  const tooLong = dataLengthProblem(module.config, input.data);
  if (tooLong !== undefined) return tooLong;
  // train.dropout / --dropout replaces the spec's dropout rates while training.
  const trained =
    settings.dropout === undefined ? module : withDropoutRate(module, settings.dropout);
  return { module, trained, settings, seed, data, ...(resume ? { resume } : {}) };
}
