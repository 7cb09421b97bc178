/**
 * What the peers and the s2sc side share: a batch of token ids as padded tensors, with
 * the same teacher forcing as s2sc (the decoder reads `<bos> y₁ … yₙ` and predicts
 * `y₁ … yₙ <eos>`; src/runtime/loss.ts), and the interface each peer
 * offers the benchmark groups.
 */
import * as tf from "@tensorflow/tfjs";

/** A batch as src/data produces it: targets without <bos> and <eos>. */
export interface IdBatch {
  src: number[][];
  tgt: number[][];
}

export interface Specials {
  pad: number;
  bos: number;
  eos: number;
}

/** Pads id lists with `pad` into an int32 [B, L] tensor (L at least 1). */
export function padIds(seqs: readonly (readonly number[])[], pad: number): tf.Tensor2D {
  const L = Math.max(1, ...seqs.map((s) => s.length));
  const data = new Int32Array(seqs.length * L).fill(pad);
  seqs.forEach((s, b) => data.set(s, b * L));
  return tf.tensor2d(data, [seqs.length, L], "int32");
}

/** Decoder input `<bos> y` and expected output `y <eos>`, both [B, T] int32, padded. */
export function forcing(
  tgt: readonly (readonly number[])[],
  s: Specials,
): { input: tf.Tensor2D; output: tf.Tensor2D } {
  return {
    input: padIds(
      tgt.map((t) => [s.bos, ...t]),
      s.pad,
    ),
    output: padIds(
      tgt.map((t) => [...t, s.eos]),
      s.pad,
    ),
  };
}

/**
 * The argmax of one row of scores, never `<pad>` or `<bos>` (as s2sc's greedy); with
 * `fixed`, never `<eos>` either, so that every row runs to the limit (benchmarks).
 */
export function bestToken(row: ArrayLike<number>, s: Specials, fixed = false): number {
  let best = -1;
  for (let v = 0; v < row.length; v++) {
    if (v === s.pad || v === s.bos || (fixed && v === s.eos)) continue;
    if (best < 0 || row[v]! > row[best]!) best = v;
  }
  return best;
}

/** A hand-written model the benchmarks compare s2sc with. */
export interface Peer {
  readonly name: string;
  /** Trainable parameters (tfjs's count: every trainable weight once). */
  countParams(): number;
  /** One optimiser step (Adam) on a batch; resolves to the loss before the step. */
  trainStep(batch: IdBatch): Promise<number>;
  /** Teacher-forced forward pass: scores [B, T, V] (caller disposes). */
  forward(batch: IdBatch): tf.Tensor;
  /**
   * Greedy decoding, at most `maxLength` output tokens per row (without <eos>); with
   * `fixed`, <eos> is never chosen and every row gets exactly `maxLength` tokens, so
   * untrained models do the same work on both sides of a comparison.
   */
  greedy(src: number[][], maxLength: number, fixed?: boolean): Promise<number[][]>;
  dispose(): void;
}
