// `extends` and instantiation: what a child model is made of.
import { describe, expect, it } from "vitest";
import {
  at,
  check,
  checkedModel,
  codes,
  expectDiagnostics,
  model,
  section,
  setting,
} from "./helpers.js";

const BASE = `
model base(w = 32, depth = 2) {
  source { vocab = 16  embed = w }
  target { vocab = 16  embed = w }
  dropout = 0.1
  encoder { stack depth { lstm { hidden = w } } }
  decoder {
    stack depth { lstm { hidden = w } }
    attention general { input_feeding = true }
  }
}
`;

describe("extends", () => {
  it("overrides a setting in place and keeps the rest", () => {
    const m = checkedModel(
      BASE + "model child extends base { dropout = 0.3  bridge = dense }",
      "child",
    );
    expect(setting(m.root, "dropout")).toBe("0.3 spec");
    expect(setting(m.root, "bridge")).toBe("dense spec");
    expect(setting(section(m.root, "source"), "embed")).toBe("32 spec");
  });

  it("merges a section with the same head recursively", () => {
    const m = checkedModel(BASE + "model child extends base { source { embed = 64 } }", "child");
    const src = section(m.root, "source");
    expect(setting(src, "embed")).toBe("64 spec");
    expect(setting(src, "vocab")).toBe("16 spec");
    expect(m.root.children.filter((c) => c.kind === "section" && c.head === "source")).toHaveLength(
      1,
    );
  });

  it("merges a stack: the child's count replaces the parent's, the layers are kept", () => {
    const m = checkedModel(BASE + "model child extends base { encoder { stack 5 { } } }", "child");
    const stack = at(m.root, "encoder", "stack");
    expect(stack.kind === "stack" && stack.count).toBe(5);
    expect(setting(section(m.root, "encoder", "stack", "lstm"), "hidden")).toBe("32 spec");
  });

  it("merges layers inside a stack by head", () => {
    const m = checkedModel(
      BASE + "model child extends base { decoder { stack 2 { lstm { dropout = 0.5 } } } }",
      "child",
    );
    const lstm = section(m.root, "decoder", "stack", "lstm");
    expect(setting(lstm, "dropout")).toBe("0.5 spec");
    expect(setting(lstm, "hidden")).toBe("32 spec");
  });

  it("appends a layer the parent lacks, after the parent's members", () => {
    const m = checkedModel(
      BASE + "model child extends base { encoder { self_attention { heads = 4 } } }",
      "child",
    );
    const enc = section(m.root, "encoder");
    expect(enc.children.map((c) => (c.kind === "stack" ? "stack" : c.head))).toEqual([
      "stack",
      "self_attention",
    ]);
  });

  it("appends a stack the parent lacks", () => {
    const m = checkedModel(
      BASE + "model child extends base { encoder { stack 1 { } stack 3 { gru { hidden = 8 } } } }",
      "child",
    );
    const enc = section(m.root, "encoder");
    expect(enc.children.map((c) => (c.kind === "stack" ? `stack ${c.count}` : c.head))).toEqual([
      "stack 1",
      "stack 3",
    ]);
  });

  it("matches sections by head and variant: a different variant replaces the parent's", () => {
    const m = checkedModel(
      BASE + "model child extends base { decoder { attention dot { } } }",
      "child",
    );
    const dec = section(m.root, "decoder");
    expect(
      dec.children.map((c) => (c.kind === "stack" ? "stack" : `${c.head} ${c.variant}`)),
    ).toEqual(["stack", "attention dot"]);
  });

  it("compares variants after defaults and aliases", () => {
    const src = `
model p {
  vocab = 16
  source { embed = 32 }
  target { embed = 32 }
  encoder { self_attention scaled_dot { heads = 2 } }
  decoder { attention concat { hidden = 8 } lstm { hidden = 32 } }
}
model c extends p {
  encoder { self_attention { heads = 4 } }
  decoder { attention additive { hidden = 16 } }
}`;
    const m = checkedModel(src, "c");
    const enc = section(m.root, "encoder");
    expect(enc.children).toHaveLength(1);
    expect(setting(section(m.root, "encoder", "self_attention"), "heads")).toBe("4 spec");
    const att = section(m.root, "decoder", "attention");
    expect(att.variant).toBe("additive");
    expect(setting(att, "hidden")).toBe("16 spec");
    expect(section(m.root, "decoder").children).toHaveLength(2);
  });

  it("matches the n-th repeated layer of the child with the n-th of the parent", () => {
    const src = `
model p {
  vocab = 16
  source { embed = 8 } target { embed = 8 }
  encoder { lstm { hidden = 1 } lstm { hidden = 2 } }
  decoder { lstm { hidden = 3 } }
}
model c extends p { encoder { lstm { } lstm { hidden = 20 } lstm { hidden = 30 } } }`;
    const enc = section(checkedModel(src, "c").root, "encoder");
    expect(enc.children.map((l) => (l.kind === "section" ? setting(l, "hidden") : ""))).toEqual([
      "1 spec",
      "20 spec",
      "30 spec",
    ]);
  });

  it("evaluates the parent's settings with the parent's parameters (lexical scope)", () => {
    const m = checkedModel(BASE + "model child(w = 100) extends base(w = 48) { }", "child");
    expect(setting(section(m.root, "source"), "embed")).toBe("48 spec");
    expect(m.params).toMatchObject({
      w: { type: "int", value: 100 },
      depth: { type: "int", value: 2 },
    });
  });

  it("cannot see the parent's parameters from the child's body", () => {
    const r = check(BASE + "model child extends base { target { embed = depth } }");
    expect(codes(r)).toEqual(["S2S2001@12:45"]);
  });

  it("passes values through extends arguments", () => {
    const m = checkedModel(BASE + "model child(k = 3) extends base(depth = k + 1) { }", "child");
    const stack = at(m.root, "encoder", "stack");
    expect(stack.kind === "stack" && stack.count).toBe(4);
  });

  it("reports the child's range for a merged section", () => {
    const m = checkedModel(BASE + "model child extends base { source { embed = 64 } }", "child");
    expect(section(m.root, "source").range.start.line).toBe(12);
  });

  it("extends an instantiation", () => {
    const m = checkedModel(
      BASE + "model wide = base(w = 128)\nmodel wide_pre extends wide { residual = pre_norm }",
      "wide_pre",
    );
    expect(setting(section(m.root, "encoder", "stack", "lstm"), "hidden")).toBe("128 spec");
    expect(setting(section(m.root, "encoder"), "residual")).toBe("pre_norm inherited");
  });

  it("rejects a model that extends a broken one, reporting the error once", () => {
    const r = check(
      model({ head: "p", encoder: "encoder { lstm { hidden = 0 } }" }) + "model c extends p { }\n",
    );
    expect(codes(r)).toEqual(["S2S2025@4:29"]);
    expect(r.models).toEqual([]);
  });

  it("accepts a child that fixes its parent's mistake", () => {
    const r = check(
      model({ head: "p", encoder: "encoder { lstm { hidden = 0 } }" }) +
        "model c extends p { encoder { lstm { hidden = 8 } } }\n",
    );
    expect(codes(r)).toEqual(["S2S2025@4:29"]);
    expect(r.models.map((m) => m.name)).toEqual(["c"]);
  });
});

