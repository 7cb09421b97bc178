/**
 * The training loop on the tfjs backend: teacher forcing with padding masks and label
 * smoothing (TfjsModel.gradients), the learning-rate schedule, gradient-norm clipping
 * and Adam (optimizer.ts), periodic evaluation and checkpoints.
 *
 * Exact resume: step s (1-based) trains on data.batch(s − 1) with dropout seeded from
 * (seed, s), and the optimiser state and step are restored, so stopping after any saved
 * step and resuming gives the same weights as never stopping.
 */
import type { Dataset } from "../data/index.js";
import { mixSeed } from "../data/index.js";
import type { AdamState } from "./checkpoint-data.js";
import type { Evaluation, TfjsModel } from "../runtime/index.js";
import type { Progress } from "./events.js";
import { Optimizer } from "./optimizer.js";
import { learningRate, type TrainSettings } from "./settings.js";

export interface LoopOptions {
  model: TfjsModel;
  data: Dataset;
  settings: TrainSettings;
  seed: number;
  /** Where training starts: 0, or a checkpoint's step, optimiser state and elapsed seconds. */
  start: { step: number; optimizer?: AdamState; elapsed: number };
  evalEvery: number;
  /** Validation pairs per evaluation. */
  evalSize: number;
  progress: Progress;
  /** Writes a checkpoint (the caller knows where and what else goes in it). */
  save(state: {
    step: number;
    optimizer: AdamState;
    metrics: Record<string, number>;
    elapsed: number;
  }): void;
  /** Polled between steps (the session's stop()). */
  stopRequested(): boolean;
}

export interface LoopResult {
  step: number;
  stopped: boolean;
  evaluation?: Evaluation;
  elapsed: number;
  trainLoss: number;
}

/**
 * Yields to the event loop between steps, so a stop request (a signal handler, a UI
 * button) is seen. setImmediate where there is one (Node): setTimeout(0) costs about a
 * millisecond a step there; a browser has only setTimeout.
 */
const tick =
  typeof setImmediate === "function"
    ? () => new Promise<void>((r) => setImmediate(r))
    : () => new Promise<void>((r) => setTimeout(r, 0));

export async function trainLoop(o: LoopOptions): Promise<LoopResult> {
  // The runtime stage is imported on demand everywhere (.dependency-cruiser.cjs).
  const { evaluate } = await import("../runtime/index.js");
  const { model, data, settings } = o;
  const optimizer = new Optimizer(settings, model.variables, o.start.optimizer);
  const t0 = Date.now();
  const elapsed = () => o.start.elapsed + (Date.now() - t0) / 1000;
  let step = o.start.step;
  let smoothed = NaN;
  let tokens = 0;
  let last: Evaluation | undefined;
  let metrics: Record<string, number> = {};
  const speed = () => tokens / Math.max((Date.now() - t0) / 1000, 1e-3);
  const eta = () =>
    ((settings.steps - step) * (Date.now() - t0)) / 1000 / Math.max(step - o.start.step, 1);
  const info = (lr: number) => ({
    step,
    steps: settings.steps,
    loss: smoothed,
    lr,
    tokensPerSecond: speed(),
    eta: eta(),
  });
  const checkpoint = () =>
    o.save({ step, optimizer: optimizer.state(), metrics, elapsed: elapsed() });
  let stopped = false;
  try {
    while (step < settings.steps) {
      await tick();
      if (o.stopRequested()) {
        stopped = true;
        break;
      }
      const batch = data.batch(step);
      step++;
      const lr = learningRate(settings, step);
      model.seedDropout(mixSeed(o.seed, 0xd0, step));
      const { loss, grads } = model.gradients(batch, {
        training: true,
        labelSmoothing: settings.labelSmoothing,
      });
      optimizer.apply(grads, lr);
      if (!Number.isFinite(loss))
        throw new Error(`the loss is ${loss} at step ${step}; lower the learning rate`);
      smoothed = Number.isNaN(smoothed) ? loss : 0.95 * smoothed + 0.05 * loss;
      tokens +=
        batch.src.reduce((a, s) => a + s.length, 0) +
        batch.tgt.reduce((a, t) => a + t.length + 1, 0);
      o.progress.step(info(lr));
      if (step % o.evalEvery === 0 || step === settings.steps) {
        last = await evaluate(model, data, data.validation.slice(0, o.evalSize));
        metrics = {
          trainLoss: smoothed,
          valLoss: last.loss,
          tokenAccuracy: last.tokenAccuracy,
          sequenceAccuracy: last.sequenceAccuracy,
        };
        checkpoint();
        o.progress.evaluation({ ...info(lr), evaluation: last, elapsed: elapsed(), saved: true });
      }
    }
    if (stopped && step > o.start.step) checkpoint();
  } finally {
    optimizer.dispose();
  }
  return {
    step,
    stopped,
    ...(last ? { evaluation: last } : {}),
    elapsed: elapsed(),
    trainLoss: smoothed,
  };
}
