// Names, scopes and constant folding as the user meets them in a spec.
import { describe, expect, it } from "vitest";
import {
  check,
  checkedModel,
  codes,
  expectDiagnostics,
  firstDiagnostic,
  model,
  section,
  setting,
} from "./helpers.js";

describe("scopes", () => {
  it("resolves file lets, parameters and body lets, innermost first", () => {
    const src = `
let w = 8
model m(w = 16) {
  source { vocab = 16  embed = w }
  target { let w = 24  vocab = 16  embed = w }
  encoder { lstm { hidden = w } }
  decoder { lstm { hidden = w } }
}`;
    const m = checkedModel(src, "m");
    expect(setting(section(m.root, "source"), "embed")).toBe("16 spec");
    expect(setting(section(m.root, "target"), "embed")).toBe("24 spec");
  });

  it("makes a body's lets visible in nested bodies, not outside", () => {
    const r = check(
      model({
        encoder: "encoder { let h = 8  stack 2 { lstm { hidden = h } } }",
        decoder: "decoder { lstm { hidden = h } }",
      }),
    );
    expect(codes(r)).toEqual(["S2S2001@5:29"]);
  });

  it("allows lets in any order within a scope", () => {
    checkedModel(
      "let b = a * 2\nlet a = 16\n" + model({ source: "source { vocab = b  embed = a }" }),
      "m",
    );
  });

  it("reports a let that depends on itself once", () => {
    expectDiagnostics("let a = b\nlet b = c\nlet c = a\n", ["S2S2012@1:5"]);
    expectDiagnostics("let a = a + 1\n", ["S2S2012@1:5"]);
  });

  it("reports lets defined twice in one scope, and allows shadowing across scopes", () => {
    expectDiagnostics(model({ encoder: "encoder { let a = 1  let a = 2  lstm { hidden = 8 } }" }), [
      "S2S2002@4:28",
    ]);
    expectDiagnostics(
      "let a = 1\n" + model({ encoder: "encoder { let a = 2  lstm { hidden = a } }" }),
      [],
    );
  });

  it("reports errors in unused lets", () => {
    expectDiagnostics("let unused = 1 / 0\n", ["S2S2040@1:18"]);
  });

  it("fails a model that uses a broken let, reporting the let's error once", () => {
    const r = expectDiagnostics(
      "let w = 1 / 0\n" + model({ source: "source { vocab = 16  embed = w }" }),
      ["S2S2040@1:13"],
    );
    expect(r.models).toEqual([]);
  });

  it("fails a model that uses a let with a syntax error, without a cascade", () => {
    const r = check(
      "let w = \nlet v = 2\n" + model({ source: "source { vocab = 16  embed = w }" }),
    );
    expect(r.diagnostics.every((d) => d.code.startsWith("S2S1"))).toBe(true);
    expect(r.models).toEqual([]);
  });
});

describe("enum words and undefined names", () => {
  it("accepts a word where the field takes words, through a let too", () => {
    const m = checkedModel(
      "let act = gelu\n" +
        model({ encoder: "encoder { feed_forward { hidden = 8  activation = act } }" }),
      "m",
    );
    expect(setting(section(m.root, "encoder", "feed_forward"), "activation")).toBe("gelu spec");
  });

  it("reports an unknown word with a suggestion from the field's words", () => {
    const d = firstDiagnostic(
      model({ encoder: "encoder { feed_forward { hidden = 8  activation = gelo } }" }),
      "S2S2026",
    );
    expect(d.hint).toBe("did you mean `gelu`?");
    expect(d.message).toBe("`activation` cannot be `gelo`");
  });

  it("lists the words when nothing is close", () => {
    const d = firstDiagnostic(model({ extra: "position = rotary" }), "S2S2026");
    expect(d.hint).toBe("expected sinusoidal, learned, none");
  });

  it("reports a bare word in a number field as an undefined name, suggesting names in scope", () => {
    const d = firstDiagnostic(
      model({ head: "m(width = 8)", encoder: "encoder { lstm { hidden = widht } }" }),
      "S2S2001",
    );
    expect(d.message).toBe("undefined name `widht`");
    expect(d.hint).toBe("did you mean `width`?");
  });

  it("reports a bare word used as an operand or a stack count as an undefined name", () => {
    expectDiagnostics(model({ encoder: "encoder { lstm { hidden = x * 2 } }" }), ["S2S2001@4:29"]);
    expectDiagnostics(
      model({ head: "m(depth = 2)", encoder: "encoder { stack dpeth { lstm { hidden = 8 } } }" }),
      ["S2S2001@4:19"],
    );
  });

  it("warns when a name shadows an enum word, and the name wins", () => {
    const r = check(
      "let relu = 3\n" +
        model({ encoder: "encoder { feed_forward { hidden = 8  activation = relu } }" }),
    );
    expect(codes(r)).toEqual(["S2S2010@1:5", "S2S2024@5:53"]);
    expect(r.diagnostics[0]!.severity).toBe("warning");
  });

  it("warns for parameters that shadow enum words", () => {
    expectDiagnostics(model({ head: "m(gelu = 1)" }), ["S2S2010@1:9"]);
  });
});

