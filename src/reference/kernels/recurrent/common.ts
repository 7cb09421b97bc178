/**
 * What LSTM, GRU and RNN share: reading X/W/R/B/sequence_lens/initial states in either
 * layout, the per-direction input projection, and writing Y / Y_h / Y_c.
 *
 * Semantics (ONNX, opset 14+):
 * - layout 0: X [seq, batch, in], Y [seq, dirs, batch, H], states [dirs, batch, H];
 *   layout 1: X [batch, seq, in], Y [batch, seq, dirs, H], states [batch, dirs, H].
 *   W, R, B and P do not depend on the layout.
 * - direction forward / reverse / bidirectional; direction index 0 runs forward and 1
 *   reverse.
 * - sequence_lens[b] = L: batch entry b has L valid steps. Forward runs t = 0 … L−1,
 *   reverse runs t = L−1 … 0; Y is zero at t ≥ L, and the final state is the state
 *   after the last valid step, so it stops changing ("is frozen") after L steps. With
 *   L = 0 the final state is the initial state.
 * - B = [Wb, Rb] per direction, both added.
 */
import type { AttrValue, Tensor } from "../../tensor.js";
import { zeros } from "../../tensor.js";
import type { PackedB } from "../../matmul.js";
import { matmulF32, packB } from "../../matmul.js";
import { floatAttr, input, intAttr, numbersAttr, stringAttr, stringsAttr } from "../attrs.js";
import type { Activation } from "./activations.js";
import { activationsFor } from "./activations.js";

export interface Recurrence {
  op: string;
  seqLen: number;
  batch: number;
  inputSize: number;
  hidden: number;
  /** Gate blocks stacked in W and R: LSTM 4, GRU 3, RNN 1. */
  gates: number;
  dirs: number;
  /** Per direction: does it run backwards in time? */
  reverse: boolean[];
  layout: number;
  x: Float32Array;
  w: Float32Array;
  r: Float32Array;
  b: Float32Array | undefined;
  /** Valid steps per batch entry. */
  lens: Int32Array;
  maxLen: number;
  /** Pre-activations are clipped to [−clip, clip]; Infinity when the attribute is absent. */
  clip: number;
  /** Per direction, the op's activation functions in ONNX order (f, g[, h]). */
  acts: Activation[][];
}

type Inputs = readonly (Tensor | undefined)[];
type Attrs = Readonly<Record<string, AttrValue>>;

function float32(op: string, t: Tensor, what: string): Float32Array {
  if (t.dtype !== "float32") throw new Error(`${op}: ${what} must be float32`);
  return t.data as Float32Array;
}

export function readRecurrence(
  op: string,
  inputs: Inputs,
  attrs: Attrs,
  gates: number,
  defaultActs: readonly string[],
): Recurrence {
  const x = input(op, inputs, 0);
  const w = input(op, inputs, 1);
  const r = input(op, inputs, 2);
  const layout = intAttr(op, attrs, "layout", 0);
  if (layout !== 0 && layout !== 1) throw new Error(`${op}: layout must be 0 or 1`);
  if (x.dims.length !== 3) throw new Error(`${op}: X must be 3-D`);
  const [seqLen, batch] = layout === 0 ? [x.dims[0]!, x.dims[1]!] : [x.dims[1]!, x.dims[0]!];
  const inputSize = x.dims[2]!;
  const direction = stringAttr(op, attrs, "direction", "forward");
  const reverse =
    direction === "forward"
      ? [false]
      : direction === "reverse"
        ? [true]
        : direction === "bidirectional"
          ? [false, true]
          : undefined;
  if (reverse === undefined) throw new Error(`${op}: unknown direction ${direction}`);
  const dirs = reverse.length;
  const hidden = intAttr(op, attrs, "hidden_size", r.dims[2] ?? 0);
  const expect = (t: Tensor, dims: number[], what: string): void => {
    if (t.dims.length !== dims.length || t.dims.some((d, i) => d !== dims[i])) {
      throw new Error(`${op}: ${what} is [${t.dims.join(",")}], expected [${dims.join(",")}]`);
    }
  };
  expect(w, [dirs, gates * hidden, inputSize], "W");
  expect(r, [dirs, gates * hidden, hidden], "R");
  const b = inputs[3];
  if (b !== undefined) expect(b, [dirs, 2 * gates * hidden], "B");

  const lens = new Int32Array(batch).fill(seqLen);
  const sl = inputs[4];
  if (sl !== undefined) {
    expect(sl, [batch], "sequence_lens");
    for (let i = 0; i < batch; i++) {
      const v = sl.data[i]!;
      if (v < 0 || v > seqLen)
        throw new Error(`${op}: sequence_lens[${i}] = ${v} is outside [0, ${seqLen}]`);
      lens[i] = v;
    }
  }
  const clipAttr = floatAttr(op, attrs, "clip", Infinity);
  return {
    op,
    seqLen,
    batch,
    inputSize,
    hidden,
    gates,
    dirs,
    reverse,
    layout,
    x: float32(op, x, "X"),
    w: float32(op, w, "W"),
    r: float32(op, r, "R"),
    b: b === undefined ? undefined : float32(op, b, "B"),
    lens,
    maxLen: lens.reduce((m, v) => Math.max(m, v), 0),
    clip: clipAttr,
    acts: activationsFor(
      op,
      stringsAttr(op, attrs, "activations"),
      numbersAttr(op, attrs, "activation_alpha") ?? [],
      numbersAttr(op, attrs, "activation_beta") ?? [],
      defaultActs,
      dirs,
    ),
  };
}

