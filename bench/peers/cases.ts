/**
 * The two comparisons of the peers and training groups: a spec, the hand-written peer
 * of the same architecture, and the data both train on (src/data's generators and
 * vocabularies, so both sides see identical batches).
 */
import { initWeights } from "../../src/backends/interp/weights.js";
import { taskDataset, type Dataset } from "../../src/data/dataset.js";
import type { TaskName } from "../../src/data/tasks.js";
import type { Peer } from "./batch.js";
import { DatesLayersPeer } from "./dates-layers.js";
import { compileSpec, type CompiledSpec } from "./s2sc-side.js";
import { TINY, TransformerOpsPeer } from "./transformer-ops.js";

export interface PeerCase {
  /** Row label: the spec's model. */
  model: string;
  /** What the peer is, in words (for the report). */
  peer: string;
  spec: string;
  task: TaskName;
  shared: boolean;
  /** Training batch per backend (tfjs-cpu is ~10× slower, so it gets smaller batches). */
  batch: { wasm: number; cpu: number };
  /** Tokens per row for the decode rows. */
  decodeSteps: number;
  /** The peer, with the s2sc model's initial weights (same start, same decode work). */
  makePeer(spec: CompiledSpec, seed: number): Peer;
}

const SPECIALS = { pad: 0, bos: 1, eos: 2 };

export const CASES: readonly PeerCase[] = [
  {
    model: "dates_peer",
    peer: "tf.layers (date-conversion example)",
    spec: "bench/specs/dates_peer.s2s",
    task: "dates",
    shared: false,
    batch: { wasm: 64, cpu: 16 },
    decodeSteps: 11,
    makePeer(spec, seed) {
      const c = spec.module.config;
      const shape = (name: string) => spec.module.params.find((q) => q.name === name)?.shape ?? [];
      const p = new DatesLayersPeer(
        {
          srcVocab: c.sourceVocab,
          tgtVocab: c.targetVocab,
          embed: shape("source/embedding/weight")[1]!,
          hidden: shape("encoder/layer0/lstm/R")[2]!,
          lr: 0.001,
          initialize: false,
        },
        SPECIALS,
      );
      p.loadS2sWeights(initWeights(spec.module, seed));
      return p;
    },
  },
  {
    model: "transformer_tiny",
    peer: "tf ops (hand-written Transformer)",
    spec: "specs/tiny/transformer_tiny.s2s",
    task: "reverse",
    shared: true,
    batch: { wasm: 32, cpu: 8 },
    decodeSteps: 20,
    makePeer(spec, seed) {
      const p = new TransformerOpsPeer({ ...TINY, seed }, SPECIALS);
      p.loadS2sWeights(initWeights(spec.module, seed));
      return p;
    },
  },
];

export function caseData(c: PeerCase, spec: CompiledSpec, batchSize: number, seed = 0): Dataset {
  return taskDataset(
    c.task,
    {},
    {
      seed,
      batchSize,
      shared: c.shared,
      modelVocab: { src: spec.module.config.sourceVocab, tgt: spec.module.config.targetVocab },
    },
  );
}

/** Tokens a training step processes, counted as src/train/loop.ts counts them. */
export function batchTokens(b: { src: number[][]; tgt: number[][] }): number {
  return b.src.reduce((a, s) => a + s.length, 0) + b.tgt.reduce((a, t) => a + t.length + 1, 0);
}

/** The parameter-count check every comparison starts with. */
export function assertSameParams(c: PeerCase, spec: CompiledSpec, peer: Peer): void {
  if (peer.countParams() !== spec.params)
    throw new Error(
      `${c.model}: the peer has ${peer.countParams()} parameters, the spec ${spec.params}; they must be the same architecture`,
    );
}
