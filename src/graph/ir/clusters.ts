/**
 * Places IR nodes in nested clusters by path. A cluster exists for every path that is a
 * row of the module's layer table or an ancestor of one, and for every top-level section
 * (`source`, `decoder`, `output`), so `decoder/layer1/attention/score_proj` lands in the
 * cluster of the layer `decoder/layer1/attention`, inside `layer1`, inside `decoder`.
 * Deeper paths than a layer are not clusters: they are said in the node's label.
 */
import type { LayerInfo } from "../../ir/index.js";
import type { DocBuilder } from "../builder.js";
import type { Container, GraphCluster } from "../types.js";

export interface Placement {
  container: Container;
  /** The path of that container ("" at the top of a scope). */
  path: string;
}

export class PathClusters {
  private readonly made = new Map<string, GraphCluster>();

  /**
   * `top` is where this scope's nodes go, and `base` the path it already stands for: a
   * Scan body inside the `decoder` cluster does not open a second `decoder`.
   */
  constructor(
    private readonly b: DocBuilder,
    private readonly layers: LayerTable,
    private readonly top: Container,
    private readonly base: string,
  ) {}

  place(path: string): Placement {
    const segments = path.split("/");
    let container = this.top;
    let at = this.base;
    for (let i = 1; i <= segments.length; i++) {
      const prefix = segments.slice(0, i).join("/");
      if (!this.layers.isCluster(prefix) || !isBelow(prefix, this.base)) continue;
      let c = this.made.get(prefix);
      if (c === undefined) {
        c = this.b.clusterIn(container, "layer", this.layers.label(prefix, at));
        this.made.set(prefix, c);
      }
      container = c;
      at = prefix;
    }
    return { container, path: at };
  }
}

/** The layer table, as the clusters need it. */
export class LayerTable {
  private readonly rows: Map<string, LayerInfo>;
  private readonly prefixes = new Set<string>();

  constructor(layers: readonly LayerInfo[]) {
    this.rows = new Map(layers.map((l) => [l.path, l]));
    for (const l of layers) {
      const s = l.path.split("/");
      for (let i = 1; i <= s.length; i++) this.prefixes.add(s.slice(0, i).join("/"));
    }
  }

  isCluster(path: string): boolean {
    return !path.includes("/") || this.prefixes.has(path);
  }

  /** The path relative to its parent cluster, with the layer's kind when it adds to it. */
  label(path: string, parent: string): string {
    const rel = parent === "" ? path : path.slice(parent.length + 1);
    const kind = this.rows.get(path)?.kind;
    if (kind === undefined || kind === rel) return rel;
    return kind.startsWith(rel) ? kind : `${rel} · ${kind}`;
  }
}

function isBelow(path: string, base: string): boolean {
  return base === "" || path.startsWith(base + "/");
}

/**
 * Merges a cluster that holds nothing but one cluster into it (`layer0` holding only
 * `lstm` becomes `layer0/lstm`): one box per level of nesting that tells something.
 */
export function collapseChains(c: Container): void {
  for (const m of c.members) {
    if (!("cluster" in m)) continue;
    const outer = m.cluster;
    for (;;) {
      const only = outer.members.length === 1 ? outer.members[0]! : undefined;
      if (only === undefined || !("cluster" in only) || only.cluster.kind !== outer.kind) break;
      outer.label = `${outer.label} / ${only.cluster.label}`;
      outer.members = only.cluster.members;
    }
    collapseChains(outer);
  }
}
