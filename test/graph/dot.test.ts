/** DOT text: structure, escaping, and that Graphviz reads it. */
import { describe, expect, it } from "vitest";
import { DocBuilder } from "../../src/graph/builder.js";
import { toDot } from "../../src/graph/emit/dot.js";
import { dotToSvg } from "../../src/graph/emit/svg.js";
import { archGraph } from "../../src/graph/index.js";
import { loadSpec } from "./helpers.js";

/** The block of `subgraph cluster_<id> { ... }` with its nested lines. */
function clusterBlock(dot: string, label: string): string {
  const lines = dot.split("\n");
  const at = lines.findIndex((l) => l.includes(`graph [label=<${label}>`));
  if (at < 1) throw new Error(`no cluster labelled ${label}`);
  const indent = lines[at - 1]!.match(/^ */)![0];
  const end = lines.findIndex((l, i) => i > at && l === `${indent}}`);
  return lines.slice(at - 1, end + 1).join("\n");
}

describe("the Transformer's DOT", () => {
  const l = loadSpec("specs/papers/transformer.s2s", "transformer_base");
  const dot = toDot(archGraph(l.model, l.module));

  it("draws bottom to top, with the encoder's ×6 stack inside the encoder cluster", () => {
    expect(dot.startsWith('digraph "transformer_base" {\n')).toBe(true);
    expect(dot).toContain("rankdir=BT");
    const encoder = clusterBlock(dot, "Encoder");
    expect(encoder).toContain("graph [label=<<b>×6</b>>");
    expect(encoder).toContain("<b>Self-attention</b>");
    expect(encoder).not.toContain("Cross-attention");
    const decoder = clusterBlock(dot, "Decoder");
    expect(decoder).toContain("graph [label=<<b>×6</b>>");
    expect(decoder).toContain("<b>Cross-attention</b>");
    expect(decoder).toContain("<b>Masked self-attention</b>");
  });

  it("has a cross-attention edge from the memory that does not pull the layout", () => {
    const id = (title: string) =>
      dot.match(new RegExp(`^\\s*(n\\d+) \\[label=<<b>${title}</b>`, "m"))![1];
    const memory = id("Memory");
    const cross = id("Cross-attention");
    const edge = dot.split("\n").find((l) => l.trim().startsWith(`${memory} -> ${cross} `));
    expect(edge).toBeDefined();
    expect(edge).toContain("constraint=false");
    expect(edge).toContain('label="K, V"');
  });

  it("is read by Graphviz", async () => {
    await expect(dotToSvg(dot)).resolves.toContain("<svg");
  });
});

describe("escaping", () => {
  const b = new DocBuilder();
  const x = b.node("op", 'a <b> & "c"', ["x\\y <z>"], 'tip "q"');
  const y = b.node("add", "+");
  b.edge(x, y, "data", 'say "hi" <there>');
  const dot = toDot(b.finish('model "odd" <name>', "TB"));

  it("escapes HTML-like labels and quoted strings", () => {
    expect(dot).toContain('digraph "model \\"odd\\" <name>" {');
    expect(dot).toContain("<b>a &lt;b&gt; &amp; &quot;c&quot;</b>");
    expect(dot).toContain("x\\y &lt;z&gt;");
    expect(dot).toContain('tooltip="tip \\"q\\""');
    expect(dot).toContain('label="say \\"hi\\" <there>"');
  });

  it("still gives Graphviz a graph it reads", async () => {
    const svg = await dotToSvg(dot);
    expect(svg).toContain("a &lt;b&gt; &amp; &quot;c&quot;");
  });

  it("reports Graphviz's own message for text it cannot read", async () => {
    await expect(dotToSvg("digraph { a -> ")).rejects.toThrow(/Graphviz could not lay out/);
  });
});
