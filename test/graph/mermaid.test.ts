/**
 * Mermaid text: structure and escaping. (The output was also checked once with Mermaid's
 * own parser, `mermaid.parse`, which needs a DOM; these tests check the structure that
 * parser relies on without one.)
 */
import { describe, expect, it } from "vitest";
import { DocBuilder } from "../../src/graph/builder.js";
import { toMermaid } from "../../src/graph/emit/mermaid.js";
import { archGraph, irGraph } from "../../src/graph/index.js";
import { loadSpec } from "./helpers.js";

const NODE = /^\s*(n\d+)(\(\[|\(\(|\{\{|\(|\[)"([^"]*)"(\]\)|\)\)|\}\}|\)|\])$/;
const EDGE = /^\s*(n\d+) (-->|==>|-\.->|-\.-)(\|"([^"]*)"\|)? (n\d+)$/;

interface Parsed {
  nodes: Map<string, string>;
  edges: { from: string; arrow: string; label: string | undefined; to: string }[];
  /** Subgraph titles with the titles of the subgraphs around them. */
  subgraphs: string[][];
  /** Edge indices given a style, with repeats. */
  linkStyles: number[];
}

/** Reads back the subset of Mermaid that toMermaid writes; throws on any other line. */
function parse(text: string): Parsed {
  const lines = text.trimEnd().split("\n");
  expect(lines.slice(0, 3)).toEqual(["---", expect.stringMatching(/^title: ".*"$/), "---"]);
  expect(lines[3]).toMatch(/^flowchart (BT|TB)$/);
  const p: Parsed = { nodes: new Map(), edges: [], subgraphs: [], linkStyles: [] };
  const open: string[] = [];
  for (const line of lines.slice(4)) {
    const sub = line.match(/^\s*subgraph (c\d+)\["([^"]*)"\]$/);
    const node = line.match(NODE);
    const edge = line.match(EDGE);
    if (sub) {
      open.push(sub[2]!);
      p.subgraphs.push([...open]);
    } else if (line.trim() === "end") {
      expect(open.pop()).toBeDefined();
    } else if (node) {
      p.nodes.set(node[1]!, node[3]!);
    } else if (edge) {
      p.edges.push({ from: edge[1]!, arrow: edge[2]!, label: edge[4], to: edge[5]! });
    } else if (/^\s*linkStyle [\d,]+ stroke:#[0-9a-f]{6}(,stroke-width:[\d.]+px)?$/.test(line)) {
      p.linkStyles.push(...line.trim().split(" ")[1]!.split(",").map(Number));
    } else if (!/^\s*(style c\d+ .+|classDef \w+ .+|class [n\d,]+ \w+)$/.test(line)) {
      throw new Error(`unexpected line: ${line}`);
    }
  }
  expect(open).toEqual([]);
  return p;
}

describe("the Transformer's Mermaid", () => {
  const l = loadSpec("specs/papers/transformer.s2s", "transformer_base");
  const doc = archGraph(l.model, l.module);
  const p = parse(toMermaid(doc));
  const idOf = (title: string) =>
    [...p.nodes].find(([, label]) => label.startsWith(`<b>${title}</b>`))![0];

  it("nests a ×6 stack in the encoder and in the decoder", () => {
    expect(p.subgraphs).toEqual([["Encoder"], ["Encoder", "×6"], ["Decoder"], ["Decoder", "×6"]]);
  });

  it("draws the cross-attention edge from the memory, thick and labelled", () => {
    const e = p.edges.find((x) => x.to === idOf("Cross-attention") && x.from === idOf("Memory"));
    expect(e).toEqual({
      from: idOf("Memory"),
      arrow: "==>",
      label: "K, V",
      to: idOf("Cross-attention"),
    });
  });

  it("declares every node an edge uses, and styles every edge but plain data", () => {
    for (const e of p.edges) {
      expect(p.nodes.has(e.from)).toBe(true);
      expect(p.nodes.has(e.to)).toBe(true);
    }
    const styled = p.edges.flatMap((e, i) =>
      e.arrow === "-->" && e.label === undefined ? [] : [i],
    );
    const residual = doc.edges.flatMap((e, i) => (e.kind === "residual" ? [i] : []));
    expect([...p.linkStyles].sort((a, b) => a - b)).toEqual(
      [...styled, ...residual].sort((a, b) => a - b),
    );
    expect([...p.nodes.values()]).toContain("<b>Add & Norm</b><br/>layer_norm");
  });
});

it("writes IR pictures with Scan bodies as nested subgraphs", () => {
  const { module } = loadSpec("specs/tiny/attn_additive.s2s");
  const p = parse(toMermaid(irGraph(module, "decode")));
  expect(p.subgraphs.some((s) => s[s.length - 1]!.startsWith("Scan · decoder/loop"))).toBe(true);
  expect(p.edges.filter((e) => e.arrow === "-.->" && e.label === "next step").length).toBe(
    module.config.state.length,
  );
});

it("escapes text with Mermaid's entity codes", () => {
  const b = new DocBuilder();
  const x = b.node("op", 'a "b" <c> #d', ["[1, 2]"]);
  const y = b.node("op", "y");
  b.edge(x, y, "tie", 'e "f"');
  const text = toMermaid(b.finish('t "q"', "TB"));
  expect(text).toContain('title: "t \\"q\\""');
  expect(text).toContain('n0("<b>a #quot;b#quot; #lt;c#gt; #35;d</b><br/>[1, 2]")');
  expect(text).toContain('n0 -.-|"e #quot;f#quot;"| n1');
  parse(text);
});
