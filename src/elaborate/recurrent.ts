/**
 * One recurrent layer (LSTM, GRU or RNN) as one ONNX node, batch-first (layout 1).
 *
 * Parameters follow numerics.md: W [dirs, G·H, in] (Glorot uniform), R [dirs, G·H, H]
 * (uniform ±0.08, as Sutskever et al. and Luong et al. initialised their LSTMs; an
 * orthogonal init costs O(H³) per gate and took two minutes for the 1000-wide paper
 * models on the interpreter), and ONE bias per gate set `b` [dirs, G·H] — ONNX's B
 * input is [Wb; Rb], so the node gets Concat(b, zeros): the recurrent half is a
 * constant zero, not a parameter, and parameter counts match Keras and the papers.
 * The LSTM forget-gate bias starts at 1.
 */
import type { ResolvedSection } from "../check/index.js";
import { int, str } from "../ir/index.js";
import { boolOf, floatOf, intOf, wordOf } from "./settings.js";
import { dropout, reshape, width, type Emit } from "./emit.js";

export type Cell = "lstm" | "gru" | "rnn";

const GATES: Record<Cell, number> = { lstm: 4, gru: 3, rnn: 1 };
const OP: Record<Cell, string> = { lstm: "LSTM", gru: "GRU", rnn: "RNN" };

export interface RecurrentSpec {
  cell: Cell;
  hidden: number;
  dirs: number;
  section: ResolvedSection;
  path: string;
}

export function recurrentSpec(section: ResolvedSection, path: string): RecurrentSpec {
  return {
    cell: section.head as Cell,
    hidden: intOf(section, "hidden")!,
    dirs: boolOf(section, "bidirectional") ? 2 : 1,
    section,
    path,
  };
}

export interface RecurrentOut {
  /** [B, L, dirs·H] */
  y: string;
  /** Final states [B, dirs·H] (directions concatenated). */
  h: string;
  c: string | undefined;
}

/**
 * Runs the layer over x [B, L, in]. `init` gives initial states [B, H] (unidirectional
 * layers only); `lengths` [B] masks padding as ONNX's sequence_lens does.
 */
export function recurrentLayer(
  e: Emit,
  spec: RecurrentSpec,
  x: string,
  opts: { lengths?: string | undefined; init?: { h: string; c?: string | undefined } | undefined },
): RecurrentOut {
  const { cell, hidden: H, dirs, path, section } = spec;
  const G = GATES[cell];
  const inDim = width(e, x);
  const range = section.range;
  const W = e.cx.param(
    path,
    "W",
    [dirs, G * H, inDim],
    { kind: "glorot_uniform", fanIn: inDim, fanOut: G * H },
    "recurrent_input",
    range,
  );
  const R = e.cx.param(
    path,
    "R",
    [dirs, G * H, H],
    { kind: "uniform", limit: 0.08 },
    "recurrent_state",
    range,
  );
  const b = e.cx.param(
    path,
    "b",
    [dirs, G * H],
    cell === "lstm" ? { kind: "lstm_bias", hidden: H, directions: dirs } : { kind: "zeros" },
    "bias",
    range,
  );
  const zeros = e.b.constant(
    path,
    "float32",
    [dirs, G * H],
    new Array<number>(dirs * G * H).fill(0),
  );
  const B = e.b.op("Concat", path, [b, zeros], { axis: int(1) });
  const attrs = {
    hidden_size: int(H),
    layout: int(1),
    direction: str(dirs === 2 ? "bidirectional" : "forward"),
    ...(cell === "rnn"
      ? {
          activations: {
            kind: "strings" as const,
            value: new Array<string>(dirs).fill(
              wordOf(section, "activation") === "relu" ? "Relu" : "Tanh",
            ),
          },
        }
      : {}),
  };
  let initH: string | undefined;
  let initC: string | undefined;
  if (opts.init !== undefined) {
    initH = e.b.op("Unsqueeze", path, [opts.init.h, e.b.constant(path, "int64", [1], [1])]);
    if (opts.init.c !== undefined)
      initC = e.b.op("Unsqueeze", path, [opts.init.c, e.b.constant(path, "int64", [1], [1])]);
  }
  const nOut = cell === "lstm" ? 3 : 2;
  const outs = e.b.node(OP[cell], path, [x, W, R, B, opts.lengths, initH, initC], attrs, nOut);
  // Y [B, L, dirs, H] → [B, L, dirs·H]; Y_h [B, dirs, H] → [B, dirs·H].
  let y = reshape(e, path, outs[0]!, [0, 0, -1]);
  y = dropout(e, path, y, floatOf(section, "dropout") ?? 0);
  const h = reshape(e, path, outs[1]!, [0, -1]);
  const c = cell === "lstm" ? reshape(e, path, outs[2]!, [0, -1]) : undefined;
  return { y, h, c };
}

/** Output width of a recurrent layer. */
export function recurrentWidth(spec: RecurrentSpec): number {
  return spec.hidden * spec.dirs;
}
