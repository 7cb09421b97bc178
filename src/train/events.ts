/**
 * What a training session reports while it trains, as data: one StepInfo per optimiser
 * step and one EvalInfo per evaluation. The session never prints; the CLI turns these
 * into a progress bar or JSON lines (src/cli/train-progress.ts), an experiment into its
 * accuracy-by-step curve.
 */
import type { Evaluation } from "../runtime/index.js";

export interface StepInfo {
  step: number;
  steps: number;
  /** Smoothed training loss. */
  loss: number;
  lr: number;
  tokensPerSecond: number;
  /** Seconds to go at the current speed. */
  eta: number;
}

export interface EvalInfo extends StepInfo {
  evaluation: Evaluation;
  elapsed: number;
  /** Whether the checkpoint was saved after this evaluation. */
  saved: boolean;
}

/** Where a session's events go; either callback may do nothing. */
export interface Progress {
  step(info: StepInfo): void;
  evaluation(info: EvalInfo): void;
}
