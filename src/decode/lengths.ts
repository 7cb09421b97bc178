/**
 * How long a source and a target may be for a model with fixed position tables
 * (`max_length` rows; sinusoidal tables without `max_length` have 1024). Every backend
 * looks position p up in row p, so a longer input would read past the table: the
 * interpreter, tfjs and ONNX Runtime each fail there in their own words. Callers check
 * here first and report one message, the same on every backend.
 *
 * Positions used: a token's position is the number of real tokens before it, and
 * padding takes none (docs/numerics.md), so only tokens other than <pad> count. A source
 * of n tokens reads rows 0..n−1 (no <eos> is added), so n ≤ max_length. The decoder
 * reads <bos> then the target, so a target of n tokens reads rows 0..n (the last one
 * predicts <eos>), so n ≤ max_length − 1. Models without a position table (recurrent
 * ones) have no limit.
 */

/** What a model's config says about positions (the IR's `ModelConfig`, or the tfjs CONFIG). */
export interface PositionConfig {
  maxLength?: number | null;
  /** The <pad> id, which takes no position (default 0, as every s2sc model has it). */
  specials?: { pad: number };
}

export interface LengthLimits {
  /** Rows of the (smallest) position table. */
  positions: number;
  /** Source tokens at most. */
  source: number;
  /** Target tokens at most, without <bos> and <eos> (the decoder reads <bos> first). */
  target: number;
}

/** A source or target longer than the model's position table (a user's input, not a bug). */
export class InputLengthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "InputLengthError";
  }
}

/** The limits of a model, or undefined when it has no position table. */
export function lengthLimits(config: PositionConfig): LengthLimits | undefined {
  const p = config.maxLength;
  if (p === undefined || p === null) return undefined;
  return { positions: p, source: p, target: p - 1 };
}

const RAISE = "raise `max_length` in the spec";

/** Why a source of `length` tokens does not fit, or undefined when it does. */
export function sourceLengthProblem(config: PositionConfig, length: number): string | undefined {
  const l = lengthLimits(config);
  if (l === undefined || length <= l.source) return undefined;
  return `the source has ${length} tokens, but the model reads at most ${l.source} (its position table has ${l.positions} rows: ${RAISE})`;
}

/** Why a target of `length` tokens (without <bos>/<eos>) does not fit, or undefined when it does. */
export function targetLengthProblem(config: PositionConfig, length: number): string | undefined {
  const l = lengthLimits(config);
  if (l === undefined || length <= l.target) return undefined;
  return `the target has ${length} tokens, but the model reads at most ${l.target} (the decoder reads <bos> first and its position table has ${l.positions} rows: ${RAISE})`;
}

/** Rows of token ids to check: sources, targets (without <bos>/<eos>) or decoder inputs (with <bos>). */
export interface InputRows {
  src?: readonly (readonly number[])[];
  tgt?: readonly (readonly number[])[];
  tgtIn?: readonly (readonly number[])[];
}

/** Tokens of a row that take a position: all but <pad>. */
const counted = (config: PositionConfig, row: readonly number[]) => {
  const pad = config.specials?.pad ?? 0;
  return row.reduce((n, id) => (id === pad ? n : n + 1), 0);
};

/** Why the first row that does not fit does not, or undefined when all fit. */
export function inputLengthProblem(config: PositionConfig, rows: InputRows): string | undefined {
  if (lengthLimits(config) === undefined) return undefined;
  const problems = [
    ...(rows.src ?? []).map((s) => sourceLengthProblem(config, counted(config, s))),
    ...(rows.tgt ?? []).map((t) => targetLengthProblem(config, counted(config, t))),
    ...(rows.tgtIn ?? []).map((t) =>
      targetLengthProblem(config, Math.max(0, counted(config, t) - 1)),
    ),
  ];
  return problems.find((p) => p !== undefined);
}

/** Throws InputLengthError for the first row that does not fit. */
export function assertInputLengths(config: PositionConfig, rows: InputRows): void {
  const problem = inputLengthProblem(config, rows);
  if (problem !== undefined) throw new InputLengthError(problem);
}
