/**
 * ONNX LSTM, GRU and RNN: a JavaScript loop over time steps with tf ops inside, so
 * gradients flow through every step (backpropagation through time). Semantics are those
 * of the interpreter's kernels (src/backends/interp/kernels/recurrent).
 */
import * as tf from "@tensorflow/tfjs";
import { gatherRows, mm, prepared, unstack } from "./tensor.js";

type Tensor = tf.Tensor;
type Activation = (t: Tensor) => Tensor;

/**
 * Reverses every sequence of x [batch, steps, ...] within its own length, as ONNX's
 * reverse direction reads it; positions past the length stay where they are. Without
 * lengths this is a plain reverse. The reversal is its own inverse.
 */
export function reverseSteps(x: Tensor, lengths: Tensor | undefined): Tensor {
  if (lengths === undefined) return tf.reverse(x, 1);
  const [batch, steps] = x.shape as [number, number];
  const t = tf.reshape(tf.range(0, steps, 1, "int32"), [1, steps]);
  const len = tf.reshape(lengths, [batch, 1]);
  const from = tf.where(
    tf.less(t, len),
    tf.sub(tf.sub(len, tf.scalar(1, "int32")), t),
    tf.broadcastTo(t, [batch, steps]),
  );
  const rowStart = tf.reshape(tf.mul(tf.range(0, batch, 1, "int32"), tf.scalar(steps, "int32")), [
    batch,
    1,
  ]);
  const rows = tf.reshape(tf.add(from, rowStart), [batch * steps]);
  const flat = tf.reshape(x, [batch * steps].concat(x.shape.slice(2)));
  return tf.reshape(gatherRows(flat, rows), x.shape);
}

/** ONNX's recurrent activation functions (default parameters), by lower-case name. */
const RECURRENT_ACTIVATIONS: Record<string, Activation> = {
  sigmoid: (t) => tf.sigmoid(t),
  tanh: (t) => tf.tanh(t),
  relu: (t) => tf.relu(t),
  hardsigmoid: (t) => tf.clipByValue(tf.add(tf.mul(t, 0.2), 0.5), 0, 1),
  affine: (t) => t,
  leakyrelu: (t) => tf.leakyRelu(t, 0.01),
  thresholdedrelu: (t) => tf.where(tf.greater(t, 1), t, tf.zerosLike(t)),
  scaledtanh: (t) => tf.tanh(t),
  elu: (t) => tf.elu(t),
  softsign: (t) => tf.div(t, tf.add(tf.abs(t), 1)),
  softplus: (t) => tf.softplus(t),
};

export type RecurrentKind = "LSTM" | "GRU" | "RNN";

/** Per direction, the op's activations (f, g[, h]) from the attribute or ONNX's defaults. */
export function recurrentActivations(
  kind: RecurrentKind,
  names: readonly string[] | undefined,
  dirs: number,
): Activation[][] {
  const defaults =
    kind === "LSTM" ? ["Sigmoid", "Tanh", "Tanh"] : kind === "GRU" ? ["Sigmoid", "Tanh"] : ["Tanh"];
  let list: readonly string[] = names ?? [];
  if (list.length === 0) for (let d = 0; d < dirs; d++) list = list.concat(defaults);
  else if (list.length === defaults.length && dirs === 2) list = list.concat(list);
  if (list.length !== defaults.length * dirs) {
    throw new Error(
      `${kind}: ${list.length} activations, expected ${defaults.length} per direction`,
    );
  }
  const fns = list.map((name) => {
    const f = RECURRENT_ACTIVATIONS[name.toLowerCase()];
    if (f === undefined) throw new Error(`${kind}: unknown activation ${name}`);
    return f;
  });
  const out: Activation[][] = [];
  for (let d = 0; d < dirs; d++)
    out.push(fns.slice(d * defaults.length, (d + 1) * defaults.length));
  return out;
}

/** The attributes of a recurrent op, as the lowering passes them. */
export interface RecurrentOptions {
  kind: RecurrentKind;
  hidden: number;
  direction: "forward" | "reverse" | "bidirectional";
  layout: number;
  activations?: readonly string[];
  clip?: number;
  linearBeforeReset?: boolean;
  inputForget?: boolean;
  /** W, R and B are weights: the transposes and the summed bias made from them may be kept (see prepared). */
  weights?: boolean;
}

