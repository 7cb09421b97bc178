/**
 * What a training checkpoint holds, as data: a session hands one to its checkpoint hook
 * at every evaluation and when it stops, and resumes from one. Reading and writing the
 * file is the node layer's (src/node/checkpoint.ts).
 */
import type { DataPosition, DataSource, Tokenizer, Vocabulary } from "../data/index.js";
import type { TrainSettings } from "./settings.js";

export interface StoredTensor {
  dims: number[];
  data: Float32Array;
}

export interface AdamState {
  /** Steps the optimiser has taken (bias correction). */
  t: number;
  m: Map<string, StoredTensor>;
  v: Map<string, StoredTensor>;
}

export interface Checkpoint {
  model: string;
  step: number;
  position: DataPosition;
  seed: number;
  settings: TrainSettings;
  data: DataSource;
  tokenizer: Tokenizer;
  srcVocab: Vocabulary;
  tgtVocab: Vocabulary;
  weights: Map<string, StoredTensor>;
  optimizer: AdamState;
  /** The last evaluation, for `translate` and the record. */
  metrics?: Record<string, number>;
  /** Seconds of training so far (across resumes). */
  elapsed: number;
}
