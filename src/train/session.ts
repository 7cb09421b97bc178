/**
 * A training session: one model trained on one dataset by the loop of loop.ts, the same
 * for `s2sc train` and `s2sc experiment` (and a library user). It owns what training
 * means — the plan (plan.ts: resume checks, settings, data, dropout), the model and
 * optimiser, the step loop, evaluations — and nothing of where it runs: it never prints
 * (progress is events.ts data), never touches the disk (each checkpoint goes to
 * `onCheckpoint`; src/node/train-run.ts writes it to a run directory) and installs no
 * signal handler (the CLI's calls `stop()`).
 */
import { initWeights } from "../backends/interp/index.js";
import type { TfBackend } from "../backends/tfjs/index.js";
import type { Dataset } from "../data/index.js";
import type { TfjsModel } from "../runtime/index.js";
import type { Checkpoint, StoredTensor } from "./checkpoint-data.js";
import type { Progress } from "./events.js";
import type { LoopResult } from "./loop.js";
import type { TrainingPlan } from "./plan.js";
import type { TrainSettings } from "./settings.js";

export interface SessionOptions {
  /** The tfjs backend (default wasm). */
  tfBackend?: TfBackend;
  /** Steps between evaluations (and checkpoints); default a tenth of the run, at most 200. */
  evalEvery?: number;
  /** Validation pairs per evaluation (default 200). */
  evalSize?: number;
  /** Receives a checkpoint after every evaluation, and when a stop request ends the run. */
  onCheckpoint?: (checkpoint: Checkpoint) => void;
}

const silent: Progress = { step() {}, evaluation() {} };

export class TrainingSession {
  private stopRequested = false;

  private constructor(
    readonly plan: TrainingPlan,
    /** The model being trained (its variables are the weights; evaluate it after `run`). */
    readonly model: TfjsModel,
    readonly tfBackend: TfBackend,
    private readonly options: SessionOptions,
  ) {}

  /** Creates the model (from the checkpoint's weights, or drawn from the seed). */
  static async open(plan: TrainingPlan, options: SessionOptions = {}): Promise<TrainingSession> {
    const { createTfjsModel } = await import("../runtime/index.js");
    const weights = plan.resume?.weights ?? initWeights(plan.module, plan.seed);
    const tfBackend = options.tfBackend ?? "wasm";
    const model = await createTfjsModel(plan.trained, weights, { backend: tfBackend });
    return new TrainingSession(plan, model, tfBackend, options);
  }

  get settings(): TrainSettings {
    return this.plan.settings;
  }

  get data(): Dataset {
    return this.plan.data;
  }

  /** The step training starts after: 0, or the resumed checkpoint's. */
  get startStep(): number {
    return this.plan.resume?.step ?? 0;
  }

  /** Asks the run to end after the current step; it then saves a checkpoint. */
  stop(): void {
    this.stopRequested = true;
  }

  get stopping(): boolean {
    return this.stopRequested;
  }

  /** Trains to `settings.steps` or until `stop()`. */
  async run(progress: Progress = silent): Promise<LoopResult> {
    const { trainLoop } = await import("./loop.js");
    const { plan, options } = this;
    const { settings, resume } = plan;
    return trainLoop({
      model: this.model,
      data: plan.data,
      settings,
      seed: plan.seed,
      start: {
        step: this.startStep,
        ...(resume ? { optimizer: resume.optimizer } : {}),
        elapsed: resume?.elapsed ?? 0,
      },
      evalEvery: options.evalEvery ?? Math.max(1, Math.min(200, Math.ceil(settings.steps / 10))),
      evalSize: options.evalSize ?? 200,
      progress,
      stopRequested: () => this.stopRequested,
      save: (s) => options.onCheckpoint?.(this.checkpoint(s)),
    });
  }

  private checkpoint(
    s: Pick<Checkpoint, "step" | "optimizer" | "metrics" | "elapsed">,
  ): Checkpoint {
    const weights = new Map<string, StoredTensor>();
    for (const [k, v] of this.model.variables)
      weights.set(k, { dims: [...v.shape], data: v.dataSync() as Float32Array });
    const { plan } = this;
    return {
      model: plan.module.model,
      step: s.step,
      position: plan.data.position(s.step),
      seed: plan.seed,
      settings: plan.settings,
      data: plan.data.source,
      tokenizer: plan.data.tokenizer,
      srcVocab: plan.data.srcVocab,
      tgtVocab: plan.data.tgtVocab,
      weights,
      optimizer: s.optimizer,
      ...(s.metrics !== undefined ? { metrics: s.metrics } : {}),
      elapsed: s.elapsed,
    };
  }

  dispose(): void {
    this.model.dispose();
  }
}
