/**
 * The fused ops of domain s2s export as the standard ONNX compositions that define them
 * (src/ir/ops/fused.ts), so any ONNX runtime loads the files; a runtime's own fusions
 * (ORT fuses MatMul+Add, Add+LayerNormalization, ...) recover the speed.
 */
import type { Attr, TensorType } from "../../ir/index.js";
import type { ExportContext, OnnxExport } from "./types.js";

const ACTIVATION_OPS: Record<string, { op: string; attrs?: Record<string, Attr> }> = {
  relu: { op: "Relu" },
  sigmoid: { op: "Sigmoid" },
  tanh: { op: "Tanh" },
  gelu: { op: "Gelu", attrs: { approximate: { kind: "string", value: "none" } } },
};

/** `Split(act(Add(MatMul(A, transB ? Transpose(B) : B), bias)), splits, axis = -1)`. */
const fusedMatMul: OnnxExport = (cx: ExportContext) => {
  const { node } = cx;
  const a = cx.inputType(0)!;
  const b = cx.inputType(1)!;
  const transB = node.attrs["transB"];
  const act = node.attrs["activation"];
  const activation = act?.kind === "string" ? act.value : "";
  const splitsAttr = node.attrs["splits"];
  const splits = splitsAttr?.kind === "ints" ? splitsAttr.value : undefined;
  const trans = transB?.kind === "int" && transB.value !== 0;
  const n = (trans ? b.shape[0] : b.shape[1]) as number;
  const full: TensorType = { dtype: a.dtype, shape: [...a.shape.slice(0, -1), n] };
  const base = `${node.outputs.find((o) => o !== "") ?? node.path}`;

  // The steps, each writing a fresh value except the last, which writes the result.
  const steps: { op: string; inputs: string[]; attrs?: Record<string, Attr> }[] = [];
  let w = cx.input(1);
  if (trans) {
    const t = cx.fresh(`${base}/transposed_b`, {
      dtype: b.dtype,
      shape: [b.shape[1]!, b.shape[0]!],
    });
    cx.emit("Transpose", [w], [t], { perm: { kind: "ints", value: [1, 0] } });
    w = t;
  }
  steps.push({ op: "MatMul", inputs: [cx.input(0), w] });
  if (cx.input(2) !== "") steps.push({ op: "Add", inputs: [cx.input(2)] });
  const actOp = ACTIVATION_OPS[activation];
  if (actOp !== undefined)
    steps.push({ op: actOp.op, inputs: [], ...(actOp.attrs ? { attrs: actOp.attrs } : {}) });
  const split = splits !== undefined && splits.length > 1;
  if (split) steps.push({ op: "Split", inputs: [cx.constant64(`${base}/splits`, splits)] });

  let prev = "";
  steps.forEach((s, i) => {
    const last = i === steps.length - 1;
    // The running value comes first, except in MatMul, whose inputs are complete.
    const inputs = i === 0 ? s.inputs : [prev, ...s.inputs];
    if (last) {
      const attrs = s.op === "Split" ? { axis: { kind: "int" as const, value: -1 } } : s.attrs;
      // Split's outputs are not optional in ONNX: an unread one gets a name of its own.
      const outputs =
        s.op === "Split"
          ? node.outputs.map((o, k) =>
              o !== "" ? o : cx.fresh(`${base}/split${k}`, cx.outputType(k)),
            )
          : [node.outputs[0]!];
      cx.emit(s.op, inputs, outputs, attrs);
    } else {
      prev = cx.fresh(`${base}/${s.op}`, full);
      cx.emit(s.op, inputs, [prev], s.attrs);
    }
  });
};

/** `Norm(A + B, scale, bias?)`, with the sum as optional output 1. */
function addNorm(norm: "LayerNormalization" | "RMSNormalization"): OnnxExport {
  return (cx: ExportContext) => {
    const { node } = cx;
    const sum =
      cx.output(1) !== "" ? cx.output(1) : cx.fresh(`${cx.output(0)}/sum`, cx.outputType(0));
    cx.emit("Add", [cx.input(0), cx.input(1)], [sum]);
    const rest = node.inputs.slice(2);
    cx.emit(norm, [sum, ...rest], [cx.output(0)], node.attrs);
  };
}

export const FUSED_EXPORTS: Readonly<Record<string, OnnxExport>> = {
  FusedMatMul: fusedMatMul,
  AddLayerNormalization: addNorm("LayerNormalization"),
  AddRMSNormalization: addNorm("RMSNormalization"),
};
