/**
 * A graph description: what `s2sc graph` draws, independent of how it is written.
 * Builders (`arch/`, `ir/`) produce one from a model; emitters (`emit/`) write it as DOT
 * or Mermaid, and `emit/svg.ts` lays the DOT out with Graphviz. One description for all
 * formats means they cannot disagree about what is in the picture.
 */

/** What a node stands for; emitters pick shape and colour from it. */
export type NodeKind =
  /** A graph input (tokens, a state, the memory). */
  | "input"
  /** A graph output (logits, memory, next state). */
  | "output"
  | "embedding"
  /** A position table beside the ⊕ that adds it. */
  | "position"
  /** A residual or positional addition (drawn as a small ⊕). */
  | "add"
  | "norm"
  /** Residual add followed by a norm (post_norm's "Add & Norm"). */
  | "add_norm"
  | "attention"
  | "feed_forward"
  | "recurrent"
  | "bridge"
  | "linear"
  /** The encoder's output that decoder attention reads. */
  | "memory"
  /** An IR operator. */
  | "op"
  /** A Scan body's input or output (a state or one step's slice). */
  | "scan_io";

/** What an edge carries; emitters pick the line style from it. */
export type EdgeKind =
  /** The main data flow; the only kind that decides the layout's ranks. */
  | "data"
  /** Encoder output read by decoder attention (drawn across, not ranked). */
  | "memory"
  /** The skip connection of a residual block. */
  | "residual"
  /** A value from a later step or layer fed back (input feeding, a loop's next state). */
  | "feedback"
  /** Recurrent state handed from encoder to decoder (the bridge). */
  | "state"
  /** Two nodes that share one weight tensor (shared embeddings, tied output). */
  | "tie";

export type ClusterKind =
  /** The encoder or decoder. */
  | "part"
  /** A stack drawn once with its repeat count (×N). */
  | "stack"
  /** The nodes of one layer path (IR level). */
  | "layer"
  /** A Scan and its body (IR level). */
  | "scan";

export interface GraphNode {
  id: string;
  kind: NodeKind;
  /** The first, emphasised line. */
  title: string;
  /** Further lines (settings, shapes, weights). */
  details: string[];
  /** Shown on hover where the format supports it (the full path of an IR node). */
  tooltip?: string;
}

export interface GraphEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  label?: string;
  /** Whether the edge decides the layout's ranks, when not as its kind says (DOT only). */
  ranked?: boolean;
}

/**
 * What a container holds, in drawing order. Nodes and clusters are interleaved because
 * Graphviz takes its first left-to-right order from the order of declaration.
 */
export type Member = { node: string } | { cluster: GraphCluster };

/** A cluster-like container: the top level of a picture or a cluster. */
export interface Container {
  members: Member[];
}

export interface GraphCluster extends Container {
  id: string;
  kind: ClusterKind;
  label: string;
}

export interface GraphDoc {
  title: string;
  /** Flow direction: `BT` (bottom to top, as architecture diagrams are drawn) or `TB`. */
  direction: "BT" | "TB";
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The top level: nodes outside any cluster, and the outermost clusters. */
  root: Container;
}

/** The clusters directly in `c`. */
export function clustersOf(c: Container): GraphCluster[] {
  return c.members.flatMap((m) => ("cluster" in m ? [m.cluster] : []));
}

/** The node ids directly in `c`. */
export function nodesOf(c: Container): string[] {
  return c.members.flatMap((m) => ("node" in m ? [m.node] : []));
}
