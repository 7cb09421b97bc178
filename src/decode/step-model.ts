/**
 * What decoding needs from a backend: encode a batch of sources, run decode_step for
 * every row at once, and reorder or repeat rows (for beam search). The interpreter and
 * tfjs both provide it (interp.ts, tfjs.ts), so search.ts is written once.
 */
export interface StepModel<S> {
  specials: { pad: number; bos: number; eos: number };
  /** The target vocabulary size V (the width of a logits row). */
  vocab: number;
  /** Positions the model can decode (fixed position tables), if limited. */
  maxPositions?: number;
  /** Encodes `src` (one row each) and returns the decoder's initial state. */
  start(src: number[][]): Promise<S>;
  /** decode_step for every row: logits [B·V] row-major, and the next state. */
  step(
    state: S,
    tokens: readonly number[],
    pos: number,
  ): Promise<{ logits: Float32Array; state: S }>;
  /** A state of the rows `rows` of `state` (in that order; rows may repeat). */
  select(state: S, rows: readonly number[]): S;
  /** Releases what a state holds (tfjs tensors); a no-op for the interpreter. */
  release(state: S): void;
  /** Teacher-forced logits [B·T·V] for `tgtIn` (each starting with <bos>), for tests and scoring. */
  teacherForced?(src: number[][], tgtIn: number[][]): Promise<{ logits: Float32Array; T: number }>;
}
