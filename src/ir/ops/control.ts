/**
 * ONNX `Scan`: runs a body graph once per step along the scan axis, threading state.
 * The IR uses it for recurrences that LSTM/GRU cannot express: attention inside the
 * loop (RNNsearch) and input feeding (Luong). The body may read values of the
 * enclosing graph by name (ONNX outer-scope references), such as the encoder memory.
 *
 * Body inputs: N states, then one slice of each of the M scan inputs (axis removed).
 * Body outputs: N new states, then K per-step outputs, stacked along the output axis.
 */
import { Poly } from "../dims.js";
import type { Dim, Graph, TensorType } from "../types.js";
import { intAttr, intsAttr, need, ShapeError, type InferArgs, type OpDef } from "./def.js";

export function scanBody(a: Pick<InferArgs, "attrs">): Graph {
  const b = a.attrs["body"];
  if (b === undefined || b.kind !== "graph") throw new ShapeError("Scan: needs a body graph");
  return b.value;
}

/** The number of steps a Scan runs: the scan axis length of its first scan input. */
export function seqLength(a: InferArgs): Dim {
  const m = intAttr(a, "num_scan_inputs", 1);
  const n = a.inputs.length - m;
  const axes = intsAttr(a, "scan_input_axes") ?? [];
  const first = need(a, n, "Scan");
  return first.shape[axes[0] ?? 0]!;
}

/**
 * The MACs of one run of a graph. ir/cost.ts installs the real counter when it is loaded
 * (the op table cannot import cost.ts without an import cycle); count through cost.ts.
 */
export const bodyCost: { macs: (g: Graph) => Poly } = { macs: () => Poly.zero() };

export const CONTROL_OPS: OpDef[] = [
  {
    name: "Scan",
    domain: "",
    category: "opaque",
    inputs: [1, Infinity],
    outputs: [1, Infinity],
    attrs: {
      body: { kind: "graph", required: true },
      num_scan_inputs: { kind: "int", required: true },
      scan_input_axes: { kind: "ints" },
      scan_output_axes: { kind: "ints" },
    },
    infer(a) {
      const body = scanBody(a);
      const m = intAttr(a, "num_scan_inputs", 1);
      const n = a.inputs.length - m;
      if (n < 0) throw new ShapeError("Scan: more scan inputs than inputs");
      if (body.inputs.length !== n + m)
        throw new ShapeError("Scan: body takes the wrong number of inputs");
      const seq = seqLength(a);
      const outAxes = intsAttr(a, "scan_output_axes") ?? [];
      const outs: TensorType[] = [];
      body.outputs.forEach((o, i) => {
        if (i < n) {
          outs.push({ dtype: o.dtype, shape: [...o.shape] });
        } else {
          const axis = outAxes[i - n] ?? 0;
          const shape = [...o.shape];
          shape.splice(axis, 0, seq);
          outs.push({ dtype: o.dtype, shape });
        }
      });
      return outs;
    },
    macs(a) {
      return bodyCost.macs(scanBody(a)).mul(Poly.of(seqLength(a)));
    },
    doc: "ONNX Scan: a body graph run once per step, with state",
  },
];
