/**
 * LSTM, GRU and RNN against a direct transcription of the ONNX equations (float64,
 * one batch entry and one gate at a time), on what the node tests leave out: distinct
 * per-gate weights, reverse and bidirectional runs, sequence_lens with finished
 * entries, initial states, peepholes, clip, input_forget, linear_before_reset,
 * non-default activations, and layout 1.
 */
import { describe, expect, test } from "vitest";
import { Rng } from "../../src/reference/random.js";
import type { AttrValue, Tensor } from "../../src/reference/tensor.js";
import { transpose } from "../../src/reference/kernels/shape.js";
import { maxAbsDiff, randomF32, run, t } from "./helpers.js";

type Cell = "LSTM" | "GRU" | "RNN";
const GATES: Record<Cell, number> = { LSTM: 4, GRU: 3, RNN: 1 };
const DEFAULT_ACTS: Record<Cell, string[]> = {
  LSTM: ["Sigmoid", "Tanh", "Tanh"],
  GRU: ["Sigmoid", "Tanh"],
  RNN: ["Tanh"],
};

/** The reference's own activation functions, f(x, alpha?, beta?) with ONNX's defaults. */
const REF_ACTS: Record<string, (x: number, a?: number, b?: number) => number> = {
  Sigmoid: (x) => 1 / (1 + Math.exp(-x)),
  Tanh: (x) => Math.tanh(x),
  Relu: (x) => Math.max(0, x),
  HardSigmoid: (x, a = 0.2, b = 0.5) => Math.min(1, Math.max(0, a * x + b)),
  LeakyRelu: (x, a = 0.01) => (x < 0 ? a * x : x),
  Softsign: (x) => x / (1 + Math.abs(x)),
};

interface Setup {
  cell: Cell;
  seq: number;
  batch: number;
  input: number;
  hidden: number;
  direction: "forward" | "reverse" | "bidirectional";
  lens?: number[];
  withBias?: boolean;
  withInitial?: boolean;
  peepholes?: boolean;
  clip?: number;
  inputForget?: boolean;
  linearBeforeReset?: boolean;
  /** Per direction; each entry a name plus an optional alpha (alphas listed in order). */
  activations?: [string, number?][];
}

interface Case {
  inputs: (Tensor | undefined)[];
  attrs: Record<string, AttrValue>;
}

function makeCase(s: Setup, seed: number): Case {
  const rng = new Rng(seed);
  const dirs = s.direction === "bidirectional" ? 2 : 1;
  const g = GATES[s.cell];
  const H = s.hidden;
  const inputs: (Tensor | undefined)[] = [
    randomF32(rng, [s.seq, s.batch, s.input]),
    randomF32(rng, [dirs, g * H, s.input], 0.7),
    randomF32(rng, [dirs, g * H, H], 0.7),
    s.withBias ? randomF32(rng, [dirs, 2 * g * H], 0.5) : undefined,
    s.lens ? t("int32", [s.batch], s.lens) : undefined,
    s.withInitial ? randomF32(rng, [dirs, s.batch, H]) : undefined,
  ];
  if (s.cell === "LSTM") {
    inputs.push(s.withInitial ? randomF32(rng, [dirs, s.batch, H]) : undefined);
    inputs.push(s.peepholes ? randomF32(rng, [dirs, 3 * H], 0.5) : undefined);
  }
  const attrs: Record<string, AttrValue> = { hidden_size: H, direction: s.direction };
  if (s.clip !== undefined) attrs["clip"] = s.clip;
  if (s.inputForget) attrs["input_forget"] = 1;
  if (s.linearBeforeReset) attrs["linear_before_reset"] = 1;
  if (s.activations) {
    attrs["activations"] = s.activations.map(([n]) => n);
    const alphas = s.activations.flatMap(([, a]) => (a === undefined ? [] : [a]));
    if (alphas.length > 0) attrs["activation_alpha"] = alphas;
  }
  return { inputs, attrs };
}

