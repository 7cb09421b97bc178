/**
 * Values computed from parameters alone — the merged Q/K/V weights and biases that
 * merge-projections concatenates, a transposed tied embedding, a scale folded into a
 * weight — are the same at every call. Left in the graph functions they would be
 * recomputed per forward pass, and on tfjs-wasm a fresh weight tensor also defeats
 * XNNPACK's cache of packed weights (it re-packs the matrix every call, which made the
 * merged projections slower than three separate ones). This plan lifts them into one
 * function, `deriveGraph(weights)`, that the API runs once and caches until a parameter
 * changes (see weightsFor in api.ts); the graph functions read them as
 * `weights["derived/..."]`.
 *
 * A node is derived when it is pure, has no subgraph, reads only parameters,
 * constants and derived values, and none of its outputs is a graph output (the caller
 * owns and may dispose graph outputs; a cached tensor must not be handed out). Nodes in
 * Scan bodies are lifted out of the loop the same way. Equal computations in different
 * graphs (decode and decode_step both merge the same projections) share one entry.
 */
import type { ConstTensor, Graph, Node, TensorType } from "../../../ir/index.js";

/** Ops whose result is not a function of their inputs alone. */
const IMPURE: ReadonlySet<string> = new Set(["Dropout", "Scan", "Constant"]);

export interface DerivePlan {
  /** The graph computing every derived value (outputs named `derived/...`), or none. */
  graph: Graph | undefined;
  /** For each graph (top level or body): its value names that are derived → their names. */
  names: Map<Graph, Map<string, string>>;
  /** The parameters the derived values read, in a fixed order (for cache validation). */
  from: string[];
}

interface Origin {
  /** Structural key of a value: same key, same tensor. */
  key: string;
  type: TensorType;
}

function constKey(c: ConstTensor): string {
  return `c:${c.dtype}[${c.dims.join(",")}]${c.data.join(",")}`;
}

export function planDerived(graphs: readonly Graph[], params: ReadonlySet<string>): DerivePlan {
  const names = new Map<Graph, Map<string, string>>();
  const nodes: Node[] = [];
  const values: Record<string, TensorType> = {};
  const byKey = new Map<string, string>();
  const constByKey = new Map<string, string>();
  const from = new Set<string>();
  const emitted = new Set<string>();
  const derivedNodes = new Set<Node>();
  let count = 0;

  /** A derive-graph value for a constant (copied once into the derive graph). */
  const constName = (c: ConstTensor): string => {
    const key = constKey(c);
    let name = constByKey.get(key);
    if (name === undefined) {
      name = `derived/const${constByKey.size}`;
      constByKey.set(key, name);
      nodes.push({
        op: "Constant",
        path: "derived",
        inputs: [],
        outputs: [name],
        attrs: { value: { kind: "tensor", value: c } },
      });
      values[name] = { dtype: c.dtype, shape: c.dims };
    }
    return name;
  };

  const visit = (
    graph: Graph,
    outer: ReadonlyMap<string, Origin>,
    outerConsts: ReadonlyMap<string, ConstTensor>,
  ): void => {
    const origin = new Map(outer);
    const consts = new Map(outerConsts);
    const mine = new Map<string, string>();
    const graphOutputs = new Set(graph.outputs.map((o) => o.name));
    // Graph inputs shadow outer names (a body's inputs are per-iteration values).
    for (const i of graph.inputs) {
      origin.delete(i.name);
      consts.delete(i.name);
    }
    const sourceOf = (name: string): string | undefined => {
      if (name === "") return "";
      if (params.has(name)) return `p:${name}`;
      const c = consts.get(name);
      if (c !== undefined) return constKey(c);
      return origin.get(name)?.key;
    };
    for (const node of graph.nodes) {
      const value = node.attrs["value"];
      if (node.op === "Constant" && value?.kind === "tensor" && node.outputs[0]) {
        consts.set(node.outputs[0], value.value);
        continue;
      }
      const body = node.attrs["body"];
      if (body?.kind === "graph") visit(body.value, origin, consts);
      if (IMPURE.has(node.op) || Object.values(node.attrs).some((a) => a.kind === "graph"))
        continue;
      if (node.outputs.some((o) => graphOutputs.has(o))) continue;
      const sources = node.inputs.map(sourceOf);
      if (sources.some((s) => s === undefined)) continue;
      const nodeKey = `${node.op}|${JSON.stringify(node.attrs)}|${sources.join(";")}`;
      node.outputs.forEach((out, i) => {
        if (out === "") return;
        const type = graph.values[out];
        if (type === undefined) return;
        const key = `${nodeKey}#${i}`;
        origin.set(out, { key, type });
        let name = byKey.get(key);
        if (name === undefined) {
          name = `derived/${count++}/${out}`;
          byKey.set(key, name);
        }
        mine.set(out, name);
      });
      derivedNodes.add(node);
      // Emit the node once into the derive graph, reading derive-graph names.
      if (!emitted.has(nodeKey)) {
        emitted.add(nodeKey);
        nodes.push({
          ...node,
          inputs: node.inputs.map((name) => {
            if (name === "" || params.has(name)) {
              if (name !== "") {
                from.add(name);
                const t = graph.values[name];
                if (t !== undefined) values[name] = t;
              }
              return name;
            }
            const c = consts.get(name);
            if (c !== undefined) return constName(c);
            return byKey.get(origin.get(name)!.key)!;
          }),
          outputs: node.outputs.map((o) => (o === "" ? "" : byKey.get(origin.get(o)!.key)!)),
        });
        node.outputs.forEach((o) => {
          if (o === "") return;
          const n = byKey.get(origin.get(o)!.key)!;
          values[n] = origin.get(o)!.type;
        });
      }
    }
    if (mine.size > 0) names.set(graph, mine);
  };
  for (const g of graphs) visit(g, new Map(), new Map());

  // The cache holds what the remaining nodes read; values only other derived nodes
  // read stay intermediates of deriveGraph.
  const read = new Set<string>();
  const collect = (graph: Graph, chain: Map<string, string>[]): void => {
    const scope = [names.get(graph) ?? new Map<string, string>(), ...chain];
    const lookup = (v: string) => scope.find((m) => m.has(v))?.get(v);
    for (const node of graph.nodes) {
      if (derivedNodes.has(node)) continue;
      for (const v of node.inputs) {
        const d = lookup(v);
        if (d !== undefined) read.add(d);
      }
      const body = node.attrs["body"];
      if (body?.kind === "graph") collect(body.value, scope);
    }
  };
  for (const g of graphs) collect(g, []);
  const graph: Graph | undefined =
    read.size === 0
      ? undefined
      : {
          name: "derive",
          inputs: [],
          outputs: [...read].sort().map((name) => ({ name, ...values[name]! })),
          nodes,
          values,
        };
  return { graph, names, from: [...from].sort() };
}
