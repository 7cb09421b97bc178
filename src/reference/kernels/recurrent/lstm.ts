/**
 * ONNX LSTM (opset 22). Gate blocks in W, R and B are ordered i, o, f, c; peepholes
 * P = [P_i, P_o, P_f]. With f, g, h the activations (default Sigmoid, Tanh, Tanh):
 *
 *   i  = f(Xt·W_iᵀ + H·R_iᵀ + P_i ⊙ C  + Wb_i + Rb_i)
 *   ft = f(Xt·W_fᵀ + H·R_fᵀ + P_f ⊙ C  + Wb_f + Rb_f)     (1 − i when input_forget = 1)
 *   c̃  = g(Xt·W_cᵀ + H·R_cᵀ            + Wb_c + Rb_c)
 *   C' = ft ⊙ C + i ⊙ c̃
 *   o  = f(Xt·W_oᵀ + H·R_oᵀ + P_o ⊙ C' + Wb_o + Rb_o)     (the new cell state)
 *   H' = o ⊙ h(C')
 *
 * `clip` bounds every pre-activation of f and g. Outputs Y, Y_h, Y_c.
 */
import { matmulPacked, packA } from "../../matmul.js";
import { intAttr } from "../attrs.js";
import type { Kernel } from "../types.js";
import {
  biasOf,
  clipTo,
  initialState,
  inputProjection,
  readRecurrence,
  RecurrentOutputs,
  recurrentWeights,
  rowOf,
  timeIndex,
} from "./common.js";

export const LSTM: Kernel = (inputs, attrs) => {
  const rec = readRecurrence("LSTM", inputs, attrs, 4, ["Sigmoid", "Tanh", "Tanh"]);
  const inputForget = intAttr("LSTM", attrs, "input_forget", 0) !== 0;
  const { batch, hidden: H, clip } = rec;
  const p = inputs[7];
  if (p !== undefined && (p.dims[0] !== rec.dirs || p.dims[1] !== 3 * H)) {
    throw new Error(`LSTM: P is [${p.dims.join(",")}], expected [${rec.dirs},${3 * H}]`);
  }
  const out = new RecurrentOutputs(rec, 2);
  const hr = new Float32Array(batch * 4 * H);
  for (let d = 0; d < rec.dirs; d++) {
    const [f, g, hAct] = rec.acts[d] as [
      (x: number) => number,
      (x: number) => number,
      (x: number) => number,
    ];
    // Both biases fold into the input projection: they are added unconditionally.
    const wb = biasOf(rec, d, 0);
    const rb = biasOf(rec, d, 1);
    const xw = inputProjection(
      rec,
      d,
      wb.map((v, i) => v + rb[i]!),
    );
    const rw = recurrentWeights(rec, d, 0, 4);
    const h = initialState(rec, inputs[5], d, "initial_h");
    const c = initialState(rec, inputs[6], d, "initial_c");
    // Peepholes [P_i, P_o, P_f] of this direction (zeros without P).
    const peep = (k: number): Float64Array => {
      const v = new Float64Array(H);
      if (p !== undefined) for (let j = 0; j < H; j++) v[j] = p.data[(d * 3 + k) * H + j]!;
      return v;
    };
    const [pi, po, pf] = [peep(0), peep(1), peep(2)];
    for (let t = 0; t < rec.maxLen; t++) {
      matmulPacked(packA({ data: h }, batch, H), rw, hr);
      for (let b = 0; b < batch; b++) {
        const time = timeIndex(rec, d, t, b);
        if (time < 0) continue; // finished: its state stays frozen
        const xo = rowOf(rec, time, b) * 4 * H;
        const ho = b * 4 * H;
        for (let j = 0; j < H; j++) {
          // Pre-activations of gate blocks i, o, f, c.
          const preI = xw[xo + j]! + hr[ho + j]!;
          const preO = xw[xo + H + j]! + hr[ho + H + j]!;
          const preF = xw[xo + 2 * H + j]! + hr[ho + 2 * H + j]!;
          const preC = xw[xo + 3 * H + j]! + hr[ho + 3 * H + j]!;
          const cPrev = c[b * H + j]!;
          const i = f(clipTo(preI + pi[j]! * cPrev, clip));
          const ft = inputForget ? 1 - i : f(clipTo(preF + pf[j]! * cPrev, clip));
          const cNew = ft * cPrev + i * g(clipTo(preC, clip));
          const o = f(clipTo(preO + po[j]! * cNew, clip));
          c[b * H + j] = cNew;
          h[b * H + j] = o * hAct(cNew);
        }
        out.setY(time, d, b, h);
      }
    }
    out.setFinal(0, d, h);
    out.setFinal(1, d, c);
  }
  return out.result();
};
