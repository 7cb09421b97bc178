/**
 * Training as a library: plan a run (settings, data, resume checks, dropout), open a
 * session on it, run it with progress callbacks and a checkpoint hook, stop it.
 *
 * The modules that import @tensorflow/tfjs at load time (loop.ts, optimizer.ts, and
 * src/runtime, which they use) are deliberately not exported here: the session loads them when it
 * opens, so importing this index (every CLI command does, through `train`) costs no
 * tfjs start-up.
 */
export type { AdamState, Checkpoint, StoredTensor } from "./checkpoint-data.js";
export {
  chooseData,
  parseLengths,
  type DataChoice,
  type DataInput,
  type DataRequest,
} from "./data-choice.js";
export { withDropoutRate } from "./dropout.js";
export { duration } from "./duration.js";
export type { EvalInfo, Progress, StepInfo } from "./events.js";
export type { Evaluation } from "../runtime/index.js";
export type { LoopResult } from "./loop.js";
export { planTraining, type PlanInput, type TrainingPlan } from "./plan.js";
export { problem, type TrainProblem } from "./problem.js";
export { resumeProblem, weightsMismatch } from "./resume.js";
export { TrainingSession, type SessionOptions } from "./session.js";
export {
  DEFAULT_SETTINGS,
  learningRate,
  mergeSettings,
  settingsFromSpec,
  sharesEmbeddings,
  trainSection,
  type Schedule,
  type SettingsOverrides,
  type TrainSettings,
} from "./settings.js";