/** The ONNX equations, literally, for layout 0. Returns Y, Y_h (and Y_c for LSTM). */
function reference(s: Setup, c: Case): Float64Array[] {
  const [X, W, R, B, , h0, c0, P] = c.inputs;
  const dirs = s.direction === "bidirectional" ? 2 : 1;
  const g = GATES[s.cell];
  const H = s.hidden;
  const { seq, batch, input } = s;
  const names =
    s.activations ??
    Array.from({ length: dirs }, () =>
      DEFAULT_ACTS[s.cell].map((n) => [n] as [string, number?]),
    ).flat();
  const acts = names.map(
    ([n, a]) =>
      (x: number) =>
        REF_ACTS[n]!(x, a),
  );
  const clip = (v: number): number =>
    s.clip === undefined ? v : Math.max(-s.clip, Math.min(s.clip, v));
  const Y = new Float64Array(seq * dirs * batch * H);
  const Yh = new Float64Array(dirs * batch * H);
  const Yc = new Float64Array(dirs * batch * H);
  const w = (d: number, row: number, k: number): number => W!.data[(d * g * H + row) * input + k]!;
  const r = (d: number, row: number, k: number): number => R!.data[(d * g * H + row) * H + k]!;
  const wb = (d: number, row: number): number => (B ? B.data[d * 2 * g * H + row]! : 0);
  const rb = (d: number, row: number): number => (B ? B.data[d * 2 * g * H + g * H + row]! : 0);
  for (let d = 0; d < dirs; d++) {
    const reverse = s.direction === "reverse" || d === 1;
    const [f, gAct, hAct] = acts.slice(d * (names.length / dirs), (d + 1) * (names.length / dirs));
    for (let b = 0; b < batch; b++) {
      let h = Array.from({ length: H }, (_, j) => (h0 ? h0.data[(d * batch + b) * H + j]! : 0));
      let cs = Array.from({ length: H }, (_, j) => (c0 ? c0.data[(d * batch + b) * H + j]! : 0));
      const L = s.lens?.[b] ?? seq;
      for (let step = 0; step < L; step++) {
        const time = reverse ? L - 1 - step : step;
        const x = (k: number): number => X!.data[(time * batch + b) * input + k]!;
        const xw = (row: number): number => {
          let v = wb(d, row);
          for (let k = 0; k < input; k++) v += w(d, row, k) * x(k);
          return v;
        };
        const hr = (row: number, hv: number[]): number => {
          let v = 0;
          for (let k = 0; k < H; k++) v += r(d, row, k) * hv[k]!;
          return v;
        };
        if (s.cell === "LSTM") {
          const pre = (q: number, j: number): number =>
            xw(q * H + j) + hr(q * H + j, h) + rb(d, q * H + j);
          const p = (q: number, j: number): number => (P ? P.data[(d * 3 + q) * H + j]! : 0);
          const nh: number[] = [];
          const nc: number[] = [];
          for (let j = 0; j < H; j++) {
            const i = f!(clip(pre(0, j) + p(0, j) * cs[j]!));
            const ft = s.inputForget ? 1 - i : f!(clip(pre(2, j) + p(2, j) * cs[j]!));
            const ct = gAct!(clip(pre(3, j)));
            nc[j] = ft * cs[j]! + i * ct;
            const o = f!(clip(pre(1, j) + p(1, j) * nc[j]!));
            nh[j] = o * hAct!(nc[j]!);
          }
          h = nh;
          cs = nc;
        } else if (s.cell === "GRU") {
          const z = h.map((_, j) => f!(clip(xw(j) + hr(j, h) + rb(d, j))));
          const rr = h.map((_, j) => f!(clip(xw(H + j) + hr(H + j, h) + rb(d, H + j))));
          const rh = h.map((v, j) => rr[j]! * v);
          const cand = h.map((_, j) =>
            gAct!(
              clip(
                s.linearBeforeReset
                  ? xw(2 * H + j) + rr[j]! * (hr(2 * H + j, h) + rb(d, 2 * H + j))
                  : xw(2 * H + j) + hr(2 * H + j, rh) + rb(d, 2 * H + j),
              ),
            ),
          );
          h = h.map((v, j) => (1 - z[j]!) * cand[j]! + z[j]! * v);
        } else {
          h = h.map((_, j) => f!(clip(xw(j) + hr(j, h) + rb(d, j))));
        }
        for (let j = 0; j < H; j++) Y[((time * dirs + d) * batch + b) * H + j] = h[j]!;
      }
      for (let j = 0; j < H; j++) {
        Yh[(d * batch + b) * H + j] = h[j]!;
        Yc[(d * batch + b) * H + j] = cs[j]!;
      }
    }
  }
  return s.cell === "LSTM" ? [Y, Yh, Yc] : [Y, Yh];
}

const base = { seq: 5, batch: 4, input: 3, hidden: 5 };
const lens = [5, 2, 0, 4];
const setups: [string, Setup][] = [
  ["LSTM forward, defaults", { cell: "LSTM", ...base, direction: "forward" }],
  [
    "LSTM reverse, bias, initial states, peepholes, sequence_lens",
    {
      cell: "LSTM",
      ...base,
      direction: "reverse",
      withBias: true,
      withInitial: true,
      peepholes: true,
      lens,
    },
  ],
  [
    "LSTM bidirectional, everything",
    {
      cell: "LSTM",
      ...base,
      direction: "bidirectional",
      withBias: true,
      withInitial: true,
      peepholes: true,
      lens,
    },
  ],
  [
    "LSTM clip and input_forget",
    { cell: "LSTM", ...base, direction: "forward", withBias: true, clip: 0.4, inputForget: true },
  ],
  [
    "LSTM custom activations",
    {
      cell: "LSTM",
      ...base,
      direction: "forward",
      withBias: true,
      activations: [["HardSigmoid", 0.3], ["LeakyRelu", 0.1], ["Softsign"]],
    },
  ],
  ["GRU forward, defaults", { cell: "GRU", ...base, direction: "forward" }],
  [
    "GRU bidirectional, bias, initial state, sequence_lens",
    { cell: "GRU", ...base, direction: "bidirectional", withBias: true, withInitial: true, lens },
  ],
  [
    "GRU linear_before_reset = 1, reverse, sequence_lens",
    {
      cell: "GRU",
      ...base,
      direction: "reverse",
      withBias: true,
      withInitial: true,
      lens,
      linearBeforeReset: true,
    },
  ],
  ["GRU clip", { cell: "GRU", ...base, direction: "forward", withBias: true, clip: 0.3 }],
  [
    "RNN bidirectional, bias, initial state, sequence_lens",
    { cell: "RNN", ...base, direction: "bidirectional", withBias: true, withInitial: true, lens },
  ],
  [
    "RNN Relu per direction",
    {
      cell: "RNN",
      ...base,
      direction: "bidirectional",
      withBias: true,
      activations: [["Relu"], ["Sigmoid"]],
    },
  ],
];

