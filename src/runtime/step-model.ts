/**
 * A TensorFlow.js model (TfjsModel) as a StepModel. States own tensors, so they are
 * reference-counted: the encoder outputs are shared by every step of a beam until a
 * `select` gathers new rows, and each step's recurrent state / cache is freed when the
 * search releases it.
 */
import * as tf from "@tensorflow/tfjs";
import type { StepModel } from "../decode/index.js";
import type { Encoded, Tensors } from "./core.js";
import type { TfjsModel } from "./model.js";

interface SharedEncoded {
  encoded: Encoded;
  refs: number;
}

export interface TfjsState {
  enc: SharedEncoded;
  states: Tensors;
}

function disposeTensors(ts: Tensors, keep: Set<tf.Tensor>): void {
  for (const t of Object.values(ts)) if (!keep.has(t) && !t.isDisposed) t.dispose();
}

export function tfjsStepModel(model: TfjsModel): StepModel<TfjsState> {
  const cfg = model.module.config;
  const release = (s: TfjsState) => {
    disposeTensors(s.states, new Set(Object.values(s.enc.encoded.states)));
    if (--s.enc.refs === 0) model.disposeEncoded(s.enc.encoded);
  };
  return {
    specials: cfg.specials,
    vocab: cfg.targetVocab,
    ...(cfg.maxLength === undefined ? {} : { maxPositions: cfg.maxLength }),
    async start(src) {
      const encoded = model.encode(src);
      return { enc: { encoded, refs: 1 }, states: { ...encoded.states } };
    },
    async step(s, tokens, pos) {
      const r = model.step(s.enc.encoded, s.states, [...tokens], pos);
      const old = new Set([...Object.values(s.states), ...Object.values(s.enc.encoded.states)]);
      // A state passed through unchanged must survive the release of the old state.
      const states: Tensors = {};
      for (const [k, v] of Object.entries(r.states)) states[k] = old.has(v) ? tf.clone(v) : v;
      const logits = (await r.logits.data()) as Float32Array;
      r.logits.dispose();
      s.enc.refs++;
      return { logits, state: { enc: s.enc, states } };
    },
    select(s, rows) {
      const idx = tf.tensor1d([...rows], "int32");
      const gather = (ts: Tensors): Tensors => {
        const out: Tensors = {};
        for (const [k, v] of Object.entries(ts))
          out[k] = v.rank === 0 ? tf.clone(v) : tf.gather(v, idx, 0);
        return out;
      };
      const encoded: Encoded = { outputs: gather(s.enc.encoded.outputs), states: {} };
      const states = gather(s.states);
      idx.dispose();
      return { enc: { encoded, refs: 1 }, states };
    },
    release,
    async teacherForced(src, tgtIn) {
      const encoded = model.encode(src);
      const logits = model.decode(encoded, tgtIn);
      const data = (await logits.data()) as Float32Array;
      const T = logits.shape[1]!;
      logits.dispose();
      model.disposeEncoded(encoded);
      return { logits: data, T };
    },
  };
}
