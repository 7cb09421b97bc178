/**
 * docs/railroad.html is the parser's grammar as railroad diagrams: regenerated from
 * the parser it is unchanged, it has every rule, and it needs nothing from the network.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { RAILROAD_PATH, railroadHtml } from "../../scripts/railroad.js";
import { serializedGrammar } from "../../src/parser/index.js";

const committed = () => readFileSync(RAILROAD_PATH, "utf8");

describe("docs/railroad.html", () => {
  it("is generated from the parser (else run `npx tsx scripts/gen-railroad.ts`)", () => {
    expect(committed()).toBe(railroadHtml());
  });

  it("draws every rule of the grammar", () => {
    const page = committed();
    const json = /window\.serializedGrammar = (\[[\s\S]*?\]);\n<\/script>/.exec(page)?.[1];
    expect(json).toBeDefined();
    const rules = (JSON.parse(json!) as { name: string }[]).map((r) => r.name);
    expect(rules).toEqual(serializedGrammar().map((r) => ("name" in r ? r.name : undefined)));
    expect(rules).toEqual(
      expect.arrayContaining(["file", "modelDecl", "body", "member", "expression"]),
    );
    expect(page).toContain(
      "main.drawDiagramsFromSerializedGrammar(serializedGrammar, diagramsDiv)",
    );
  });

  it("is self-contained: scripts and styles inline, nothing loaded from the network", () => {
    const page = committed();
    expect(page).not.toMatch(/<script[^>]*\ssrc=/);
    expect(page).not.toMatch(/<link[^>]*\shref=/);
    expect(page).toContain("var Diagram = railroad.Diagram;"); // chevrotain's builder, inlined
  });
});
