/**
 * The interpreter's op table: one entry per IR op, keyed by op name. Most entries are
 * the reference ONNX kernels of src/reference (plain tensors in, tensors out); `Scan` and `Constant`
 * need the node itself (a body graph, a tensor attribute), so they are graph-level
 * entries here. test/ir/op-coverage.test.ts checks every IR op has an entry.
 */
import type { Node } from "../../ir/index.js";
import {
  KERNELS,
  allocData,
  makeTensor,
  plainAttrs,
  type AttrValue,
  type Tensor,
} from "../../reference/index.js";
import { FUSED_KERNELS } from "./fused.js";
import type { InterpKernel } from "./kernel.js";
import { scan } from "./scan.js";

const attrCache = new WeakMap<Node, Record<string, AttrValue>>();

function onnxKernel(name: string): InterpKernel {
  const k = KERNELS[name]!;
  return (inputs, node, ctx) => {
    let attrs = attrCache.get(node);
    if (attrs === undefined) {
      attrs = plainAttrs(node.attrs);
      attrCache.set(node, attrs);
    }
    return k(inputs, attrs, { rng: ctx.rng, outputs: ctx.outputs });
  };
}

const GRAPH_KERNELS: Record<string, InterpKernel> = {
  Constant(_inputs, node) {
    const v = node.attrs["value"];
    if (v?.kind !== "tensor") throw new Error(`Constant at ${node.path} has no tensor value`);
    const data = allocData(v.value.dtype, v.value.data.length);
    data.set(v.value.data);
    return [makeTensor(v.value.dtype, v.value.dims, data)];
  },
  Scan(inputs, node, ctx) {
    return scan(inputs, node, ctx);
  },
};

export const INTERP_KERNELS: Readonly<Record<string, InterpKernel>> = {
  ...Object.fromEntries(Object.keys(KERNELS).map((k) => [k, onnxKernel(k)])),
  ...GRAPH_KERNELS,
  ...FUSED_KERNELS,
};
