/**
 * docs/graph.md shows real output: the committed picture and the Mermaid example are
 * what `s2sc graph` writes today. When a label or style changes, regenerate them:
 *
 *   s2sc graph specs/papers/transformer.s2s:transformer_base -o docs/img/transformer_base.svg
 *   s2sc graph specs/tiny/attn_dot.s2s --format mermaid   (paste into docs/graph.md)
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, it } from "vitest";
import { archGraph, renderGraph } from "../../src/graph/index.js";
import { loadSpec, ROOT } from "./helpers.js";

it("docs/img/transformer_base.svg is the current picture", async () => {
  const l = loadSpec("specs/papers/transformer.s2s", "transformer_base");
  const svg = await renderGraph(archGraph(l.model, l.module), "svg");
  expect(readFileSync(join(ROOT, "docs/img/transformer_base.svg"), "utf8")).toBe(svg);
});

it("docs/graph.md's Mermaid example is the current output", async () => {
  const l = loadSpec("specs/tiny/attn_dot.s2s");
  const mermaid = await renderGraph(archGraph(l.model, l.module), "mermaid");
  const doc = readFileSync(join(ROOT, "docs/graph.md"), "utf8");
  const block = doc.match(/```mermaid\n([^]*?)```/);
  expect(block?.[1]).toBe(mermaid);
});