describe("instantiation", () => {
  it("binds arguments in place of defaults", () => {
    const m = checkedModel(BASE + "model big = base(w = 256, depth = 4)", "big");
    expect(setting(section(m.root, "target"), "embed")).toBe("256 spec");
    const stack = at(m.root, "decoder", "stack");
    expect(stack.kind === "stack" && stack.count).toBe(4);
    expect(m.params).toEqual({ w: { type: "int", value: 256 }, depth: { type: "int", value: 4 } });
    expect(m.nameRange.start.line).toBe(12);
  });

  it("lets a default use the other parameters", () => {
    const src = `
model m(d = 32, ff = 4 * d) {
  vocab = 16
  source { embed = d } target { embed = d }
  encoder { feed_forward { hidden = ff } }
  decoder { lstm { hidden = d } }
}
model n = m(d = 64)`;
    const n = checkedModel(src, "n");
    expect(setting(section(n.root, "encoder", "feed_forward"), "hidden")).toBe("256 spec");
  });

  it("evaluates arguments where they are written", () => {
    const src = BASE + "let big = 512\nmodel n = base(w = big / 2)";
    expect(setting(section(checkedModel(src, "n").root, "source"), "embed")).toBe("256 spec");
  });

  it("reports a parameter-dependent error in the body with a note naming the instantiation", () => {
    const r = check(BASE + "model bad = base(w = 0)");
    const d = r.diagnostics.find((x) => x.code === "S2S2025")!;
    expect(d.range.start.line).toBe(3);
    expect(d.related?.[0]?.message).toBe("while checking model `bad`");
    expect(r.models.map((m) => m.name)).toEqual(["base"]);
  });

  it("reports unknown, repeated and unwanted arguments", () => {
    expectDiagnostics(BASE + "model a = base(width = 1)", ["S2S2007@12:16"]);
    expectDiagnostics(BASE + "model a = base(w = 1, w = 2)", ["S2S2008@12:23"]);
    expectDiagnostics(model({ head: "p" }) + "model a = p(w = 1)", ["S2S2009@7:13"]);
    expectDiagnostics(BASE + "model a = base(depth = 3)\nmodel b = a(w = 8)", ["S2S2009@13:13"]);
  });

  it("allows empty parentheses on any model", () => {
    checkedModel(model({ head: "p" }) + "model a = p()", "a");
  });

  it("reports unknown models with a suggestion", () => {
    const r = check(BASE + "model a = bsae()");
    expect(codes(r)).toEqual(["S2S2003@12:11"]);
    expect(r.diagnostics[0]!.hint).toBe("did you mean `base`?");
  });
});

describe("cycles", () => {
  it("reports an extends cycle once, at the first declared model, with the other links", () => {
    const r = expectDiagnostics(
      "model a extends b { }\nmodel b extends c { }\nmodel c extends a { }\n",
      ["S2S2004@1:17"],
    );
    const d = r.diagnostics[0]!;
    expect(d.message).toBe("cycle through extends or instantiation: a → b → c → a");
    expect(d.related?.map((x) => x.range.start.line)).toEqual([2, 3]);
  });

  it("reports a cycle through instantiation and a self-reference", () => {
    expectDiagnostics("model a = b()\nmodel b extends a { }\n", ["S2S2004@1:11"]);
    expectDiagnostics("model a extends a { }\n", ["S2S2004@1:17"]);
  });

  it("fails models that reach a cycle, without reporting it again", () => {
    const r = expectDiagnostics(
      "model a extends b { }\nmodel b extends a { }\n" + model({ head: "c extends a" }),
      ["S2S2004@1:17"],
    );
    expect(r.models).toEqual([]);
  });
});

describe("duplicates", () => {
  it("reports a model declared twice", () => {
    expectDiagnostics(model() + model(), ["S2S2002@7:7"]);
  });
  it("reports a parameter declared twice", () => {
    expectDiagnostics(model({ head: "m(a = 1, a = 2)" }), ["S2S2002@1:16"]);
  });
});
