/**
 * What the emitter needs to know about a graph before writing it, including its nested
 * Scan bodies: which nodes are live (contribute to an output), which values are read,
 * and which are read as tensors — a Constant read only as a shape or an axis becomes a
 * literal and is never created as a tensor.
 */
import type { Graph, Node } from "../../../ir/types.js";
import type { Lowering } from "../lowering/types.js";

export interface Analysis {
  live: Set<Node>;
  /** Values read by live nodes (at any depth) or returned by a graph. */
  used: Set<string>;
  /** Values read at a tensor position (not a compile-time or host input). */
  tensorUse: Set<string>;
}

export function analyze(graph: Graph, lowerings: Readonly<Record<string, Lowering>>): Analysis {
  const a: Analysis = { live: new Set(), used: new Set(), tensorUse: new Set() };
  visit(graph, lowerings, a);
  return a;
}

/** Marks what `graph` needs for all its outputs; returns the names it reads from outside. */
function visit(
  graph: Graph,
  lowerings: Readonly<Record<string, Lowering>>,
  a: Analysis,
): Set<string> {
  const need = new Set<string>();
  for (const o of graph.outputs) {
    need.add(o.name);
    a.used.add(o.name);
    a.tensorUse.add(o.name);
  }
  const defined = new Set(graph.inputs.map((i) => i.name));
  for (const node of graph.nodes) for (const o of node.outputs) if (o !== "") defined.add(o);
  for (let k = graph.nodes.length - 1; k >= 0; k--) {
    const node = graph.nodes[k]!;
    if (!node.outputs.some((o) => o !== "" && need.has(o))) continue;
    a.live.add(node);
    const lowering = lowerings[node.op];
    const atCompileTime = new Set(lowering?.constInputs ?? []);
    const host = new Set(lowering?.hostInputs ?? []);
    node.inputs.forEach((name, i) => {
      if (name === "") return;
      need.add(name);
      a.used.add(name);
      if (!atCompileTime.has(i) && !host.has(i)) a.tensorUse.add(name);
    });
    const body = node.attrs["body"];
    if (body?.kind === "graph") {
      for (const name of visit(body.value, lowerings, a)) need.add(name);
    }
  }
  return new Set([...need].filter((n) => !defined.has(n)));
}
