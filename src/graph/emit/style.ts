/**
 * One palette for DOT and Mermaid. The colours follow the Transformer paper's figure —
 * pink embeddings, orange attention, blue feed-forward, yellow Add & Norm — so the
 * picture reads as the diagram people know; kinds the figure lacks get quiet colours.
 */
import type { ClusterKind, EdgeKind, NodeKind } from "../types.js";

export interface NodeStyle {
  fill: string;
  stroke: string;
  /** Graphviz shape; the Mermaid emitter maps it to its own brackets. */
  shape: "box" | "ellipse" | "circle" | "hexagon";
  rounded: boolean;
  dashed?: boolean;
}

export const NODE_STYLES: Readonly<Record<NodeKind, NodeStyle>> = {
  input: { fill: "#ffffff", stroke: "#555555", shape: "ellipse", rounded: false },
  output: { fill: "#ffffff", stroke: "#555555", shape: "ellipse", rounded: false },
  embedding: { fill: "#fcd9d3", stroke: "#b8675a", shape: "box", rounded: true },
  position: { fill: "#ffffff", stroke: "#b8675a", shape: "box", rounded: true, dashed: true },
  add: { fill: "#ffffff", stroke: "#555555", shape: "circle", rounded: false },
  norm: { fill: "#f3efb5", stroke: "#a39a2c", shape: "box", rounded: true },
  add_norm: { fill: "#f3efb5", stroke: "#a39a2c", shape: "box", rounded: true },
  attention: { fill: "#fbdfb4", stroke: "#c98a2b", shape: "box", rounded: true },
  feed_forward: { fill: "#c8e3f5", stroke: "#4d8ab5", shape: "box", rounded: true },
  recurrent: { fill: "#d3ecd0", stroke: "#4f9a47", shape: "box", rounded: true },
  bridge: { fill: "#e8dcf5", stroke: "#7b5aa6", shape: "hexagon", rounded: false },
  linear: { fill: "#ddd7f3", stroke: "#6a5fb0", shape: "box", rounded: true },
  memory: { fill: "#eeeeee", stroke: "#666666", shape: "box", rounded: false },
  op: { fill: "#f5f5f5", stroke: "#777777", shape: "box", rounded: true },
  scan_io: { fill: "#ffffff", stroke: "#c98a2b", shape: "ellipse", rounded: false, dashed: true },
};

export interface EdgeStyle {
  color: string;
  line: "solid" | "dashed" | "dotted" | "bold";
  /** Whether the edge decides ranks. Cross-links are drawn without pulling the layout. */
  constraint: boolean;
  arrow: boolean;
}

export const EDGE_STYLES: Readonly<Record<EdgeKind, EdgeStyle>> = {
  data: { color: "#444444", line: "solid", constraint: true, arrow: true },
  memory: { color: "#c0392b", line: "bold", constraint: false, arrow: true },
  residual: { color: "#999999", line: "solid", constraint: true, arrow: true },
  feedback: { color: "#2c7fb8", line: "dashed", constraint: false, arrow: true },
  state: { color: "#7b5aa6", line: "dashed", constraint: true, arrow: true },
  tie: { color: "#999999", line: "dotted", constraint: false, arrow: false },
};

export interface ClusterStyle {
  fill: string;
  stroke: string;
  dashed?: boolean;
}

export const CLUSTER_STYLES: Readonly<Record<ClusterKind, ClusterStyle>> = {
  part: { fill: "#f7f7f7", stroke: "#aaaaaa" },
  stack: { fill: "#e9e9e9", stroke: "#888888" },
  layer: { fill: "#ffffff", stroke: "#bbbbbb", dashed: true },
  scan: { fill: "#fff6e6", stroke: "#c98a2b" },
};

/** The font Graphviz measures text with (it has built-in metrics for Helvetica). */
export const FONT = "Helvetica";

/** What the SVG asks viewers for: Helvetica's look-alikes where it is missing. */
export const SVG_FONTS = "Helvetica,Arial,'Liberation Sans',sans-serif";
