/**
 * Writes a GraphDoc as a Mermaid flowchart, for Markdown that renders Mermaid (GitHub,
 * GitLab, many doc sites). Clusters become `subgraph`s, edge kinds become Mermaid's
 * line styles (`-->`, `==>`, `-.->`, `-.-`) and node kinds `classDef`s with the palette
 * of style.ts. Text is written with Mermaid's entity codes (`#quot;`, `#lt;`), so no
 * name can end a label early. Mermaid has no rank control, so `ranked` is ignored.
 */
import type { Container, EdgeKind, GraphDoc, GraphEdge, GraphNode, NodeKind } from "../types.js";
import { CLUSTER_STYLES, EDGE_STYLES, NODE_STYLES, type NodeStyle } from "./style.js";

export function toMermaid(doc: GraphDoc): string {
  const out: string[] = [];
  out.push("---", `title: ${JSON.stringify(doc.title)}`, "---");
  out.push(`flowchart ${doc.direction}`);
  const byId = new Map(doc.nodes.map((n) => [n.id, n]));
  writeContainer(out, doc.root, byId, "  ");
  doc.edges.forEach((e) => out.push(`  ${edge(e)}`));
  // Mermaid styles links only by their index in the text: one line per kind, and none
  // for plain data edges, which keep Mermaid's default line.
  const byKind = new Map<EdgeKind, number[]>();
  doc.edges.forEach((e, i) => {
    if (e.kind !== "data") byKind.set(e.kind, [...(byKind.get(e.kind) ?? []), i]);
  });
  for (const [kind, indices] of byKind)
    out.push(`  linkStyle ${indices.join(",")} ${linkStyle(kind)}`);
  const kinds = [...new Set(doc.nodes.map((n) => n.kind))];
  for (const k of kinds) out.push(`  classDef ${k} ${classDef(NODE_STYLES[k])}`);
  for (const k of kinds) {
    const ids = doc.nodes.filter((n) => n.kind === k).map((n) => n.id);
    out.push(`  class ${ids.join(",")} ${k}`);
  }
  return out.join("\n") + "\n";
}

function writeContainer(
  out: string[],
  c: Container,
  byId: ReadonlyMap<string, GraphNode>,
  indent: string,
): void {
  for (const m of c.members) {
    if ("node" in m) {
      out.push(`${indent}${node(byId.get(m.node)!)}`);
      continue;
    }
    const s = CLUSTER_STYLES[m.cluster.kind];
    out.push(`${indent}subgraph ${m.cluster.id}["${text(m.cluster.label)}"]`);
    writeContainer(out, m.cluster, byId, indent + "  ");
    out.push(`${indent}end`);
    out.push(
      `${indent}style ${m.cluster.id} fill:${s.fill},stroke:${s.stroke}` +
        (s.dashed ? ",stroke-dasharray:4 3" : ""),
    );
  }
}

function node(n: GraphNode): string {
  const label =
    n.kind === "add"
      ? text(n.title)
      : [`<b>${text(n.title)}</b>`, ...n.details.map(text)].join("<br/>");
  const [open, close] = BRACKETS[n.kind];
  return `${n.id}${open}"${label}"${close}`;
}

/** Mermaid's node shapes closest to the Graphviz ones. */
const BRACKETS: Readonly<Record<NodeKind, readonly [string, string]>> = Object.fromEntries(
  (Object.entries(NODE_STYLES) as [NodeKind, NodeStyle][]).map(([k, s]) => [k, bracketsOf(s)]),
) as Record<NodeKind, readonly [string, string]>;

function bracketsOf(s: NodeStyle): readonly [string, string] {
  switch (s.shape) {
    case "ellipse":
      return ["([", "])"];
    case "circle":
      return ["((", "))"];
    case "hexagon":
      return ["{{", "}}"];
    case "box":
      return s.rounded ? ["(", ")"] : ["[", "]"];
  }
}

function edge(e: GraphEdge): string {
  const arrow = ARROWS[e.kind];
  const label = e.label === undefined ? "" : `|"${text(e.label)}"|`;
  return `${e.from} ${arrow}${label} ${e.to}`;
}

const ARROWS: Readonly<Record<EdgeKind, string>> = {
  data: "-->",
  memory: "==>",
  residual: "-->",
  feedback: "-.->",
  state: "-.->",
  tie: "-.-",
};

function linkStyle(kind: EdgeKind): string {
  const s = EDGE_STYLES[kind];
  return `stroke:${s.color}` + (s.line === "bold" ? ",stroke-width:2.5px" : "");
}

function classDef(s: NodeStyle): string {
  return `fill:${s.fill},stroke:${s.stroke}` + (s.dashed ? ",stroke-dasharray:4 3" : "");
}

/** Label text with Mermaid's entity codes for the characters that would end or open markup. */
export function text(s: string): string {
  return s
    .replace(/#/g, "#35;")
    .replace(/"/g, "#quot;")
    .replace(/</g, "#lt;")
    .replace(/>/g, "#gt;");
}
