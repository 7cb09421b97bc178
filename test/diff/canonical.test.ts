/**
 * The canonical resolved form (`diff --canonical`, the git textconv): equal
 * architectures print alike, and the form is itself a spec that checks and resolves to
 * the same architecture, so a text diff of two canonical forms is an architecture diff.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../src/check/index.js";
import { canonicalForm, canonicalModel } from "../../src/diff/canonical.js";
import { diffModels } from "../../src/diff/index.js";
import { elaborate } from "../../src/elaborate/index.js";
import { memoryHost } from "../../src/source/host.js";
import { checkedFixture, fixtureText } from "./helpers.js";

const body = (text: string) => text.replace(/^model \w+ \{$/m, "model _ {");

describe("canonical form", () => {
  it("is the same for a spec, its reformatting, and a rewrite with other lets and extends", () => {
    const luong = canonicalModel(checkedFixture("luong.s2s")[0]!);
    expect(canonicalModel(checkedFixture("luong_reformatted.s2s")[0]!)).toBe(luong);
    const rewritten = checkedFixture("luong_rewritten.s2s").find((m) => m.name === "luong_again")!;
    expect(body(canonicalModel(rewritten))).toBe(body(luong));
  });

  it("writes stacks of equal layers as `stack N`, sections in reading order, settings sorted", () => {
    const text = canonicalModel(checkedFixture("luong.s2s")[0]!);
    // The structure (the settings in between depend on the schema's fields).
    expect(text.split("\n").filter((l) => /\{$|^\s*\}$/.test(l))).toEqual([
      "model luong {",
      "  source {",
      "  }",
      "  target {",
      "  }",
      "  encoder {",
      "    stack 2 {",
      "      lstm {",
      "      }",
      "    }",
      "  }",
      "  decoder {",
      "    stack 2 {",
      "      lstm {",
      "      }",
      "    }",
      "    attention general {",
      "    }",
      "  }",
      "  output {",
      "  }",
      "  train {",
      "  }",
      "}",
    ]);
    // Resolved values: lets folded, numbers plain, defaults written out.
    expect(text).toContain(
      "  source {\n    embed = 256\n    scale = false\n    vocab = 8000\n  }\n",
    );
    expect(text).toContain(
      "      lstm {\n        bidirectional = false\n        dropout = 0.2\n        hidden = 256\n      }\n",
    );
    // Within each block, settings are sorted by name.
    const blocks = text.split(/\{\n|\}\n/).map((b) =>
      b
        .split("\n")
        .filter((l) => / = /.test(l))
        .map((l) => l.trim().split(" = ")[0]!),
    );
    for (const names of blocks) expect(names).toEqual([...names].sort());
  });

  // Every spec of the repo and every fixture: the canonical form checks, each of its
  // models diffs equal to the original, and printing it again changes nothing.
  const files = [
    ...readdirSync(new URL("../../specs/papers/", import.meta.url)).map((f) => `specs/papers/${f}`),
    ...readdirSync(new URL("../../specs/tiny/", import.meta.url)).map((f) => `specs/tiny/${f}`),
    ...["transformer.s2s", "luong.s2s", "luong_rewritten.s2s", "stacks.s2s", "attention.s2s"].map(
      (f) => `fixture:${f}`,
    ),
  ].filter((f) => f.endsWith(".s2s"));

  it.each(files)("round-trips %s", (file) => {
    const text = file.startsWith("fixture:")
      ? fixtureText(file.slice("fixture:".length))
      : readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
    const original = checkProgram("a.s2s", memoryHost({ "a.s2s": text }));
    expect(original.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const canonical = canonicalForm(original.models);
    const again = checkProgram("c.s2s", memoryHost({ "c.s2s": canonical }));
    expect(again.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(canonicalForm(again.models)).toBe(canonical);
    expect(again.models.map((m) => m.name)).toEqual(original.models.map((m) => m.name));
    original.models.forEach((m, i) => {
      const a = elaborate(m).module;
      const b = elaborate(again.models[i]!).module;
      if (a === undefined || b === undefined) return; // a model the elaborator refuses (a budget test spec)
      const d = diffModels(
        { model: m, module: a },
        { model: again.models[i]!, module: b },
        { referenceLength: 8 },
      );
      expect(d.equal).toBe(true);
    });
  });
});
