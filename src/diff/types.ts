/**
 * The result of `s2sc diff`: what changed between two resolved architectures. These
 * types are the `--json` structure (schema/diff.schema.json, documented in docs/diff.md),
 * so everything here is plain JSON data and a change to it is a change to a contract:
 * add keys freely, never change what an existing key means.
 *
 * "Before" is the first model on the command line, "after" the second.
 */
import type { Value } from "../check/index.js";
import type { Dim, EntryPoint } from "../ir/index.js";

/** Bumped only when an existing key changes meaning or disappears. */
export const DIFF_FORMAT_VERSION = 1;

export interface ModelRef {
  file: string;
  model: string;
}

/** A number on both sides. `relative` is delta / before (0.25 = +25%); null when before is 0. */
export interface Delta {
  before: number;
  after: number;
  delta: number;
  relative: number | null;
}

export type JsonValue = number | boolean | string | JsonValue[];

/** A resolved setting value, with where it came from (check/model.ts `ResolvedSetting`). */
export interface SettingValue {
  type: Value["type"];
  value: JsonValue;
  /** The value in source syntax: `512`, `0.1`, `relu`, `"x"`, `[0.9, 0.98]`. */
  text: string;
  origin: "spec" | "inherited" | "default";
}

/**
 * One setting whose resolved value differs. `path` is a section (`model`, `source`,
 * `encoder`, `output`, `train`, ...) or a layer (`decoder/layer3/cross_attention`) of
 * the after model; `beforePath` is set when the layer has another number before.
 * A side is null when the field is absent there (an optional field nobody wrote, or a
 * section only one model has).
 */
export interface SettingChange {
  path: string;
  beforePath?: string;
  field: string;
  before: SettingValue | null;
  after: SettingValue | null;
}

/** A row of the layer table (as `s2sc summary` shows it). */
export interface LayerRow {
  path: string;
  kind: string;
  outputShape: Dim[];
  params: number;
  /** Encode MACs per source token plus teacher-forced decode MACs per target token. */
  macsPerToken: number;
}

/** A parameter tensor of a layer, named relative to the layer (`score_proj/weight`). */
export interface TensorChange {
  name: string;
  status: "added" | "removed" | "reshaped";
  before: number[] | null;
  after: number[] | null;
  /** Elements of the tensor on each side (0 where absent). */
  params: Delta;
}

export type LayerAspect =
  "kind" | "variant" | "settings" | "outputShape" | "params" | "macs" | "tensors";

export interface LayerChange {
  status: "added" | "removed" | "changed";
  /** The after path (the before path for a removed layer). */
  path: string;
  before: LayerRow | null;
  after: LayerRow | null;
  /** What differs, for `changed` (the setting details are in `ModelDiff.settings`). */
  changed: LayerAspect[];
  /** The section's variant word on each side (`dot`, `general`), when it differs. */
  variant?: { before: string | null; after: string | null };
  tensors: TensorChange[];
  params: Delta;
  macsPerToken: Delta;
}

/** Layer numbers that moved because a layer was inserted or removed before them. */
export interface Renumbering {
  before: string;
  after: string;
}

export interface ParamsDiff {
  /** Trainable parameters (a tied tensor counts once), as `summary`'s `params.total`. */
  total: Delta;
  /** Fixed tables (sinusoidal positions): stored, not trained. */
  buffers: Delta;
  weightBytes: Delta;
  /** Trainable parameters per top-level section (`embedding`, `encoder`, `decoder`, `output`, ...). */
  bySection: Record<string, Delta>;
}

export interface TokenFigures {
  perSourceToken: Delta;
  perTargetToken: Delta;
  perGeneratedToken: Delta;
}

export interface TokenFiguresBySection extends TokenFigures {
  /** encode(S = L) + decode(S = L, T = L): one training example's forward pass (totals only). */
  perSequencePair: Delta;
  bySection: Record<string, TokenFigures>;
}

/** Compute at batch 1 and reference length L, defined as in `s2sc summary`. */
export interface ComputeDiff {
  batch: 1;
  referenceLength: number;
  /** What is counted (the same sentence `summary` prints). */
  counted: string;
  macs: TokenFiguresBySection;
  /** 2 × MACs. */
  flops: TokenFiguresBySection;
}

export interface GraphOpsDiff {
  /** Nodes, Scan bodies included. */
  nodes: Delta;
  /** Node count per op kind (every kind present on either side). */
  ops: Record<string, Delta>;
  /** The subset of `ops` that are fused ops of our own (op domain `s2s`). */
  fused: Record<string, Delta>;
}

/** Op counts of one layer (or other node path) in one entry point, where they differ. */
export interface PathOpsChange {
  status: "added" | "removed" | "changed";
  graph: EntryPoint;
  path: string;
  beforePath?: string;
  ops: Record<string, Delta>;
}

export interface IrDiff {
  /** The passes both modules went through before comparing; empty: as elaborated. */
  passes: string[];
  graphs: Record<EntryPoint, GraphOpsDiff>;
  paths: PathOpsChange[];
}

export interface ModelDiff {
  version: typeof DIFF_FORMAT_VERSION;
  /** True when nothing below differs (exit 0). */
  equal: boolean;
  before: ModelRef;
  after: ModelRef;
  settings: SettingChange[];
  layers: LayerChange[];
  renumbered: Renumbering[];
  /** Numbered layers of the encoder and decoder (stack iterations and single layers). */
  depth: { encoder: Delta; decoder: Delta };
  params: ParamsDiff;
  compute: ComputeDiff;
  /** Present with `--ir`. */
  ir?: IrDiff;
}
