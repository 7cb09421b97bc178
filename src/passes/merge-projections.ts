/**
 * Merging projections of one input. Pattern: two or more `FusedMatMul` (or bare
 * `MatMul`) nodes reading the same x with parameter weights [K, Nᵢ], the same
 * activation, all with or all without parameter biases — the Q, K and V projections of
 * self-attention, and the K and V projections of every cross-attention (which the
 * elaborator computes together in the encode graph). Rewrite, at the first one's place:
 * `FusedMatMul(x, Concat(W₁..Wₙ, axis 1), Concat(b₁..bₙ)) {splits=[N₁..Nₙ]}` whose
 * outputs keep the original names. One pass over x instead of n; the Concats read only
 * parameters, so a backend may compute them once per weight load.
 */
import type { Attr, Graph, Node, TensorType } from "../ir/index.js";
import { eachGraph, makeNode, Namer, type ValueTypes } from "./graph.js";
import type { Pass } from "./pass.js";

interface Member {
  node: Node;
  w: string;
  b: string | undefined;
  n: number;
}

function member(n: Node, params: Map<string, TensorType>): { key: string; m: Member } | undefined {
  if (n.op !== "MatMul" && n.op !== "FusedMatMul") return undefined;
  if (n.outputs.length !== 1 || n.attrs["splits"] !== undefined || n.attrs["transB"] !== undefined)
    return undefined;
  const [x, w, b] = n.inputs as [string, string, string | undefined];
  const wt = params.get(w);
  if (wt === undefined || wt.shape.length !== 2 || wt.dtype !== "float32") return undefined;
  if (b !== undefined && b !== "" && !params.has(b)) return undefined;
  const hasBias = b !== undefined && b !== "";
  const act = n.attrs["activation"]?.value ?? "";
  return {
    key: `${x}|${wt.shape[0]}|${String(act)}|${hasBias}`,
    m: { node: n, w, b: hasBias ? b : undefined, n: wt.shape[1] as number },
  };
}

function mergeGraph(g: Graph, types: ValueTypes, namer: Namer): boolean {
  const params = types.params;
  const groups = new Map<string, Member[]>();
  for (const n of g.nodes) {
    const r = member(n, params);
    if (r === undefined) continue;
    const list = groups.get(r.key) ?? [];
    list.push(r.m);
    groups.set(r.key, list);
  }
  const at = new Map<Node, Node[]>();
  const removed = new Set<Node>();
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const first = list[0]!.node;
    const path = commonPath(list.map((l) => l.node.path));
    const wcat = namer.next(`${path}/merged_weight`);
    const catW = makeNode(
      types,
      "Concat",
      path,
      list.map((l) => l.w),
      { axis: { kind: "int", value: 1 } },
      [wcat],
    );
    const nodes: Node[] = [catW];
    const inputs = [first.inputs[0]!, wcat];
    if (list[0]!.b !== undefined) {
      const bcat = namer.next(`${path}/merged_bias`);
      nodes.push(
        makeNode(
          types,
          "Concat",
          path,
          list.map((l) => l.b!),
          { axis: { kind: "int", value: 0 } },
          [bcat],
        ),
      );
      inputs.push(bcat);
    }
    const attrs: Record<string, Attr> = { splits: { kind: "ints", value: list.map((l) => l.n) } };
    const act = first.attrs["activation"];
    if (act !== undefined) attrs["activation"] = act;
    const outs = list.map((l) => l.node.outputs[0]!);
    const fused = makeNode(types, "FusedMatMul", path, inputs, attrs, outs);
    if (first.range !== undefined) fused.range = first.range;
    nodes.push(fused);
    at.set(first, nodes);
    list.forEach((l) => removed.add(l.node));
  }
  if (at.size === 0) return false;
  g.nodes = g.nodes.flatMap((n) => at.get(n) ?? (removed.has(n) ? [] : [n]));
  return true;
}

/** The longest common `/`-separated prefix of paths (the enclosing layer). */
function commonPath(paths: string[]): string {
  const parts = paths.map((p) => p.split("/"));
  const out: string[] = [];
  for (let i = 0; parts.every((p) => i < p.length && p[i] === parts[0]![i]); i++)
    out.push(parts[0]![i]!);
  return out.length > 0 ? out.join("/") : "merged";
}

export const mergeProjections: Pass = {
  name: "merge-projections",
  categories: ["matmul", "injective"],
  level: 2,
  doc: "projections of the same input (Q/K/V, cross-attention K/V) → one FusedMatMul over concatenated weights",
  unprofitableOn: {
    targets: ["tfjs"],
    why:
      "tfjs slices copy their whole input (wasm's Slice reads it back with readSync; cpu's is a JS loop), " +
      "so splitting the merged product costs more than the two matmuls it saves: " +
      "transformer_tiny's forward took 0.96-1.04x as long on wasm and 1.3x as long on cpu with it",
  },
  run: (m) => {
    const namer = new Namer(m, "/merged_");
    return eachGraph(m, (g, types) => mergeGraph(g, types, namer));
  },
};
