/**
 * Residual add + norm → one op. Pattern: `LayerNormalization(Add(a, b), scale, bias)`
 * (or RMSNormalization) where a and b have the output's shape (no broadcasting) and the
 * norm's scale and bias are defined before the Add. Rewrite, at the Add's place:
 * `AddLayerNormalization(a, b, scale, bias)` (`AddRMSNormalization`) whose outputs keep
 * the norm's name and, when anything else reads the sum (the pre-norm residual stream),
 * the Add's name as a second output.
 */
import type { Graph, Node, TensorType } from "../ir/types.js";
import { typesEqual } from "../ir/verify.js";
import { eachGraph, makeNode, producers, useCounts } from "./graph.js";
import type { Pass } from "./pass.js";

const FUSED: Record<string, string> = {
  LayerNormalization: "AddLayerNormalization",
  RMSNormalization: "AddRMSNormalization",
};

function fuseGraph(g: Graph, params: Map<string, TensorType>): boolean {
  const uses = useCounts(g);
  const prod = producers(g);
  const index = new Map(g.nodes.map((n, i) => [n, i]));
  const replaced = new Map<Node, Node>();
  const removed = new Set<Node>();
  for (const norm of g.nodes) {
    const op = FUSED[norm.op];
    if (op === undefined || norm.outputs.length !== 1) continue;
    const add = prod.get(norm.inputs[0]!);
    if (add?.op !== "Add" || replaced.has(add)) continue;
    const sum = add.outputs[0]!;
    const [a, b] = add.inputs as [string, string];
    const st = g.values[sum];
    const at = g.values[a];
    const bt = g.values[b] ?? params.get(b);
    if (st === undefined || at === undefined || bt === undefined) continue;
    if (!typesEqual(at, st) || !typesEqual(bt, st) || st.dtype !== "float32") continue;
    const early = norm.inputs.slice(1).every((v) => {
      if (v === "" || params.has(v)) return true;
      const p = prod.get(v);
      return p !== undefined && index.get(p)! < index.get(add)!;
    });
    if (!early) continue;
    const outs = [norm.outputs[0]!];
    if ((uses.get(sum) ?? 0) > 1) outs.push(sum);
    const inputs = [a, b, ...norm.inputs.slice(1)];
    const attrs = Object.fromEntries(
      Object.entries(norm.attrs).filter(([k]) => k === "axis" || k === "epsilon"),
    );
    const fused = makeNode(g, params, op, norm.path, inputs, attrs, outs);
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
