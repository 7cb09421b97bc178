/**
 * ONNX's recurrent operators. The IR uses them with ONNX's conventions (numerics.md):
 * LSTM gates i,o,f,c with W [dirs, 4H, in], R [dirs, 4H, H]; GRU gates z,r,h with
 * linear_before_reset = 0; B holds [Wb; Rb] per direction, and s2s writes Rb as zeros so
 * that there is one trainable bias per gate set (the elaborator passes Wb alone when
 * counting parameters: see elaborate/recurrent.ts).
 */
import { dimsEqual, formatShape, Poly } from "../dims.js";
import type { Dim, TensorType } from "../types.js";
import { intAttr, need, ShapeError, stringAttr, type InferArgs, type OpDef } from "./def.js";

function recurrent(name: "LSTM" | "GRU" | "RNN", gates: number): OpDef {
  const inputs: [number, number] = name === "LSTM" ? [3, 8] : [3, 6];
  const outputs: [number, number] = name === "LSTM" ? [0, 3] : [0, 2];
  function dims(a: InferArgs) {
    const x = need(a, 0, name);
    const w = need(a, 1, name);
    const hidden = intAttr(a, "hidden_size", 0);
    const layout = intAttr(a, "layout", 0);
    const dirs = stringAttr(a, "direction", "forward") === "bidirectional" ? 2 : 1;
    if (x.shape.length !== 3)
      throw new ShapeError(`${name}: X must be 3-D, got ${formatShape(x.shape)}`);
    const [seq, batch] = layout === 0 ? [x.shape[0]!, x.shape[1]!] : [x.shape[1]!, x.shape[0]!];
    const input = x.shape[2]!;
    if (!dimsEqual(w.shape[1]!, gates * hidden) || !dimsEqual(w.shape[2]!, input)) {
      throw new ShapeError(
        `${name}: W is ${formatShape(w.shape)} but input size ${input} and hidden ${hidden} need [${dirs}, ${gates * hidden}, ${input}]`,
      );
    }
    return { seq, batch, input, hidden, dirs, layout, dtype: x.dtype };
  }
  return {
    name,
    domain: "",
    category: "opaque",
    inputs,
    outputs,
    attrs: {
      hidden_size: { kind: "int", required: true },
      direction: { kind: "string" },
      layout: { kind: "int" },
      activations: { kind: "strings" },
      clip: { kind: "float" },
      ...(name === "GRU" ? { linear_before_reset: { kind: "int" as const } } : {}),
      ...(name === "LSTM" ? { input_forget: { kind: "int" as const } } : {}),
    },
    infer(a) {
      const { seq, batch, hidden, dirs, layout, dtype } = dims(a);
      const y: Dim[] = layout === 0 ? [seq, dirs, batch, hidden] : [batch, seq, dirs, hidden];
      const yh: Dim[] = layout === 0 ? [dirs, batch, hidden] : [batch, dirs, hidden];
      const outs: TensorType[] = [
        { dtype, shape: y },
        { dtype, shape: yh },
      ];
      if (name === "LSTM") outs.push({ dtype, shape: [...yh] });
      return outs;
    },
    macs(a) {
      const { seq, batch, input, hidden, dirs } = dims(a);
      // Per step and direction: the input and recurrent matmuls of every gate.
      return Poly.product([seq, batch])
        .mul(Poly.of(dirs * gates * hidden))
        .mul(Poly.of(input).add(Poly.of(hidden)));
    },
    doc: `ONNX ${name} (one layer; layout 1 is batch-first)`,
  };
}

export const RECURRENT_OPS: OpDef[] = [
  recurrent("LSTM", 4),
  recurrent("GRU", 3),
  recurrent("RNN", 1),
];
