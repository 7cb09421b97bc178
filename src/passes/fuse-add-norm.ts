/**
 * Residual add + norm → one op. Pattern: `LayerNormalization(Add(a, b), scale, bias)`
 * (or RMSNormalization) where a and b have the output's shape (no broadcasting) and the
 * norm's scale and bias are defined before the Add. Rewrite, at the Add's place:
 * `AddLayerNormalization(a, b, scale, bias)` (`AddRMSNormalization`) whose outputs keep
 * the norm's name and, when anything else reads the sum (the pre-norm residual stream),
 * the Add's name as a second output.
 */
import type { Graph, Node } from "../ir/index.js";
import { typesEqual } from "../ir/index.js";
import { eachGraph, makeNode, useCountsOf, type ValueTypes } from "./graph.js";
import type { Pass } from "./pass.js";

const FUSED: Record<string, string> = {
  LayerNormalization: "AddLayerNormalization",
  RMSNormalization: "AddRMSNormalization",
};

function fuseGraph(g: Graph, types: ValueTypes): boolean {
  const params = types.params;
  // Tables of the values this pass asks about, not of every value (see graph.ts): Add
  // outputs by node index, and the use counts of the sums norms read.
  const addAt = new Map<string, number>();
  const sums = new Set<string>();
  g.nodes.forEach((n, i) => {
    const [x] = n.inputs;
    const [y] = n.outputs;
    if (n.op === "Add" && y !== undefined && y !== "") addAt.set(y, i);
    else if (FUSED[n.op] !== undefined && x !== undefined && x !== "") sums.add(x);
  });
  const uses = useCountsOf(g, sums);
  let index: Map<string, number> | undefined;
  /** Index of the node producing `v` (a table of every value, built if a norm needs it). */
  const producedAt = (v: string): number | undefined => {
    if (index === undefined) {
      const m = new Map<string, number>();
      g.nodes.forEach((n, i) => {
        for (const o of n.outputs) if (o !== "") m.set(o, i);
      });
      index = m;
    }
    return index.get(v);
  };
  const replaced = new Map<Node, Node>();
  const removed = new Set<Node>();
  for (const norm of g.nodes) {
    const op = FUSED[norm.op];
    if (op === undefined || norm.outputs.length !== 1) continue;
    const addIndex = addAt.get(norm.inputs[0]!);
    const add = addIndex === undefined ? undefined : g.nodes[addIndex]!;
    if (add === undefined || replaced.has(add)) continue;
    const sum = add.outputs[0]!;
    const [a, b] = add.inputs as [string, string];
    const st = types.of(sum);
    const at = types.of(a);
    const bt = types.of(b);
    if (st === undefined || at === undefined || bt === undefined) continue;
    if (!typesEqual(at, st) || !typesEqual(bt, st) || st.dtype !== "float32") continue;
    const early = norm.inputs.slice(1).every((v) => {
      if (v === "" || params.has(v)) return true;
      const p = producedAt(v);
      return p !== undefined && p < addIndex!;
    });
    if (!early) continue;
    const outs = [norm.outputs[0]!];
    if ((uses.get(sum) ?? 0) > 1) outs.push(sum);
    const inputs = [a, b, ...norm.inputs.slice(1)];
    const attrs = Object.fromEntries(
      Object.entries(norm.attrs).filter(([k]) => k === "axis" || k === "epsilon"),
    );
    const fused = makeNode(types, op, norm.path, inputs, attrs, outs);
    if (norm.range !== undefined) fused.range = norm.range;
    replaced.set(add, fused);
    removed.add(norm);
  }
  if (replaced.size === 0) return false;
  g.nodes = g.nodes.filter((n) => !removed.has(n)).map((n) => replaced.get(n) ?? n);
  return true;
}

export const fuseAddNorm: Pass = {
  name: "fuse-add-norm",
  categories: ["broadcast", "reduction"],
  level: 2,
  doc: "Add(a, b) → LayerNormalization / RMSNormalization → AddLayerNormalization / AddRMSNormalization",
  run: (m) => eachGraph(m, fuseGraph),
};
