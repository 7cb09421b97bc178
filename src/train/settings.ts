/**
 * The training settings: the spec's `train { }` section (check/schema.ts) with the
 * command-line flags on top, and the learning-rate schedule.
 */
import type { CheckedModel, ResolvedSection, Value } from "../check/model.js";

export interface TrainSettings {
  optimizer: "adam" | "sgd";
  lr: number;
  schedule: "constant" | "inverse_sqrt";
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

/** Whether the model shares one embedding table between source and target. */
export function sharesEmbeddings(m: CheckedModel): boolean {
  const v = m.root.settings["share_embeddings"]?.value;
  return v?.type === "bool" && v.value;
}

/**
 * The learning rate of optimiser step `step` (1-based): linear warm-up from 0 to `lr`
 * over `warmup` steps, then `lr` (constant) or lr·√(warmup/step) (inverse_sqrt).
 */
export function learningRate(
  s: Pick<TrainSettings, "lr" | "schedule" | "warmup">,
  step: number,
): number {
  if (s.warmup > 0 && step <= s.warmup) return (s.lr * step) / s.warmup;
  if (s.schedule === "inverse_sqrt") return s.lr * Math.sqrt(Math.max(s.warmup, 1) / step);
  return s.lr;
}
