/**
 * Common-subexpression elimination. Pattern: two nodes with the same op, inputs and
 * attributes (Constant nodes with the same tensor). Rewrite: readers of the later one
 * read the earlier one; dce then removes it. Dropout (random) and nodes with a graph
 * attribute (Scan) are never merged; a node whose output is a graph output or is read
 * by a Scan body by name is kept (its name is part of an interface).
 */
import type { Attr, Node } from "../ir/index.js";
import { STATEFUL_OPS } from "./dce.js";
import { eachGraph, interfaceNames, Renames } from "./graph.js";
import type { Pass } from "./pass.js";

/** Constants larger than this are not compared (tables are unique anyway). */
const MAX_CONST = 4096;

function attrKey(attrs: Record<string, Attr>): string | undefined {
  const parts: string[] = [];
  for (const k of Object.keys(attrs).sort()) {
    const a = attrs[k]!;
    if (a.kind === "graph") return undefined;
    if (a.kind === "tensor" && a.value.data.length > MAX_CONST) return undefined;
    parts.push(`${k}=${JSON.stringify(a)}`);
  }
  return parts.join(";");
}

export function nodeKey(n: Node): string | undefined {
  if (STATEFUL_OPS.has(n.op)) return undefined;
  const attrs = attrKey(n.attrs);
  if (attrs === undefined) return undefined;
  return `${n.op}(${n.inputs.join(",")})[${attrs}]#${n.outputs.length}`;
}

export const cse: Pass = {
  name: "cse",
  categories: ["elementwise", "broadcast", "injective", "reduction", "matmul", "opaque"],
  level: 1,
  doc: "readers of a node that repeats an earlier one (same op, inputs, attributes) read the earlier one",
  run: (m) =>
    eachGraph(m, (g) => {
      const fixed = interfaceNames(g);
      const renames = new Renames();
      const seen = new Map<string, Node>();
      let changed = false;
      for (let k = 0; k < g.nodes.length; k++) {
        const n = renames.rewrite(g.nodes[k]!);
        g.nodes[k] = n;
        const key = nodeKey(n);
        if (key === undefined) continue;
        const first = seen.get(key);
        if (first === undefined) {
          seen.set(key, n);
          continue;
        }
        if (!n.outputs.every((o) => o === "" || !fixed.has(o))) continue;
        n.outputs.forEach((o, i) => {
          const to = first.outputs[i];
          if (o === "" || to === undefined || to === "") return;
          renames.set(o, to);
          changed = true;
        });
      }
      return changed;
    }),
};
