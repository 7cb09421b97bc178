/**
 * The activation functions of ONNX's RNN/GRU/LSTM `activations` attribute, with their
 * `activation_alpha` / `activation_beta` parameters.
 */
import { hardSigmoid, sigmoid, softplus } from "../../math.js";

export type Activation = (x: number) => number;

interface ActivationDef {
  /** Defaults of the parameters the function takes (those of the same-named ONNX op). */
  alpha?: number;
  beta?: number;
  make(alpha: number, beta: number): Activation;
}

const DEFS: Record<string, ActivationDef> = {
  sigmoid: { make: () => sigmoid },
  tanh: { make: () => Math.tanh },
  relu: { make: () => (x) => (x > 0 ? x : 0) },
  affine: { alpha: 1, beta: 0, make: (a, b) => (x) => a * x + b },
  leakyrelu: { alpha: 0.01, make: (a) => (x) => (x >= 0 ? x : a * x) },
  thresholdedrelu: { alpha: 1, make: (a) => (x) => (x > a ? x : 0) },
  scaledtanh: { alpha: 1, beta: 1, make: (a, b) => (x) => a * Math.tanh(b * x) },
  hardsigmoid: { alpha: 0.2, beta: 0.5, make: (a, b) => (x) => hardSigmoid(x, a, b) },
  elu: { alpha: 1, make: (a) => (x) => (x >= 0 ? x : a * (Math.exp(x) - 1)) },
  softsign: { make: () => (x) => x / (1 + Math.abs(x)) },
  softplus: { make: () => softplus },
};

/**
 * The activations of every direction: `perDirection` functions each, from the
 * attribute (names are matched case-insensitively, as ONNX Runtime does) or the
 * defaults. A list with one direction's worth of names serves both directions of a
 * bidirectional layer. Parameters are consumed in order by the functions that take
 * them, as in ONNX Runtime; missing ones take the function's default.
 */
export function activationsFor(
  op: string,
  names: readonly string[] | undefined,
  alphas: readonly number[],
  betas: readonly number[],
  defaults: readonly string[],
  directions: number,
): Activation[][] {
  let list = names ?? [];
  if (list.length === 0) list = Array.from({ length: directions }, () => defaults).flat();
  else if (list.length === defaults.length && directions === 2) list = [...list, ...list];
  if (list.length !== defaults.length * directions) {
    throw new Error(
      `${op}: ${list.length} activations, expected ${defaults.length} per direction for ${directions}`,
    );
  }
  let ai = 0;
  let bi = 0;
  const fns = list.map((name) => {
    const def = DEFS[name.toLowerCase()];
    if (def === undefined) throw new Error(`${op}: unknown activation ${name}`);
    const alpha = def.alpha === undefined ? 0 : (alphas[ai++] ?? def.alpha);
    const beta = def.beta === undefined ? 0 : (betas[bi++] ?? def.beta);
    return def.make(alpha, beta);
  });
  return Array.from({ length: directions }, (_, d) =>
    fns.slice(d * defaults.length, (d + 1) * defaults.length),
  );
}
