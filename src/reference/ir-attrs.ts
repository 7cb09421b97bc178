/**
 * IR attributes in the kernels' plain form. Graph and tensor attributes are left out:
 * no ONNX kernel reads them (Scan's body and Constant's value are graph-level, handled
 * by whoever runs the graph).
 */
import type { Attr } from "../ir/index.js";
import type { AttrValue } from "./tensor.js";

export function plainAttrs(attrs: Readonly<Record<string, Attr>>): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const [k, a] of Object.entries(attrs)) {
    if (a.kind === "graph" || a.kind === "tensor") continue;
    out[k] = a.value;
  }
  return out;
}
