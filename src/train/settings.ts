/**
 * The training settings: the spec's `train { }` section (check/schema.ts) with the
 * command-line flags on top, and the learning-rate schedule.
 */
import type { CheckedModel, ResolvedSection, Value } from "../check/index.js";
import { problem, type TrainProblem } from "./problem.js";

/**
 * What the learning rate does after warm-up. `linear` and `cosine` anneal it to 0 at the
 * last step: at a rate that stays high (`constant`, or `inverse_sqrt`'s slow decay) a
 * well-trained model keeps spiking out of its minimum and recovering, so the final
 * weights are wherever the last step lands on that sawtooth (docs/training.md).
 * The checker's schema (check/schema.ts) decides which of these a spec may name.
 */
export type Schedule = "constant" | "inverse_sqrt" | "linear" | "cosine";

export interface TrainSettings {
  optimizer: "adam" | "sgd";
  lr: number;
  schedule: Schedule;
  warmup: number;
  labelSmoothing: number;
  batchSize: number;
  steps: number;
  /** Every dropout layer's rate while training; undefined: the spec's own rates. */
  dropout?: number;
  clipNorm: number;
  betas: [number, number];
}

export const DEFAULT_SETTINGS: TrainSettings = {
  optimizer: "adam",
  lr: 0.001,
  schedule: "constant",
  warmup: 0,
  labelSmoothing: 0,
  batchSize: 32,
  steps: 1000,
  clipNorm: 0,
  betas: [0.9, 0.999],
};

function num(v: Value | undefined): number | undefined {
  return v !== undefined && (v.type === "int" || v.type === "float") ? v.value : undefined;
}

function word(v: Value | undefined): string | undefined {
  return v !== undefined && v.type === "enum" ? v.value : undefined;
}

/** The `train` section of a checked model, or undefined. */
export function trainSection(m: CheckedModel): ResolvedSection | undefined {
  return m.root.children.find(
    (c): c is ResolvedSection => c.kind === "section" && c.head === "train",
  );
}

/** The spec's training settings (schema defaults for anything not written). */
export function settingsFromSpec(m: CheckedModel): TrainSettings {
  const s = trainSection(m)?.settings ?? {};
  const get = (k: string) => s[k]?.value;
  const betas = get("betas");
  const b = betas?.type === "list" ? betas.items.map(num) : [];
  return {
    optimizer: (word(get("optimizer")) as TrainSettings["optimizer"]) ?? DEFAULT_SETTINGS.optimizer,
    lr: num(get("lr")) ?? DEFAULT_SETTINGS.lr,
    schedule: (word(get("schedule")) as TrainSettings["schedule"]) ?? DEFAULT_SETTINGS.schedule,
    warmup: num(get("warmup")) ?? DEFAULT_SETTINGS.warmup,
    labelSmoothing: num(get("label_smoothing")) ?? DEFAULT_SETTINGS.labelSmoothing,
    batchSize: num(get("batch_size")) ?? DEFAULT_SETTINGS.batchSize,
    steps: num(get("steps")) ?? DEFAULT_SETTINGS.steps,
    ...(num(get("dropout")) === undefined ? {} : { dropout: num(get("dropout"))! }),
    clipNorm: num(get("clip_norm")) ?? DEFAULT_SETTINGS.clipNorm,
    betas: [b[0] ?? DEFAULT_SETTINGS.betas[0], b[1] ?? DEFAULT_SETTINGS.betas[1]],
  };
}

/** Settings an option replaces one by one (`s2sc train`'s flags). */
export type SettingsOverrides = Partial<
  Pick<TrainSettings, "steps" | "batchSize" | "lr" | "dropout">
>;

/** `base` with `overrides` on top; a dropout rate outside [0, 1) is a usage problem. */
export function mergeSettings(
  base: TrainSettings,
  overrides: SettingsOverrides,
): TrainSettings | TrainProblem {
  const { dropout } = overrides;
  if (dropout !== undefined && !(dropout >= 0 && dropout < 1))
    return problem("usage", `--dropout: the rate must be in [0, 1), got ${dropout}`);
  const defined = Object.entries(overrides).filter(([, v]) => v !== undefined);
  return { ...base, ...Object.fromEntries(defined) };
}

/** Whether the model shares one embedding table between source and target. */
export function sharesEmbeddings(m: CheckedModel): boolean {
  const v = m.root.settings["share_embeddings"]?.value;
  return v?.type === "bool" && v.value;
}

/**
 * The learning rate of optimiser step `step` (1-based): linear warm-up from 0 to `lr`
 * over `warmup` steps, then `lr` (constant), lr·√(warmup/step) (inverse_sqrt), or a
 * decay from `lr` at the end of warm-up to 0 at step `steps`, along a straight line
 * (linear) or half a cosine (cosine); past `steps` they stay at 0 rather than go negative.
 */
export function learningRate(
  s: Pick<TrainSettings, "lr" | "schedule" | "warmup" | "steps">,
  step: number,
): number {
  if (s.warmup > 0 && step <= s.warmup) return (s.lr * step) / s.warmup;
  switch (s.schedule) {
    case "constant":
      return s.lr;
    case "inverse_sqrt":
      return s.lr * Math.sqrt(Math.max(s.warmup, 1) / step);
    case "linear":
    case "cosine": {
      // Progress through the decay: 0 where warm-up ends (so the rate is continuous
      // there), 1 at the last step.
      const span = s.steps - s.warmup;
      const p = span > 0 ? Math.min(1, Math.max(0, (step - s.warmup) / span)) : 1;
      return s.schedule === "linear" ? s.lr * (1 - p) : s.lr * 0.5 * (1 + Math.cos(Math.PI * p));
    }
  }
}
