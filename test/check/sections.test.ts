// Checking sections and settings against the schema: where sections go, variants,
// unknown and repeated members, with the hints a user needs.
import { describe, expect, it } from "vitest";
import { expectDiagnostics, firstDiagnostic, model } from "./helpers.js";

describe("placement", () => {
  it("rejects cross_attention and attention in an encoder, saying where they belong", () => {
    const d = firstDiagnostic(model({ encoder: "encoder { cross_attention { } }" }), "S2S2022");
    expect(d.message).toBe("`cross_attention` is not allowed in `encoder`");
    expect(d.hint).toBe("`cross_attention` belongs in `decoder`");
    expectDiagnostics(model({ encoder: "encoder { stack 2 { attention dot { } } }" }), [
      "S2S2022@4:23",
    ]);
  });

  it("rejects layers outside the encoder and decoder, and parts inside them", () => {
    expectDiagnostics(model({ extra: "lstm { hidden = 8 }" }), ["S2S2022@6:3"]);
    expectDiagnostics(model({ encoder: "encoder { source { } lstm { hidden = 8 } }" }), [
      "S2S2022@4:13",
    ]);
    expectDiagnostics(model({ source: "source { vocab = 16  embed = 32  lstm { hidden = 8 } }" }), [
      "S2S2022@2:36",
    ]);
  });

  it("rejects stacks outside the encoder and decoder, and settings directly in a stack", () => {
    const d = firstDiagnostic(model({ extra: "stack 2 { }" }), "S2S2022");
    expect(d.message).toBe("`stack` is not allowed in `model`");
    expect(d.range.end.column - d.range.start.column).toBe(5);
    expectDiagnostics(
      model({ encoder: "encoder { stack 2 { dropout = 0.1  lstm { hidden = 8 } } }" }),
      ["S2S2020@4:23"],
    );
  });

  it("allows nested stacks", () => {
    expectDiagnostics(
      model({ encoder: "encoder { stack 2 { stack 3 { lstm { hidden = 8 } } } }" }),
      [],
    );
  });

  it("suggests a section name for a misspelled head", () => {
    const d = firstDiagnostic(model({ decoder: "decoder { self_atention { } }" }), "S2S2021");
    expect(d.hint).toBe("did you mean `self_attention`?");
    const e = firstDiagnostic(model({ decoder: "decoder { conv { } }" }), "S2S2021");
    expect(e.hint).toContain("`decoder` may contain `lstm`");
  });

  it("requires source, target, encoder and decoder", () => {
    expectDiagnostics("model m { }\n", [
      "S2S2029@1:7",
      "S2S2029@1:7",
      "S2S2029@1:7",
      "S2S2029@1:7",
    ]);
  });

  it("rejects a part given twice", () => {
    const r = expectDiagnostics(model({ extra: "encoder { gru { hidden = 8 } }" }), [
      "S2S2030@6:3",
    ]);
    expect(r.diagnostics[0]!.related?.[0]?.range.start.line).toBe(4);
  });

  it("allows repeated layers", () => {
    expectDiagnostics(
      model({ encoder: "encoder { lstm { hidden = 8 } lstm { hidden = 8 } }" }),
      [],
    );
  });
});

describe("variants", () => {
  it("rejects a variant on a section without variants", () => {
    expectDiagnostics(model({ encoder: "encoder { gru fast { hidden = 8 } }" }), ["S2S2031@4:17"]);
    expectDiagnostics(model({ extra: "output tied { }" }), ["S2S2031@6:10"]);
  });

  it("explains multi_head instead of accepting it", () => {
    const d = firstDiagnostic(
      model({ decoder: "decoder { lstm { hidden = 8 } attention multi_head { heads = 4 } }" }),
      "S2S2023",
    );
    expect(d.hint).toBe("multi-head attention is `scaled_dot` with `heads = h`");
  });

  it("rejects other variants on self- and cross-attention", () => {
    const d = firstDiagnostic(
      model({ encoder: "encoder { self_attention additive { } }" }),
      "S2S2023",
    );
    expect(d.hint).toBe("the variants are scaled_dot");
  });

  it("does not cascade from a wrong variant into the fields", () => {
    expectDiagnostics(
      model({ decoder: "decoder { lstm { hidden = 8 } attention addtive { hidden = 8 } }" }),
      ["S2S2023@5:43"],
    );
    expectDiagnostics(model({ decoder: "decoder { lstm { hidden = 8 } attention { } }" }), [
      "S2S2032@5:33",
    ]);
  });

  it("requires hidden for additive attention only", () => {
    expectDiagnostics(
      model({ decoder: "decoder { lstm { hidden = 8 } attention additive { } }" }),
      ["S2S2027@5:33"],
    );
    expectDiagnostics(
      model({ decoder: "decoder { lstm { hidden = 8 } attention general { } }" }),
      [],
    );
  });
});