describe("folding", () => {
  const hidden = (expr: string) => {
    const m = checkedModel(model({ encoder: `encoder { lstm { hidden = ${expr} } }` }), "m");
    return setting(section(m.root, "encoder", "lstm"), "hidden");
  };

  it("folds arithmetic with precedence and associativity", () => {
    expect(hidden("2 + 3 * 4")).toBe("14 spec");
    expect(hidden("(2 + 3) * 4")).toBe("20 spec");
    expect(hidden("2 ** 3 ** 2")).toBe("512 spec");
    expect(hidden("100 - 10 - 1")).toBe("89 spec");
    expect(hidden("-(-8)")).toBe("8 spec");
    expect(hidden("17 % 5")).toBe("2 spec");
    expect(hidden("37_000 / 1_000")).toBe("37 spec");
  });

  it("keeps exact int division an int and rejects an inexact one in a size", () => {
    expect(hidden("512 / 8")).toBe("64 spec");
    const d = firstDiagnostic(
      model({ encoder: "encoder { lstm { hidden = 512 / 3 } }" }),
      "S2S2025",
    );
    expect(d.hint).toContain("floor");
  });

  it("calls the built-ins", () => {
    expect(hidden("min(64, 32, 48)")).toBe("32 spec");
    expect(hidden("max(1, 2)")).toBe("2 spec");
    expect(hidden("floor(sqrt(70))")).toBe("8 spec");
    expect(hidden("ceil(7 / 2)")).toBe("4 spec");
  });

  it("converts ints to floats in float fields, never the reverse", () => {
    const m = checkedModel(model({ extra: "dropout = 0" }), "m");
    expect(m.root.settings["dropout"]!.value).toEqual({ type: "float", value: 0 });
    expectDiagnostics(model({ encoder: "encoder { lstm { hidden = 4.0 } }" }), ["S2S2025@4:29"]);
    const train = section(
      checkedModel(model({ extra: "train { lr = 1 / 1000 }" }), "m").root,
      "train",
    );
    expect(train.settings["lr"]!.value).toEqual({ type: "float", value: 0.001 });
  });

  it("reports folding errors at the offending operand", () => {
    expectDiagnostics("let a = 10 / (5 - 5)\n", ["S2S2040@1:14"]);
    expectDiagnostics('let a = 2 * "x"\n', ["S2S2041@1:13"]);
    expectDiagnostics("let a = sqrt(1, 2)\n", ["S2S2042@1:9"]);
    expectDiagnostics("let a = min()\n", ["S2S2042@1:9"]);
    expectDiagnostics("let b = 2\nlet a = b(3)\n", ["S2S2042@2:9"]);
    expectDiagnostics("let a = [1, 2] + 1\n", ["S2S2041@1:9"]);
    expectDiagnostics("let a = 2 ** 100\n", ["S2S2025@1:9"]);
  });

  it("checks list fields item by item", () => {
    const train = (b: string) => model({ extra: `train { betas = ${b} }` });
    const m = checkedModel(train("[0.9, 0.98]"), "m");
    expect(setting(section(m.root, "train"), "betas")).toBe("[0.9,0.98] spec");
    expectDiagnostics(train("[0.9]"), ["S2S2025@6:19"]);
    expectDiagnostics(train("[0.9, 1.5]"), ["S2S2025@6:25"]);
    expectDiagnostics(train("0.9"), ["S2S2024@6:19"]);
  });
});
