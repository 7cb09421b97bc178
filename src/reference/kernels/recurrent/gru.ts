/**
 * ONNX GRU (opset 22). Gate blocks in W, R and B are ordered z, r, h. With f, g the
 * activations (default Sigmoid, Tanh):
 *
 *   z  = f(Xt·W_zᵀ + H·R_zᵀ + Wb_z + Rb_z)
 *   r  = f(Xt·W_rᵀ + H·R_rᵀ + Wb_r + Rb_r)
 *   h̃  = g(Xt·W_hᵀ + (r ⊙ H)·R_hᵀ + Rb_h + Wb_h)        linear_before_reset = 0 (default)
 *   h̃  = g(Xt·W_hᵀ + r ⊙ (H·R_hᵀ + Rb_h) + Wb_h)        linear_before_reset ≠ 0
 *   H' = (1 − z) ⊙ h̃ + z ⊙ H
 *
 * The default form (reset before the recurrent matmul) is Keras's reset_after = false
 * and s2sc's convention; the other is PyTorch's and cuDNN's. Outputs Y, Y_h.
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

export const GRU: Kernel = (inputs, attrs) => {
  const rec = readRecurrence("GRU", inputs, attrs, 3, ["Sigmoid", "Tanh"]);
  const linearBeforeReset = intAttr("GRU", attrs, "linear_before_reset", 0) !== 0;
  const { batch, hidden: H, clip } = rec;
  const out = new RecurrentOutputs(rec, 1);
  for (let d = 0; d < rec.dirs; d++) {
    const [f, g] = rec.acts[d] as [(x: number) => number, (x: number) => number];
    const wb = biasOf(rec, d, 0);
    const rb = biasOf(rec, d, 1);
    // Rb_z and Rb_r are plain additions, so they fold into the projection; Rb_h does
    // too unless the reset gate multiplies it (linear_before_reset).
    const xw = inputProjection(
      rec,
      d,
      wb.map((v, i) => (i < 2 * H || !linearBeforeReset ? v + rb[i]! : v)),
    );
    const h = initialState(rec, inputs[5], d, "initial_h");
    // H·R_zrᵀ [batch, 2H] and the candidate's recurrent term [batch, H].
    const hzr = new Float32Array(batch * 2 * H);
    const hh = new Float32Array(batch * H);
    const rzr = recurrentWeights(rec, d, 0, 2);
    const rh = recurrentWeights(rec, d, 2, 1);
    const rH = new Float32Array(batch * H); // r ⊙ H, the candidate's recurrent input
    const reset = new Float32Array(batch * H);
    for (let t = 0; t < rec.maxLen; t++) {
      matmulPacked(packA({ data: h }, batch, H), rzr, hzr);
      const times = Array.from({ length: batch }, (_, b) => timeIndex(rec, d, t, b));
      for (let b = 0; b < batch; b++) {
        if (times[b]! < 0) continue;
        const xo = rowOf(rec, times[b]!, b) * 3 * H;
        for (let j = 0; j < H; j++) {
          const r = f(clipTo(xw[xo + H + j]! + hzr[b * 2 * H + H + j]!, clip));
          reset[b * H + j] = r;
          rH[b * H + j] = r * h[b * H + j]!;
        }
      }
      if (linearBeforeReset) matmulPacked(packA({ data: h }, batch, H), rh, hh);
      else matmulPacked(packA({ data: rH }, batch, H), rh, hh);
      for (let b = 0; b < batch; b++) {
        if (times[b]! < 0) continue; // finished: its state stays frozen
        const xo = rowOf(rec, times[b]!, b) * 3 * H;
        for (let j = 0; j < H; j++) {
          const z = f(clipTo(xw[xo + j]! + hzr[b * 2 * H + j]!, clip));
          const recurrent = linearBeforeReset
            ? reset[b * H + j]! * (hh[b * H + j]! + rb[2 * H + j]!)
            : hh[b * H + j]!;
          const cand = g(clipTo(xw[xo + 2 * H + j]! + recurrent, clip));
          h[b * H + j] = (1 - z) * cand + z * h[b * H + j]!;
        }
        out.setY(times[b]!, d, b, h);
      }
    }
    out.setFinal(0, d, h);
  }
  return out.result();
};
