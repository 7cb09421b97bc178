/**
 * Writes a GraphDoc as Graphviz DOT. Labels are HTML-like (`label=<...>`) so that the
 * title can be bold and the details smaller; every text is escaped, so names with `<`,
 * `&` or quotes cannot break the file.
 *
 * The font is plain `Helvetica` because Graphviz sizes text from built-in metrics that
 * it has for a few named fonts only; svg.ts widens the SVG's font-family afterwards.
 */
import type { Container, GraphCluster, GraphDoc, GraphEdge, GraphNode } from "../types.js";
import { CLUSTER_STYLES, EDGE_STYLES, FONT, NODE_STYLES } from "./style.js";

export function toDot(doc: GraphDoc): string {
  const out: string[] = [];
  out.push(`digraph ${quote(doc.title)} {`);
  out.push(
    `  graph [rankdir=${doc.direction}, fontname=${quote(FONT)}, fontsize=12, ` +
      `nodesep=0.3, ranksep=0.32, label=<<b>${html(doc.title)}</b>>, labelloc=t, ` +
      `tooltip=${quote(doc.title)}];`,
  );
  out.push(
    `  node [fontname=${quote(FONT)}, fontsize=11, penwidth=0.9, margin="0.15,0.05", height=0.3];`,
  );
  out.push(`  edge [fontname=${quote(FONT)}, fontsize=9, arrowsize=0.7, penwidth=0.9];`);
  const w: Writer = { out, byId: new Map(doc.nodes.map((n) => [n.id, n])), doc };
  writeContainer(w, doc.root, "  ");
  for (const e of doc.edges) out.push(`  ${edge(e)}`);
  out.push("}");
  return out.join("\n") + "\n";
}

interface Writer {
  out: string[];
  byId: ReadonlyMap<string, GraphNode>;
  doc: GraphDoc;
}

function writeContainer(w: Writer, c: Container, indent: string): void {
  for (const m of c.members) {
    if ("node" in m) w.out.push(`${indent}${node(w.byId.get(m.node)!)}`);
    else writeCluster(w, m.cluster, indent);
  }
}

function writeCluster(w: Writer, c: GraphCluster, indent: string): void {
  const out = w.out;
  const s = CLUSTER_STYLES[c.kind];
  const style = ["rounded", "filled", ...(s.dashed ? ["dashed"] : [])].join(",");
  // A stack's count is the point of its box: bold, at the left like the papers' "N×".
  const label = c.kind === "stack" ? `<b>${html(c.label)}</b>` : html(c.label);
  // Graphviz places `labelloc` in flow terms: for `BT`, "b" is the top of the page.
  const labelloc = w.doc.direction === "BT" ? "b" : "t";
  out.push(`${indent}subgraph cluster_${c.id} {`);
  out.push(
    `${indent}  graph [label=<${label}>, style=${quote(style)}, fillcolor=${quote(s.fill)}, ` +
      `color=${quote(s.stroke)}, labeljust=l, labelloc=${labelloc}, fontsize=${c.kind === "stack" ? 14 : 11}, ` +
      `tooltip=${quote(c.label)}];`,
  );
  writeContainer(w, c, indent + "  ");
  out.push(`${indent}}`);
}

function node(n: GraphNode): string {
  const s = NODE_STYLES[n.kind];
  const style = ["filled", ...(s.rounded ? ["rounded"] : []), ...(s.dashed ? ["dashed"] : [])];
  const attrs = [
    `label=<${nodeLabel(n)}>`,
    `shape=${s.shape}`,
    `style=${quote(style.join(","))}`,
    `fillcolor=${quote(s.fill)}`,
    `color=${quote(s.stroke)}`,
    `tooltip=${quote(n.tooltip ?? n.title)}`,
  ];
  // The ⊕ of a residual or positional sum is a small fixed circle, as in the figures.
  if (n.kind === "add") attrs.push("width=0.3", "height=0.3", "fixedsize=true", "fontsize=14");
  return `${n.id} [${attrs.join(", ")}];`;
}

function nodeLabel(n: GraphNode): string {
  if (n.kind === "add") return html(n.title);
  const lines = [`<b>${html(n.title)}</b>`];
  for (const d of n.details) lines.push(`<font point-size="9">${html(d)}</font>`);
  return lines.join("<br/>");
}

function edge(e: GraphEdge): string {
  const s = EDGE_STYLES[e.kind];
  const attrs = [`color=${quote(s.color)}`];
  if (s.line === "bold") attrs.push("penwidth=1.8");
  else if (s.line !== "solid") attrs.push(`style=${s.line}`);
  if (!(e.ranked ?? s.constraint)) attrs.push("constraint=false");
  if (!s.arrow) attrs.push("dir=none");
  if (e.label !== undefined) attrs.push(`label=${quote(e.label)}`, `fontcolor=${quote(s.color)}`);
  return `${e.from} -> ${e.to} [${attrs.join(", ")}];`;
}

/** A DOT double-quoted string. */
export function quote(s: string): string {
  return `"${s.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
}

/** Text inside an HTML-like label. */
export function html(s: string): string {
  return s
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;");
}
