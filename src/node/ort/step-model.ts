/**
 * An ONNX Runtime model (OrtModel) as a StepModel. ORT's tensors live in JavaScript
 * typed arrays, so states need no reference counting: `select` copies rows, and
 * `release` has nothing to free.
 */
import type { OrtEncoded, OrtModel, OrtTensors } from "./model.js";
import type { StepModel } from "../../decode/index.js";

export interface OrtState {
  enc: OrtEncoded;
  states: OrtTensors;
}

export function ortStepModel(model: OrtModel): StepModel<OrtState> {
  const cfg = model.config;
  return {
    specials: cfg.specials,
    vocab: cfg.targetVocab,
    ...(cfg.maxLength === undefined ? {} : { maxPositions: cfg.maxLength }),
    async start(src) {
      const enc = await model.encode(src);
      return { enc, states: enc.states };
    },
    async step(s, tokens, pos) {
      const r = await model.step(s.enc, s.states, tokens, pos);
      return { logits: r.logits, state: { enc: s.enc, states: r.states } };
    },
    select(s, rows) {
      const B = s.enc.rows;
      return {
        enc: {
          outputs: model.selectRows(s.enc.outputs, rows, B),
          states: model.selectRows(s.enc.states, rows, B),
          rows: rows.length,
        },
        states: model.selectRows(s.states, rows, B),
      };
    },
    release() {},
    async teacherForced(src, tgtIn) {
      const logits = await model.decode(await model.encode(src), tgtIn);
      return { logits: logits.data, T: logits.dims[1]! };
    },
  };
}