/** Clips a pre-activation to [−clip, clip] (identity when clip is Infinity). */
export function clipTo(v: number, clip: number): number {
  return v > clip ? clip : v < -clip ? -clip : v;
}

/** The time index batch entry `b` processes at step `t` of direction `d`, or −1 when it has finished. */
export function timeIndex(rec: Recurrence, d: number, t: number, b: number): number {
  const len = rec.lens[b]!;
  if (t >= len) return -1;
  return rec.reverse[d] ? len - 1 - t : t;
}

/** Direction d's Wb (which = 0) or Rb (which = 1), G·H values; zeros without B. */
export function biasOf(rec: Recurrence, d: number, which: 0 | 1): Float64Array {
  const n = rec.gates * rec.hidden;
  const out = new Float64Array(n);
  if (rec.b !== undefined) for (let i = 0; i < n; i++) out[i] = rec.b[d * 2 * n + which * n + i]!;
  return out;
}

/**
 * X·W[d]ᵀ + bias for every time step at once, one large matmul instead of one per
 * step. Rows are in X's own order; `rowOf` maps (t, b) to a row.
 */
export function inputProjection(rec: Recurrence, d: number, bias: ArrayLike<number>): Float32Array {
  const n = rec.gates * rec.hidden;
  const rows = rec.seqLen * rec.batch;
  const xw = matmulF32(
    { data: rec.x },
    { data: rec.w, offset: d * n * rec.inputSize, transposed: true },
    rows,
    n,
    rec.inputSize,
  );
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < n; j++) xw[i * n + j] = xw[i * n + j]! + bias[j]!;
  }
  return xw;
}

/** Row of the input projection (X's layout) holding time t of batch entry b. */
export function rowOf(rec: Recurrence, t: number, b: number): number {
  return rec.layout === 0 ? t * rec.batch + b : b * rec.seqLen + t;
}

/**
 * Gate rows [first, first + count) of R[d], packed as the right operand of H·Rᵀ
 * (K = H, N = count·H). Packed once per direction and reused at every step.
 */
export function recurrentWeights(
  rec: Recurrence,
  d: number,
  first: number,
  count: number,
): PackedB {
  const h = rec.hidden;
  return packB(
    { data: rec.r, offset: (d * rec.gates + first) * h * h, transposed: true },
    h,
    count * h,
  );
}

/** Direction d's initial state [batch, H] from an optional input in the op's layout (zeros when absent). */
export function initialState(
  rec: Recurrence,
  t: Tensor | undefined,
  d: number,
  what: string,
): Float32Array {
  const { batch, hidden, dirs } = rec;
  const out = new Float32Array(batch * hidden);
  if (t === undefined) return out;
  const dims = rec.layout === 0 ? [dirs, batch, hidden] : [batch, dirs, hidden];
  if (t.dims.length !== 3 || t.dims.some((v, i) => v !== dims[i])) {
    throw new Error(`${rec.op}: ${what} is [${t.dims.join(",")}], expected [${dims.join(",")}]`);
  }
  for (let b = 0; b < batch; b++) {
    const from = rec.layout === 0 ? (d * batch + b) * hidden : (b * dirs + d) * hidden;
    for (let j = 0; j < hidden; j++) out[b * hidden + j] = t.data[from + j]!;
  }
  return out;
}

/** Collects Y and the final states in the op's layout. */
export class RecurrentOutputs {
  readonly y: Tensor;
  private readonly finals: Tensor[];

  constructor(
    private readonly rec: Recurrence,
    states: number,
  ) {
    const { seqLen, batch, dirs, hidden } = rec;
    this.y = zeros(
      "float32",
      rec.layout === 0 ? [seqLen, dirs, batch, hidden] : [batch, seqLen, dirs, hidden],
    );
    const stateDims = rec.layout === 0 ? [dirs, batch, hidden] : [batch, dirs, hidden];
    this.finals = Array.from({ length: states }, () => zeros("float32", stateDims));
  }

  /** Y at time t, direction d, batch entry b ← h[b·H … b·H + H). */
  setY(t: number, d: number, b: number, h: Float32Array): void {
    const { seqLen, batch, dirs, hidden } = this.rec;
    const at =
      this.rec.layout === 0
        ? ((t * dirs + d) * batch + b) * hidden
        : ((b * seqLen + t) * dirs + d) * hidden;
    this.y.data.set(h.subarray(b * hidden, (b + 1) * hidden), at);
  }

  /** Final state number `k` (Y_h, Y_c) of direction d ← state [batch, H]. */
  setFinal(k: number, d: number, state: Float32Array): void {
    const { batch, dirs, hidden } = this.rec;
    const out = this.finals[k]!;
    for (let b = 0; b < batch; b++) {
      const at = this.rec.layout === 0 ? (d * batch + b) * hidden : (b * dirs + d) * hidden;
      out.data.set(state.subarray(b * hidden, (b + 1) * hidden), at);
    }
  }

  /** [Y, final states…]. */
  result(): Tensor[] {
    return [this.y, ...this.finals];
  }
}
