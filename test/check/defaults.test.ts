// Defaults and inheritance: every field present in the checked model, with its origin.
import { describe, expect, it } from "vitest";
import { checkedModel, expectDiagnostics, model, section, setting } from "./helpers.js";

describe("defaults", () => {
  it("fills every defaulted field with origin `default` and no range", () => {
    const m = checkedModel(model(), "m");
    expect(setting(m.root, "bridge")).toBe("copy default");
    expect(setting(m.root, "residual")).toBe("post_norm default");
    expect(setting(m.root, "position")).toBe("none default");
    expect(m.root.settings["bridge"]!.range).toBeUndefined();
    const lstm = section(m.root, "encoder", "lstm");
    expect(setting(lstm, "bidirectional")).toBe("false default");
    expect(setting(lstm, "dropout")).toBe("0 default");
  });

  it("leaves optional fields without a default absent", () => {
    const m = checkedModel(model({ encoder: "encoder { self_attention { } }" }), "m");
    expect(setting(m.root, "vocab")).toBe("absent");
    expect(setting(m.root, "max_length")).toBe("absent");
    expect(setting(section(m.root, "encoder", "self_attention"), "key_dim")).toBe("absent");
  });

  it("fills the default variant and canonicalises aliases", () => {
    const m = checkedModel(
      model({
        encoder: "encoder { self_attention { } }",
        decoder: "decoder { cross_attention { } attention concat { hidden = 4 } }",
      }),
      "m",
    );
    expect(section(m.root, "encoder", "self_attention").variant).toBe("scaled_dot");
    expect(section(m.root, "decoder", "cross_attention").variant).toBe("scaled_dot");
    expect(section(m.root, "decoder", "attention").variant).toBe("additive");
    expect(section(m.root, "encoder").variant).toBeUndefined();
  });

  it("has only the fields of the attention variant", () => {
    const m = checkedModel(
      model({ decoder: "decoder { lstm { hidden = 32 } attention dot { } }" }),
      "m",
    );
    expect(Object.keys(section(m.root, "decoder", "attention").settings)).toEqual([
      "input_feeding",
    ]);
    const s = checkedModel(
      model({ decoder: "decoder { lstm { hidden = 32 } attention scaled_dot { } }" }),
      "m",
    );
    expect(Object.keys(section(s.root, "decoder", "attention").settings)).toEqual([
      "input_feeding",
      "heads",
    ]);
  });

  it("makes decoder self-attention causal by default, encoder self-attention not", () => {
    const m = checkedModel(
      model({
        encoder: "encoder { self_attention { } }",
        decoder: "decoder { stack 2 { self_attention { } } }",
      }),
      "m",
    );
    expect(setting(section(m.root, "encoder", "self_attention"), "causal")).toBe("false default");
    expect(setting(section(m.root, "decoder", "stack", "self_attention"), "causal")).toBe(
      "true default",
    );
  });

  it("adds unwritten output and train parts, marked implicit", () => {
    const m = checkedModel(model(), "m");
    const out = section(m.root, "output");
    expect(out.implicit).toBe(true);
    expect(setting(out, "tied")).toBe("false default");
    expect(setting(out, "bias")).toBe("true default");
    const train = section(m.root, "train");
    expect(setting(train, "optimizer")).toBe("adam default");
    expect(setting(train, "betas")).toBe("[0.9,0.999] default");
    const written = checkedModel(model({ extra: "output { tied = true }" }), "m");
    expect(section(written.root, "output").implicit).toBeUndefined();
  });

  it("orders settings by the schema, whatever order they are written in", () => {
    const m = checkedModel(
      model({ source: "source { scale = true  embed = 32  vocab = 16 }" }),
      "m",
    );
    expect(Object.keys(section(m.root, "source").settings)).toEqual(["vocab", "embed", "scale"]);
  });
});