describe("settings", () => {
  it("suggests the field for a misspelling", () => {
    const d = firstDiagnostic(
      model({ encoder: "encoder { self_attention { heds = 8 } }" }),
      "S2S2020",
    );
    expect(d.message).toBe("`self_attention` has no field `heds`");
    expect(d.hint).toBe("did you mean `heads`?");
  });

  it("says which variant a field belongs to", () => {
    const d = firstDiagnostic(
      model({ decoder: "decoder { lstm { hidden = 8 } attention dot { hidden = 8 } }" }),
      "S2S2020",
    );
    expect(d.hint).toBe("`hidden` applies to `attention additive` only");
  });

  it("points at the section that has a misplaced field", () => {
    const d = firstDiagnostic(
      model({ decoder: "decoder { cross_attention { causal = true } }" }),
      "S2S2020",
    );
    expect(d.hint).toBe("`causal` is a field of `self_attention`");
  });

  it("checks types and ranges", () => {
    expectDiagnostics(model({ encoder: "encoder { lstm { hidden = true } }" }), ["S2S2024@4:29"]);
    expectDiagnostics(model({ encoder: "encoder { lstm { hidden = -4 } }" }), ["S2S2025@4:29"]);
    expectDiagnostics(model({ extra: "dropout = 1" }), ["S2S2025@6:13"]);
    expectDiagnostics(model({ extra: "dropout = -0.1" }), ["S2S2025@6:13"]);
    expectDiagnostics(model({ extra: "train { lr = 0 }" }), ["S2S2025@6:16"]);
    expectDiagnostics(model({ extra: "train { warmup = 0 }" }), []);
    expectDiagnostics(model({ extra: 'share_embeddings = "yes"' }), ["S2S2024@6:22"]);
  });

  it("hints at writing a word without quotes", () => {
    const d = firstDiagnostic(model({ extra: 'bridge = "dense"' }), "S2S2024");
    expect(d.hint).toBe("write dense without quotes");
  });

  it("reports a setting given twice in one body", () => {
    const r = expectDiagnostics(model({ extra: "dropout = 0.1  dropout = 0.2" }), ["S2S2028@6:18"]);
    expect(r.diagnostics[0]!.related?.[0]?.range.start.column).toBe(3);
  });

  it("rejects stack counts that are not positive ints", () => {
    const stack = (n: string) =>
      model({ encoder: `encoder { stack ${n} { lstm { hidden = 8 } } }` });
    expectDiagnostics(stack("0"), ["S2S2043@4:19"]);
    expectDiagnostics(stack("-2"), ["S2S2043@4:19"]);
    expectDiagnostics(stack("1.5"), ["S2S2043@4:19"]);
    expectDiagnostics(stack("true"), ["S2S2043@4:19"]);
    expectDiagnostics(stack("6 / 2"), []);
  });
});

describe("sections and fields confused", () => {
  it("tells a section written as a setting, and a field written as a section", () => {
    expect(firstDiagnostic(model({ encoder: "encoder { lstm = 3 }" }), "S2S2020").hint).toBe(
      "`lstm` is a section: write `lstm { ... }`",
    );
    expect(firstDiagnostic(model({ encoder: "encoder { heads { } }" }), "S2S2021").hint).toBe(
      "`heads` is a field: write `heads = ...`",
    );
  });
});
