// Issue #19's joints in the language: a layer's variant changed through `extends`, the
// second-attention rule naming where the sections came from, a parameter written as a
// variant, vocabularies too small for the special tokens, and words where a bool goes.
import { describe, expect, it } from "vitest";
import { SPECIAL_TOKENS } from "../../src/data/vocab.js";
import { elaborate } from "../../src/elaborate/index.js";
import { MIN_VOCAB } from "../../src/check/schema.js";
import { check, checkedModel, firstDiagnostic, model, section, setting } from "./helpers.js";

const LUONG = `
model luong(w = 32, depth = 2) {
  source { vocab = 16  embed = w }
  target { vocab = 16  embed = w }
  encoder { stack depth { lstm { hidden = w } } }
  decoder {
    stack depth { lstm { hidden = w } }
    attention general { input_feeding = true }
  }
}
`;

/** The elaboration diagnostics of model `name` (which must pass checking). */
function elaborationDiagnostics(source: string, name: string) {
  return elaborate(checkedModel(source, name)).diagnostics;
}

describe("a variant changed through extends", () => {
  it("replaces the parent's section in place, with none of its settings", () => {
    const src = LUONG + "model m extends luong { decoder { attention dot { } } }";
    const dec = section(checkedModel(src, "m").root, "decoder");
    expect(
      dec.children.map((c) => (c.kind === "stack" ? "stack" : `${c.head} ${c.variant}`)),
    ).toEqual(["stack", "attention dot"]);
    expect(setting(section(dec, "attention"), "input_feeding")).toBe("false default");
  });

  it("elaborates: the child has one attention section", () => {
    const src = LUONG + "model m extends luong { decoder { attention dot { } } }";
    expect(elaborationDiagnostics(src, "m")).toEqual([]);
  });

  it("still merges a section with the same variant", () => {
    const src = LUONG + "model m extends luong { decoder { attention general { } } }";
    const att = section(checkedModel(src, "m").root, "decoder", "attention");
    expect(setting(att, "input_feeding")).toBe("true spec");
  });

  it("does not replace a parent section that another child section merges into", () => {
    const src =
      LUONG + "model m extends luong { decoder { attention dot { } attention general { } } }";
    const dec = section(checkedModel(src, "m").root, "decoder");
    expect(
      dec.children.map((c) => (c.kind === "stack" ? "stack" : `${c.head} ${c.variant}`)),
    ).toEqual(["stack", "attention general", "attention dot"]);
    const d = elaborationDiagnostics(src, "m")[0]!;
    expect(d.code).toBe("S2S3008");
    expect(d.message).toContain("`attention dot` comes after `attention general`");
    // Both are the child's text: the merged section is reported where it was written.
    expect(d.related?.[0]?.range.start.line).toBe(11);
  });
});

describe("one attention section in a recurrent decoder", () => {
  it("says when a stack repeats the one the user wrote", () => {
    const src = model({
      decoder: "decoder { stack 3 { lstm { hidden = 32 } attention general { } } }",
    });
    const [d] = elaborationDiagnostics(src, "m");
    expect(d?.code).toBe("S2S3008");
    expect(d?.message).toContain("inside a `stack` that repeats it 3 times");
    expect(d?.hint).toContain("out of the stack");
  });
});

describe("a parameter written as a variant", () => {
  it("is an unknown variant whose hint says variants are words", () => {
    const src = `model m(kind = dot) {
  source { vocab = 16  embed = 32 }
  target { vocab = 16  embed = 32 }
  encoder { lstm { hidden = 32 } }
  decoder { lstm { hidden = 32 }  attention kind { } }
}`;
    const d = firstDiagnostic(src, "S2S2023");
    expect(d.hint).toContain("`kind` is a parameter, but a variant is a word");
  });
});

describe("vocabulary sizes", () => {
  it("leave room for the special tokens", () => {
    expect(MIN_VOCAB).toBe(SPECIAL_TOKENS.length);
  });

  for (const [where, src] of [
    ["source", model({ source: "source { vocab = 3  embed = 32 }" })],
    ["model", model({ source: "source { embed = 32 }", extra: "vocab = 3" })],
  ] as const) {
    it(`reject vocab = 3 on the ${where} at the value`, () => {
      const d = firstDiagnostic(src, "S2S2025");
      expect(d.message).toBe("`vocab` must be an integer in [4, 16777216], not 3");
      expect(d.hint).toContain("<pad> <bos> <eos> <unk>");
      const line = src.split("\n")[d.range.start.line - 1]!;
      expect(line.slice(d.range.start.column - 1, d.range.end.column - 1)).toBe("3");
      // One mistake, one diagnostic: the sides that inherit it are not also "missing".
      expect(check(src).diagnostics.map((x) => x.code)).toEqual(["S2S2025"]);
    });
  }

  it("accept vocab = 4", () => {
    checkedModel(model({ source: "source { vocab = 4  embed = 32 }" }), "m");
  });
});

describe("a word where a bool goes", () => {
  it("is an undefined name with a true/false hint", () => {
    const d = firstDiagnostic(model({ extra: "output { tied = yes }" }), "S2S2001");
    expect(d.hint).toBe("a bool is written `true` or `false`");
  });

  it("keeps the did-you-mean hint elsewhere", () => {
    const r = check(model({ extra: "let width = 8\n  dropout = widht" }));
    expect(r.diagnostics.find((d) => d.code === "S2S2001")?.hint).toContain("width");
  });
});