describe("inheritance", () => {
  it("takes dropout from the nearest enclosing level that writes it", () => {
    const m = checkedModel(
      model({
        encoder:
          "encoder { dropout = 0.2  lstm { hidden = 8 }  lstm { hidden = 8  dropout = 0.5 } }",
        extra: "dropout = 0.1",
      }),
      "m",
    );
    const enc = section(m.root, "encoder");
    expect(setting(enc, "dropout")).toBe("0.2 spec");
    expect(setting(section(m.root, "encoder", "lstm#0"), "dropout")).toBe("0.2 inherited");
    expect(setting(section(m.root, "encoder", "lstm#1"), "dropout")).toBe("0.5 spec");
    expect(setting(section(m.root, "decoder"), "dropout")).toBe("0.1 inherited");
    const dec = section(m.root, "decoder", "lstm");
    expect(setting(dec, "dropout")).toBe("0.1 inherited");
    // The range of an inherited value is where it is written.
    expect(dec.settings["dropout"]!.range!.start.line).toBe(6);
    expect(setting(section(m.root, "train"), "dropout")).toBe("0.1 inherited");
  });

  it("inherits position, max_length, residual and norm into the encoder and decoder", () => {
    const m = checkedModel(
      model({
        encoder: "encoder { residual = none  self_attention { } }",
        extra: "position = learned  max_length = 128  residual = pre_norm  norm = rms_norm",
      }),
      "m",
    );
    const enc = section(m.root, "encoder");
    const dec = section(m.root, "decoder");
    expect(setting(enc, "residual")).toBe("none spec");
    expect(setting(dec, "residual")).toBe("pre_norm inherited");
    expect(setting(enc, "position")).toBe("learned inherited");
    expect(setting(dec, "max_length")).toBe("128 inherited");
    expect(setting(dec, "norm")).toBe("rms_norm inherited");
  });

  it("takes source and target vocab from the model's vocab", () => {
    const m = checkedModel(
      model({
        source: "source { embed = 8 }",
        target: "target { embed = 8  vocab = 99 }",
        extra: "vocab = 50",
      }),
      "m",
    );
    expect(setting(section(m.root, "source"), "vocab")).toBe("50 inherited");
    expect(setting(section(m.root, "target"), "vocab")).toBe("99 spec");
  });

  it("reports a vocab that is neither written nor inherited", () => {
    const r = expectDiagnostics(model({ source: "source { embed = 8 }" }), ["S2S2027@2:3"]);
    expect(r.diagnostics[0]!.message).toBe("`source` needs `vocab`");
    expect(r.diagnostics[0]!.hint).toContain("or set it on the `model`");
  });
});

describe("rules between fields", () => {
  it("needs max_length for learned positions where they apply, reported once", () => {
    expectDiagnostics(model({ extra: "position = learned" }), ["S2S2051@6:3"]);
    expectDiagnostics(
      model({ encoder: "encoder { position = learned  max_length = 8  lstm { hidden = 8 } }" }),
      [],
    );
    // The decoder inherits `learned` but not the encoder's max_length.
    expectDiagnostics(
      model({
        encoder: "encoder { max_length = 8  lstm { hidden = 8 } }",
        extra: "position = learned",
      }),
      ["S2S2051@6:3"],
    );
  });

  it("needs one vocabulary for shared embeddings", () => {
    expectDiagnostics(
      model({
        source: "source { embed = 8 }",
        target: "target { embed = 8 }",
        extra: "vocab = 10  share_embeddings = true",
      }),
      [],
    );
    expectDiagnostics(model({ extra: "share_embeddings = true" }), []);
    expectDiagnostics(
      model({
        source: "source { embed = 8 }",
        target: "target { embed = 8  vocab = 12 }",
        extra: "vocab = 10  share_embeddings = true",
      }),
      ["S2S2052@6:15"],
    );
  });

  it("rejects a non-causal decoder self-attention, inside stacks too", () => {
    expectDiagnostics(
      model({ decoder: "decoder { stack 2 { self_attention { causal = false } } }" }),
      ["S2S2050@5:40"],
    );
    expectDiagnostics(model({ decoder: "decoder { self_attention { causal = true } }" }), []);
    expectDiagnostics(model({ encoder: "encoder { self_attention { causal = true } }" }), []);
  });
});
