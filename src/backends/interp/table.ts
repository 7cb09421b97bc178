/**
 * The interpreter's op table: one entry per IR op, keyed by op name. Most entries are
 * the ONNX kernels of kernels/ (plain tensors in, tensors out); `Scan` and `Constant`
 * need the node itself (a body graph, a tensor attribute), so they are graph-level
 * entries here. test/ir/op-coverage.test.ts checks every IR op has an entry.
 */
import type { Node } from "../../ir/types.js";
import type { Env, RunContext } from "./execute.js";
import { plainAttrs, runGraph } from "./execute.js";
import { FUSED_KERNELS } from "./fused.js";
import { KERNELS } from "../../reference/kernels/index.js";
import type { Rng } from "../../reference/random.js";
import { makeTensor, allocData, type AttrValue, type Tensor } from "../../reference/tensor.js";
import { scan } from "./scan.js";

export interface InterpContext {
  rng: Rng;
  outputs: number;
  env: Env;
  run: RunContext;
}

export type InterpKernel = (
  inputs: readonly (Tensor | undefined)[],
  node: Node,
  ctx: InterpContext,
) => (Tensor | undefined)[];

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
    return scan(inputs, node, ctx, runGraph);
  },
};

export const INTERP_KERNELS: Readonly<Record<string, InterpKernel>> = {
  ...Object.fromEntries(Object.keys(KERNELS).map((k) => [k, onnxKernel(k)])),
  ...GRAPH_KERNELS,
  ...FUSED_KERNELS,
};