describe("recurrent kernels against the ONNX equations", () => {
  test.each(setups)("%s", (_, s) => {
    const c = makeCase(s, 42);
    const outs = run(s.cell, c.inputs, c.attrs, s.cell === "LSTM" ? 3 : 2);
    const ref = reference(s, c);
    ref.forEach((expected, i) => {
      expect(outs[i]!.data.length).toBe(expected.length);
      expect(maxAbsDiff(outs[i]!.data, expected)).toBeLessThan(2e-6);
    });
  });

  test("a finished batch entry has zero outputs and keeps its last state", () => {
    const s: Setup = {
      cell: "LSTM",
      ...base,
      direction: "forward",
      withBias: true,
      withInitial: true,
      lens,
    };
    const c = makeCase(s, 7);
    const [y, yh, yc] = run("LSTM", c.inputs, c.attrs, 3);
    const H = base.hidden;
    // entry 1 has 2 steps: Y at t ≥ 2 is zero and Y_h equals Y at t = 1
    for (let time = 2; time < base.seq; time++) {
      expect([
        ...y!.data.subarray((time * base.batch + 1) * H, (time * base.batch + 2) * H),
      ]).toEqual(new Array(H).fill(0));
    }
    expect([...yh!.data.subarray(H, 2 * H)]).toEqual([
      ...y!.data.subarray((1 * base.batch + 1) * H, (1 * base.batch + 2) * H),
    ]);
    // entry 2 has no steps: its final states are the initial ones
    expect([...yh!.data.subarray(2 * H, 3 * H)]).toEqual([
      ...c.inputs[5]!.data.subarray(2 * H, 3 * H),
    ]);
    expect([...yc!.data.subarray(2 * H, 3 * H)]).toEqual([
      ...c.inputs[6]!.data.subarray(2 * H, 3 * H),
    ]);
  });

  test.each(["LSTM", "GRU", "RNN"] as const)(
    "%s layout 1 is layout 0 with batch and time swapped",
    (cell) => {
      const s: Setup = {
        cell,
        ...base,
        direction: "bidirectional",
        withBias: true,
        withInitial: true,
        lens,
      };
      const c = makeCase(s, 9);
      const n = cell === "LSTM" ? 3 : 2;
      const out0 = run(cell, c.inputs, c.attrs, n);
      const swap = (x: Tensor | undefined): Tensor | undefined =>
        x === undefined ? x : transpose(x, [1, 0, 2]);
      const inputs1 = c.inputs.map((x, i) => (i === 0 || i === 5 || i === 6 ? swap(x) : x));
      const out1 = run(cell, inputs1, { ...c.attrs, layout: 1 }, n);
      expect(out1[0]).toEqual(transpose(out0[0]!, [2, 0, 1, 3]));
      for (let i = 1; i < n; i++) expect(out1[i]).toEqual(swap(out0[i]));
    },
  );

  test("reverse equals forward on the time-reversed input", () => {
    const s: Setup = { cell: "GRU", ...base, direction: "forward", withBias: true };
    const c = makeCase(s, 5);
    const [yf] = run("GRU", c.inputs, c.attrs, 2);
    const X = c.inputs[0]!;
    const reversed = run("Slice", [
      X,
      t("int64", [1], [-1]),
      t("int64", [1], [-1e9]),
      t("int64", [1], [0]),
      t("int64", [1], [-1]),
    ])[0]!;
    const [yr] = run(
      "GRU",
      [reversed, ...c.inputs.slice(1)],
      { ...c.attrs, direction: "reverse" },
      2,
    );
    const back = run("Slice", [
      yr!,
      t("int64", [1], [-1]),
      t("int64", [1], [-1e9]),
      t("int64", [1], [0]),
      t("int64", [1], [-1]),
    ])[0]!;
    expect(maxAbsDiff(back.data, yf!.data)).toBe(0);
  });
});
