/**
 * ONNX RNN (opset 22): H' = f(Xt·Wᵀ + H·Rᵀ + Wb + Rb), f = Tanh by default.
 * Outputs Y, Y_h.
 */
import { matmulPacked, packA } from "../../matmul.js";
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

export const RNN: Kernel = (inputs, attrs) => {
  const rec = readRecurrence("RNN", inputs, attrs, 1, ["Tanh"]);
  const { batch, hidden: H, clip } = rec;
  const out = new RecurrentOutputs(rec, 1);
  const hr = new Float32Array(batch * H);
  for (let d = 0; d < rec.dirs; d++) {
    const f = rec.acts[d]![0]!;
    const wb = biasOf(rec, d, 0);
    const rb = biasOf(rec, d, 1);
    const xw = inputProjection(
      rec,
      d,
      wb.map((v, i) => v + rb[i]!),
    );
    const rw = recurrentWeights(rec, d, 0, 1);
    const h = initialState(rec, inputs[5], d, "initial_h");
    for (let t = 0; t < rec.maxLen; t++) {
      matmulPacked(packA({ data: h }, batch, H), rw, hr);
      for (let b = 0; b < batch; b++) {
        const time = timeIndex(rec, d, t, b);
        if (time < 0) continue; // finished: its state stays frozen
        const xo = rowOf(rec, time, b) * H;
        for (let j = 0; j < H; j++) h[b * H + j] = f(clipTo(xw[xo + j]! + hr[b * H + j]!, clip));
        out.setY(time, d, b, h);
      }
    }
    out.setFinal(0, d, h);
  }
  return out.result();
};