/**
 * ONNX LSTM (gates i, o, f, c), GRU (z, r, h) and RNN, one layer, any direction, either
 * layout. Inputs X, W [dirs, G·H, in], R [dirs, G·H, H], B [dirs, 2·G·H] = [Wb; Rb],
 * sequence_lens, initial_h, initial_c, P (peepholes i, o, f); returns [Y, Y_h, Y_c].
 *
 * The input projection of every step is one matmul. With sequence_lens, an entry's
 * state stops changing after its last step and Y is zero beyond it; the reverse
 * direction reads each sequence backwards from its own last step.
 */
export function recurrent(
  o: RecurrentOptions,
  X: Tensor,
  W: Tensor,
  R: Tensor,
  B?: Tensor,
  lengths?: Tensor,
  h0?: Tensor,
  c0?: Tensor,
  P?: Tensor,
): [Tensor, Tensor | undefined, Tensor | undefined] {
  const G = o.kind === "LSTM" ? 4 : o.kind === "GRU" ? 3 : 1;
  const H = o.hidden;
  const x = o.layout === 0 ? tf.transpose(X, [1, 0, 2]) : X;
  const [batch, steps, size] = x.shape as [number, number, number];
  const reverse = o.direction === "bidirectional" ? [false, true] : [o.direction === "reverse"];
  const acts = recurrentActivations(o.kind, o.activations, reverse.length);
  const limit = o.clip;
  const clip: Activation = limit === undefined ? (t) => t : (t) => tf.clipByValue(t, -limit, limit);
  const initial = (s: Tensor | undefined, d: number): Tensor => {
    if (s === undefined) return tf.zeros([batch, H]);
    const batchFirst = o.layout === 0 ? tf.transpose(s, [1, 0, 2]) : s;
    return tf.reshape(tf.slice(batchFirst, [0, d, 0], [batch, 1, H]), [batch, H]);
  };
  // valid[t]: [batch, H], true while step t is within the entry's length, full-size so
  // the selects below do not broadcast at every step. Made on the host: the lengths are
  // data (no gradient), and broadcasting them with tf.broadcastTo ran wasm's Tile,
  // 6 ms for 64 × 20 × 64.
  let valid: Tensor[] | undefined;
  if (lengths !== undefined) {
    const lens = lengths.dataSync();
    valid = [];
    for (let t = 0; t < steps; t++) {
      const data = new Uint8Array(batch * H);
      for (let b = 0; b < batch; b++) if (t < lens[b]!) data.fill(1, b * H, (b + 1) * H);
      valid.push(tf.tensor(data, [batch, H], "bool"));
    }
  }
  const zeros = tf.zeros([batch, H]);
  const ys: Tensor[] = [];
  const hs: Tensor[] = [];
  const cs: (Tensor | undefined)[] = [];
  reverse.forEach((backwards, d) => {
    const [f, g, hAct] = acts[d] as [Activation, Activation, Activation];
    // Transposed here, not multiplied as transposed: tfjs-backend-wasm multiplies by a
    // transposed operand much more slowly than by a plain one (see mm). Weights are
    // transposed once per value (prepared), not per call: a decode step is one call.
    const transposed = (T: Tensor, rows: number, cols: number): Tensor => {
      const make = () =>
        tf.transpose(tf.reshape(tf.slice(T, [d, 0, 0], [1, rows, cols]), [rows, cols]));
      return o.weights ? prepared(T, `transpose${d}`, make) : make();
    };
    const Wt = transposed(W, G * H, size);
    const Rt = transposed(R, G * H, H);
    // Both biases fold into the projection, except GRU's candidate Rb under
    // linear_before_reset, which the reset gate multiplies (kept per value like W and R).
    const resetAfter = o.kind === "GRU" && o.linearBeforeReset === true;
    const fromB = (tag: string, make: (b: Tensor) => Tensor): Tensor | undefined =>
      B === undefined ? undefined : o.weights ? prepared(B, tag + d, () => make(B)) : make(B);
    const rb = (b: Tensor) => tf.reshape(tf.slice(b, [d, G * H], [1, G * H]), [G * H]);
    const bias = fromB("bias", (b) => {
      const wb = tf.reshape(tf.slice(b, [d, 0], [1, G * H]), [G * H]);
      if (!resetAfter) return tf.add(wb, rb(b));
      const [rzr, rh] = tf.split(rb(b), [2 * H, H]) as [Tensor, Tensor];
      return tf.add(wb, tf.concat([rzr, tf.zerosLike(rh)]));
    });
    const candidateRb = resetAfter
      ? fromB("candidateRb", (b) => tf.split(rb(b), [2 * H, H])[1]!)
      : undefined;
    const xs = backwards ? reverseSteps(x, lengths) : x;
    let proj = mm(tf.reshape(xs, [batch * steps, size]), Wt);
    if (bias !== undefined) proj = tf.add(proj, bias);
    const xw = unstack(tf.reshape(proj, [batch, steps, G * H]), 1);
    const [Rzr, Rh] = (o.kind === "GRU" ? tf.split(Rt, [2 * H, H], 1) : []) as [Tensor, Tensor];
    const peep =
      P === undefined
        ? undefined
        : (tf.split(tf.reshape(tf.slice(P, [d, 0], [1, 3 * H]), [3 * H]), 3) as [
            Tensor,
            Tensor,
            Tensor,
          ]);
    let h = initial(h0, d);
    let c = o.kind === "LSTM" ? initial(c0, d) : undefined;
    const out: Tensor[] = [];
    for (let t = 0; t < steps; t++) {
      const xt = xw[t]!;
      let hNew: Tensor;
      let cNew: Tensor | undefined;
      if (o.kind === "LSTM") {
        const cPrev = c!;
        const [pi, po, pf, pc] = tf.split(tf.add(xt, mm(h, Rt)), 4, 1) as [
          Tensor,
          Tensor,
          Tensor,
          Tensor,
        ];
        const i = f(clip(peep === undefined ? pi : tf.add(pi, tf.mul(peep[0], cPrev))));
        const ft = o.inputForget
          ? tf.sub(1, i)
          : f(clip(peep === undefined ? pf : tf.add(pf, tf.mul(peep[2], cPrev))));
        const cNext = tf.add(tf.mul(ft, cPrev), tf.mul(i, g(clip(pc))));
        const og = f(clip(peep === undefined ? po : tf.add(po, tf.mul(peep[1], cNext))));
        hNew = tf.mul(og, hAct(cNext));
        cNew = cNext;
      } else if (o.kind === "GRU") {
        const [xz, xr, xh] = tf.split(xt, 3, 1) as [Tensor, Tensor, Tensor];
        const [hz, hr] = tf.split(mm(h, Rzr), 2, 1) as [Tensor, Tensor];
        const z = f(clip(tf.add(xz, hz)));
        const r = f(clip(tf.add(xr, hr)));
        let recurrentTerm: Tensor;
        if (resetAfter) {
          const hh = mm(h, Rh);
          recurrentTerm = tf.mul(r, candidateRb === undefined ? hh : tf.add(hh, candidateRb));
        } else {
          recurrentTerm = mm(tf.mul(r, h), Rh);
        }
        const candidate = g(clip(tf.add(xh, recurrentTerm)));
        hNew = tf.add(tf.mul(tf.sub(1, z), candidate), tf.mul(z, h));
      } else {
        hNew = f(clip(tf.add(xt, mm(h, Rt))));
      }
      const v = valid?.[t];
      if (v === undefined) {
        h = hNew;
        c = cNew;
        out.push(hNew);
      } else {
        h = tf.where(v, hNew, h);
        if (c !== undefined && cNew !== undefined) c = tf.where(v, cNew, c);
        out.push(tf.where(v, hNew, zeros));
      }
    }
    const y = tf.stack(out, 1);
    ys.push(backwards ? reverseSteps(y, lengths) : y);
    hs.push(h);
    cs.push(c);
  });
  // Y is [batch, steps, dirs, H] (layout 1) or [steps, dirs, batch, H] (layout 0).
  const Y = tf.stack(ys, 2);
  const finals = (list: (Tensor | undefined)[]): Tensor | undefined =>
    list[0] === undefined ? undefined : tf.stack(list as Tensor[], o.layout === 0 ? 0 : 1);
  return [o.layout === 0 ? tf.transpose(Y, [1, 2, 0, 3]) : Y, finals(hs), finals(cs)];
}
