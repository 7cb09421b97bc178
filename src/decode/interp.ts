/** The interpreter (InterpModel) as a StepModel. */
import type { Encoded, InterpModel } from "../backends/interp/index.js";
import { makeTensor, sizeOf, type Tensor } from "../reference/index.js";
import type { StepModel } from "./step-model.js";

export interface InterpState {
  enc: Encoded;
  states: Map<string, Tensor>;
  /** Rows of the batch (every encode output and state has it as dim 0). */
  rows: number;
}

/** Rows `rows` of a tensor whose first dim is the batch. */
function gatherRows(t: Tensor, rows: readonly number[], B: number): Tensor {
  if (t.dims.length === 0 || t.dims[0] !== B) return t;
  const per = sizeOf(t.dims.slice(1));
  const Ctor = t.data.constructor as new (n: number) => typeof t.data;
  const out = new Ctor(rows.length * per);
  rows.forEach((r, i) => out.set(t.data.subarray(r * per, (r + 1) * per), i * per));
  return makeTensor(t.dtype, [rows.length, ...t.dims.slice(1)], out);
}

export function interpStepModel(model: InterpModel): StepModel<InterpState> {
  const cfg = model.module.config;
  return {
    specials: cfg.specials,
    vocab: cfg.targetVocab,
    ...(cfg.maxLength === undefined ? {} : { maxPositions: cfg.maxLength }),
    async start(src) {
      const enc = model.encode(src);
      return { enc, states: enc.states, rows: src.length };
    },
    async step(s, tokens, pos) {
      const r = model.step(s.enc, s.states, tokens, pos);
      return { logits: r.logits.data as Float32Array, state: { ...s, states: r.states } };
    },
    select(s, rows) {
      const pick = (m: ReadonlyMap<string, Tensor>) =>
        new Map([...m].map(([k, v]) => [k, gatherRows(v, rows, s.rows)] as const));
      return {
        enc: { outputs: pick(s.enc.outputs), states: pick(s.enc.states) },
        states: pick(s.states),
        rows: rows.length,
      };
    },
    release() {},
    async teacherForced(src, tgtIn) {
      const logits = model.decode(model.encode(src), tgtIn);
      return { logits: logits.data as Float32Array, T: logits.dims[1]! };
    },
  };
}
