/**
 * The experiment file format (docs/experiments-format.md): a JSON Schema, checked with
 * ajv when a file is loaded, and the TypeScript types of a valid file. The schema is the
 * one source of truth; `schema/experiment.schema.json` is generated from it (and a test
 * keeps the two equal) so that editors can validate files as they are written.
 */
import { type TaskName, TASKS } from "../../data/index.js";

/** `5-20`: an inclusive range of lengths. */
export const RANGE_PATTERN = "^\\s*\\d+\\s*-\\s*\\d+\\s*$";

export interface ModelEntry {
  /** The name in tables and plots. */
  label: string;
  /** `FILE[:MODEL]`, relative to the experiment file. */
  spec: string;
  /** Arguments for a model with parameters: `{ "h": 8 }` is `model(h = 8)`. */
  args?: Record<string, number | boolean | string>;
}

export interface TrainConfig {
  seed: number;
  steps: number;
  batchSize?: number;
  lr?: number;
  optimizer?: "adam" | "sgd";
  schedule?: "constant" | "inverse_sqrt" | "linear" | "cosine";
  warmup?: number;
  labelSmoothing?: number;
  clipNorm?: number;
  /** Every dropout layer's rate while training (as `train { dropout }`); default the specs' own. */
  dropout?: number;
  /** Steps between the evaluations of the accuracy-by-step curve. */
  evalEvery: number;
  /** Validation pairs per curve evaluation. */
  evalSize?: number;
}

export type Reading =
  | { kind: "longest-bucket"; baseline: string; margin?: number }
  | { kind: "compare"; groups: { label: string; models: string[] }[] };

export type PlotKind = "accuracy-by-length" | "accuracy-by-step" | "final-accuracy";

/**
 * The heading and introduction of the whole report, as the author writes them. Without
 * one the report is headed by the experiment's title (one file) or "Experiments" (several)
 * and introduced by a neutral line naming the files (report.ts).
 */
export interface ReportHead {
  title: string;
  /** Markdown, the report's first paragraph. */
  intro?: string;
}

export interface ExperimentFile {
  title: string;
  /** Markdown: what the paper claims and how this experiment tests it. */
  about?: string;
  /** The report's heading and introduction when this is the first file of the run that has one. */
  report?: ReportHead;
  task: { name: TaskName; lengths?: string; symbols?: number };
  train: TrainConfig;
  models: ModelEntry[];
  evaluation: { buckets: string[]; pairs?: number; threshold?: number };
  plots: PlotKind[];
  reading?: Reading;
}

const label = { type: "string", pattern: "^[A-Za-z0-9_.+-]+$", maxLength: 40 } as const;
const positiveInt = { type: "integer", minimum: 1 } as const;

export const EXPERIMENT_SCHEMA = {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  $id: "https://s2sc.dev/schema/experiment.schema.json",
  title: "s2sc experiment",
  type: "object",
  additionalProperties: false,
  required: ["title", "task", "train", "models", "evaluation", "plots"],
  properties: {
    $schema: { type: "string" },
    title: { type: "string", minLength: 1 },
    about: { type: "string" },
    report: {
      type: "object",
      additionalProperties: false,
      required: ["title"],
      properties: { title: { type: "string", minLength: 1 }, intro: { type: "string" } },
    },
    task: {
      type: "object",
      additionalProperties: false,
      required: ["name"],
      properties: {
        name: { enum: [...TASKS] },
        lengths: { type: "string", pattern: RANGE_PATTERN },
        symbols: { type: "integer", minimum: 2, maximum: 62 },
      },
    },
    train: {
      type: "object",
      additionalProperties: false,
      required: ["seed", "steps", "evalEvery"],
      properties: {
        seed: { type: "integer", minimum: 0 },
        steps: positiveInt,
        batchSize: positiveInt,
        lr: { type: "number", exclusiveMinimum: 0 },
        optimizer: { enum: ["adam", "sgd"] },
        schedule: { enum: ["constant", "inverse_sqrt", "linear", "cosine"] },
        warmup: { type: "integer", minimum: 0 },
        labelSmoothing: { type: "number", minimum: 0, exclusiveMaximum: 1 },
        clipNorm: { type: "number", minimum: 0 },
        dropout: { type: "number", minimum: 0, exclusiveMaximum: 1 },
        evalEvery: positiveInt,
        evalSize: positiveInt,
      },
    },
    models: {
      type: "array",
      minItems: 1,
      items: {
        type: "object",
        additionalProperties: false,
        required: ["label", "spec"],
        properties: {
          label,
          spec: { type: "string", minLength: 1 },
          args: {
            type: "object",
            propertyNames: { pattern: "^[A-Za-z_][A-Za-z0-9_]*$" },
            additionalProperties: {
              anyOf: [{ type: "number" }, { type: "boolean" }, { type: "string" }],
            },
          },
        },
      },
    },
    evaluation: {
      type: "object",
      additionalProperties: false,
      required: ["buckets"],
      properties: {
        buckets: {
          type: "array",
          minItems: 1,
          items: { type: "string", pattern: RANGE_PATTERN },
        },
        pairs: { type: "integer", minimum: 1, maximum: 500 },
        threshold: { type: "number", exclusiveMinimum: 0, maximum: 1 },
      },
    },
    plots: {
      type: "array",
      items: { enum: ["accuracy-by-length", "accuracy-by-step", "final-accuracy"] },
      uniqueItems: true,
    },
    // A discriminator (ajv's `discriminator` option) reports the errors of the branch that
    // `kind` names instead of every branch's.
    reading: {
      type: "object",
      discriminator: { propertyName: "kind" },
      required: ["kind"],
      properties: { kind: { enum: ["longest-bucket", "compare"] } },
      oneOf: [
        {
          type: "object",
          additionalProperties: false,
          required: ["kind", "baseline"],
          properties: {
            kind: { const: "longest-bucket" },
            baseline: label,
            margin: { type: "number", minimum: 0, maximum: 1 },
          },
        },
        {
          type: "object",
          additionalProperties: false,
          required: ["kind", "groups"],
          properties: {
            kind: { const: "compare" },
            groups: {
              type: "array",
              minItems: 1,
              items: {
                type: "object",
                additionalProperties: false,
                required: ["label", "models"],
                properties: {
                  label: { type: "string", minLength: 1 },
                  models: { type: "array", minItems: 2, items: label },
                },
              },
            },
          },
        },
      ],
    },
  },
} as const;
