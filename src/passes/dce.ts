/**
 * Dead-code elimination. Pattern: a node none of whose outputs is read (by a node, a
 * Scan body or a graph output). Rewrite: remove it. Runs backwards, so whole dead
 * chains go in one sweep. Dropout is kept even when dead: it draws from the run's
 * random stream, and removing one would change the masks of the dropouts after it.
 */
import type { Pass } from "./pass.js";
import { eachGraph, readByBodies } from "./graph.js";

export const STATEFUL_OPS: ReadonlySet<string> = new Set(["Dropout"]);

export const dce: Pass = {
  name: "dce",
  categories: ["elementwise", "broadcast", "injective", "reduction", "matmul", "opaque"],
  level: 1,
  doc: "remove nodes whose outputs nobody reads",
  run: (m) =>
    eachGraph(m, (g) => {
      // The values read by a kept node after this one, a Scan body or a graph output
      // (one set filled going backwards, rather than use counts of every value).
      const read = readByBodies(g);
      for (const o of g.outputs) read.add(o.name);
      const keep: boolean[] = new Array<boolean>(g.nodes.length);
      let changed = false;
      for (let i = g.nodes.length - 1; i >= 0; i--) {
        const n = g.nodes[i]!;
        const live = STATEFUL_OPS.has(n.op) || n.outputs.some((o) => o !== "" && read.has(o));
        keep[i] = live;
        if (live) {
          for (const x of n.inputs) if (x !== "") read.add(x);
        } else changed = true;
      }
      if (changed) g.nodes = g.nodes.filter((_, i) => keep[i]);
      return changed;
    }),
};
