/**
 * Builds a GraphDoc in drawing order. Ids are assigned by counting (`n0`, `n1`, ...,
 * `c0`, ...), so the same model always gives the same text in every format.
 */
import type {
  ClusterKind,
  Container,
  EdgeKind,
  GraphCluster,
  GraphDoc,
  GraphEdge,
  GraphNode,
  NodeKind,
} from "./types.js";

export class DocBuilder {
  private readonly nodes: GraphNode[] = [];
  private readonly edges: GraphEdge[] = [];
  private readonly root: Container = { members: [] };
  /** Where new nodes and clusters go: the innermost open cluster. */
  private readonly open: Container[] = [this.root];
  private clusterCount = 0;

  /** Adds a node to the innermost open cluster and returns its id. */
  node(kind: NodeKind, title: string, details: readonly string[] = [], tooltip?: string): string {
    return this.nodeIn(this.current(), kind, title, details, tooltip);
  }

  /** Adds a node to a given container (IR pictures place nodes by path, not by nesting). */
  nodeIn(
    where: Container,
    kind: NodeKind,
    title: string,
    details: readonly string[] = [],
    tooltip?: string,
  ): string {
    const id = `n${this.nodes.length}`;
    this.nodes.push({ id, kind, title, details: [...details], ...(tooltip ? { tooltip } : {}) });
    where.members.push({ node: id });
    return id;
  }

  edge(
    from: string,
    to: string,
    kind: EdgeKind = "data",
    label?: string,
    opts: { ranked?: boolean } = {},
  ): void {
    this.edges.push({ from, to, kind, ...(label === undefined ? {} : { label }), ...opts });
  }

  /** Runs `draw` with a new cluster open, so that the nodes it adds go inside. */
  cluster<T>(kind: ClusterKind, label: string, draw: () => T): T {
    const c = this.openCluster(kind, label);
    try {
      return draw();
    } finally {
      this.closeCluster(c);
    }
  }

  /** Opens a cluster inside the current one; close it with `closeCluster`. */
  openCluster(kind: ClusterKind, label: string): GraphCluster {
    const c = this.clusterIn(this.current(), kind, label);
    this.open.push(c);
    return c;
  }

  /** Creates a cluster inside `parent` without opening it (for `nodeIn`). */
  clusterIn(parent: Container, kind: ClusterKind, label: string): GraphCluster {
    const c: GraphCluster = { id: `c${this.clusterCount++}`, kind, label, members: [] };
    parent.members.push({ cluster: c });
    return c;
  }

  /** The top level of the picture. */
  get top(): Container {
    return this.root;
  }

  closeCluster(c: GraphCluster): void {
    if (this.current() !== c) throw new Error("internal: clusters closed out of order");
    this.open.pop();
  }

  finish(title: string, direction: GraphDoc["direction"]): GraphDoc {
    if (this.open.length !== 1) throw new Error("internal: a cluster was left open");
    return {
      title,
      direction,
      nodes: this.nodes,
      edges: this.edges,
      root: this.root,
    };
  }

  private current(): Container {
    return this.open[this.open.length - 1]!;
  }
}
