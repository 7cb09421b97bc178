/**
 * LSTM, GRU and RNN. The IR runs them batch-first (`layout = 1`, elaborate/recurrent.ts);
 * ONNX defines that layout, but ONNX Runtime's CPU kernels accept only `layout = 0`
 * (time-major). So a batch-first node exports as the time-major node between
 * Transposes: X [B,S,I] → [S,B,I], initial states [B,D,H] → [D,B,H], and back for
 * Y [S,D,B,H] → [B,S,D,H] and the final states. ORT folds or fuses the transposes;
 * any runtime computes the same values.
 */
import type { Attr, Dim, TensorType } from "../../ir/index.js";
import type { ExportContext, OnnxExport } from "./types.js";

function permuted(t: TensorType, perm: readonly number[]): TensorType {
  return { dtype: t.dtype, shape: perm.map((p) => t.shape[p] as Dim) };
}

/** Input positions of the initial states (initial_h, and initial_c for LSTM). */
const STATE_INPUTS = [5, 6];

function recurrent(op: "LSTM" | "GRU" | "RNN"): OnnxExport {
  return (cx: ExportContext) => {
    const { node } = cx;
    const layout = node.attrs["layout"];
    if (layout === undefined || (layout.kind === "int" && layout.value === 0)) {
      cx.emit(op, node.inputs, node.outputs, node.attrs);
      return;
    }
    const transpose = (i: number, perm: number[]): string => {
      const name = cx.input(i);
      if (name === "") return "";
      const out = cx.fresh(`${name}/time_major`, permuted(cx.inputType(i)!, perm));
      cx.emit("Transpose", [name], [out], { perm: { kind: "ints", value: perm } });
      return out;
    };
    const inputs = node.inputs.map((name, i) => {
      if (i === 0) return transpose(0, [1, 0, 2]);
      if (STATE_INPUTS.includes(i) && !(op !== "LSTM" && i === 6)) return transpose(i, [1, 0, 2]);
      return name;
    });
    const attrs: Record<string, Attr> = { ...node.attrs };
    delete attrs["layout"];
    // Outputs: Y [B,S,D,H] ← [S,D,B,H] by perm [2,0,1,3]; Y_h, Y_c [B,D,H] ← [D,B,H].
    const back = [
      { toIr: [2, 0, 1, 3], toOnnx: [1, 2, 0, 3] },
      { toIr: [1, 0, 2], toOnnx: [1, 0, 2] },
      { toIr: [1, 0, 2], toOnnx: [1, 0, 2] },
    ];
    const outputs = node.outputs.map((name, i) =>
      name === ""
        ? ""
        : cx.fresh(`${name}/time_major`, permuted(cx.outputType(i), back[i]!.toOnnx)),
    );
    cx.emit(op, inputs, outputs, attrs);
    outputs.forEach((tm, i) => {
      if (tm !== "")
        cx.emit("Transpose", [tm], [node.outputs[i]!], {
          perm: { kind: "ints", value: back[i]!.toIr },
        });
    });
  };
}

export const RECURRENT_EXPORTS: Readonly<Record<string, OnnxExport>> = {
  LSTM: recurrent("LSTM"),
  GRU: recurrent("GRU"),
  RNN: recurrent("RNN"),
};
