/**
 * `s2sc graph --format svg` for every model of every spec: well-formed SVG (checked
 * with an XML parser) whose text holds the labels the picture must show.
 */
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { everySpecModel, ROOT } from "./helpers.js";

async function svgOf(...argv: string[]): Promise<string> {
  const io = recordingIo(ROOT);
  const code = await main(["graph", ...argv, "--format", "svg"], io);
  expect(io.err).toBe("");
  expect(code).toBe(0);
  return io.out;
}

/** The root element and every `<text>`'s content, from a parsed SVG. */
function readSvg(svg: string): { root: Record<string, unknown>; texts: string[] } {
  expect(XMLValidator.validate(svg)).toBe(true);
  const doc = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: "@",
    // Graphviz writes some characters as numeric references (`&#45;` for `-`).
    htmlEntities: true,
  }).parse(svg);
  const texts: string[] = [];
  const walk = (v: unknown, inText: boolean): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, inText);
    else if (typeof v === "string" || typeof v === "number") {
      if (inText) texts.push(String(v));
    } else if (v !== null && typeof v === "object") {
      for (const [k, x] of Object.entries(v)) {
        if (k.startsWith("@")) continue;
        walk(x, k === "text" || (inText && k === "#text"));
      }
    }
  };
  walk(doc, false);
  return { root: doc.svg as Record<string, unknown>, texts };
}

describe("every spec draws as valid SVG", () => {
  for (const { file, model } of everySpecModel()) {
    it(`${file}:${model}`, async () => {
      const { root, texts } = readSvg(await svgOf(`${file}:${model}`));
      expect(root["@xmlns"]).toBe("http://www.w3.org/2000/svg");
      expect(root["@viewBox"]).toMatch(/^[\d.]+ [\d.]+ [\d.]+ [\d.]+$/);
      for (const label of [model, "Encoder", "Decoder", "Source tokens", "Linear", "Logits"])
        expect(texts).toContain(label);
    });
  }
});

it("shows the Transformer's stacks, attention types and cross-attention", async () => {
  const { texts } = readSvg(await svgOf("specs/papers/transformer.s2s:transformer_base"));
  expect(texts.filter((t) => t === "×6")).toHaveLength(2);
  for (const label of [
    "Self-attention",
    "Masked self-attention",
    "Cross-attention",
    "scaled_dot · 8 heads",
    "Add & Norm",
    "K, V",
    "tied to target embedding",
  ])
    expect(texts).toContain(label);
});

it("draws op graphs with Scan bodies as SVG too", async () => {
  const { texts } = readSvg(await svgOf("specs/tiny/attn_general.s2s", "--level", "ir", "-O0"));
  expect(texts).toContain("Scan · decoder/loop · body decoder_loop");
  expect(texts).toContain("LSTM");
  expect(texts).toContain("logits");
});
