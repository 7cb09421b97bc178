/**
 * ONNX Scan for the interpreter: N state inputs, M scan inputs sliced along their scan
 * axis; the body runs once per step with the enclosing values visible, and per-step
 * outputs are stacked along their output axis.
 */
import type { Node } from "../../ir/index.js";
import { allocData, makeTensor, sizeOf, type Tensor } from "../../reference/index.js";
import { Env } from "./env.js";
import type { InterpContext } from "./kernel.js";

/** Slice `t` at index `i` of `axis`, removing the axis. */
function sliceAxis(t: Tensor, axis: number, i: number): Tensor {
  const dims = t.dims;
  const outer = sizeOf(dims.slice(0, axis));
  const n = dims[axis]!;
  const inner = sizeOf(dims.slice(axis + 1));
  const data = allocData(t.dtype, outer * inner);
  for (let o = 0; o < outer; o++)
    data.set(t.data.subarray((o * n + i) * inner, (o * n + i + 1) * inner), o * inner);
  return makeTensor(t.dtype, [...dims.slice(0, axis), ...dims.slice(axis + 1)], data);
}

/** Stacks equal-shaped tensors along a new `axis`. */
function stack(
  ts: readonly Tensor[],
  axis: number,
  fallbackDims: readonly number[],
  dtype: Tensor["dtype"],
): Tensor {
  const dims = ts[0]?.dims ?? fallbackDims;
  const outer = sizeOf(dims.slice(0, axis));
  const inner = sizeOf(dims.slice(axis));
  const n = ts.length;
  const data = allocData(ts[0]?.dtype ?? dtype, outer * n * inner);
  ts.forEach((t, i) => {
    for (let o = 0; o < outer; o++)
      data.set(t.data.subarray(o * inner, (o + 1) * inner), (o * n + i) * inner);
  });
  return makeTensor(ts[0]?.dtype ?? dtype, [...dims.slice(0, axis), n, ...dims.slice(axis)], data);
}

export function scan(
  inputs: readonly (Tensor | undefined)[],
  node: Node,
  ctx: Pick<InterpContext, "env" | "run" | "runGraph">,
): Tensor[] {
  const body = node.attrs["body"];
  if (body?.kind !== "graph") throw new Error(`Scan at ${node.path} has no body`);
  const g = body.value;
  const m = node.attrs["num_scan_inputs"]?.value as number;
  const n = inputs.length - m;
  const inAxes = (node.attrs["scan_input_axes"]?.value as number[] | undefined) ?? [];
  const outAxes = (node.attrs["scan_output_axes"]?.value as number[] | undefined) ?? [];
  let states = inputs.slice(0, n) as Tensor[];
  const scans = inputs.slice(n) as Tensor[];
  const steps = scans[0]!.dims[inAxes[0] ?? 0]!;
  const k = g.outputs.length - n;
  const collected: Tensor[][] = Array.from({ length: k }, () => []);
  const outer = new Env(ctx.env);
  for (let t = 0; t < steps; t++) {
    const feeds = new Map<string, Tensor>();
    g.inputs.forEach((inp, i) => {
      feeds.set(inp.name, i < n ? states[i]! : sliceAxis(scans[i - n]!, inAxes[i - n] ?? 0, t));
    });
    const outs = ctx.runGraph(g, feeds, outer, ctx.run);
    const vals = g.outputs.map((o) => outs.get(o.name)!);
    states = vals.slice(0, n);
    vals.slice(n).forEach((v, j) => collected[j]!.push(v));
  }
  const stacked = collected.map((ts, j) => {
    const o = g.outputs[n + j]!;
    const fallback = o.shape.map((d) => (typeof d === "number" ? d : 0));
    return stack(ts, outAxes[j] ?? 0, fallback, o.dtype);
  });
  return [...states, ...stacked];
}
