/** FILE[:MODEL] parsing and model picking (select-model.ts), without the disk. */
import { describe, expect, it } from "vitest";
import { parseModelSpec, pickModel, selectModel } from "../../src/cli/select-model.js";
import type { CheckedModel } from "../../src/check/model.js";
import { memoryHost } from "../../src/source/host.js";

const never = () => false;

describe("parseModelSpec", () => {
  it("splits FILE:MODEL at the last colon", () => {
    expect(parseModelSpec("specs/t.s2s:transformer_big", never)).toEqual({
      file: "specs/t.s2s",
      model: "transformer_big",
    });
    expect(parseModelSpec("a:b/t.s2s:m", never)).toEqual({ file: "a:b/t.s2s", model: "m" });
  });

  it("keeps a plain path whole", () => {
    expect(parseModelSpec("specs/t.s2s", never)).toEqual({ file: "specs/t.s2s" });
  });

  it("does not split when what follows the colon is not a model name", () => {
    expect(parseModelSpec("dir:v2/t.s2s", never)).toEqual({ file: "dir:v2/t.s2s" });
    expect(parseModelSpec("t.s2s:", never)).toEqual({ file: "t.s2s:" });
    expect(parseModelSpec(":m", never)).toEqual({ file: ":m" });
  });

  it("treats an existing file named like FILE:MODEL as a path", () => {
    expect(parseModelSpec("odd:name", (p) => p === "odd:name")).toEqual({ file: "odd:name" });
  });
});

function fakeModel(name: string, line: number): CheckedModel {
  const pos = { offset: line * 10, line, column: 7 };
  const range = { file: "f.s2s", start: pos, end: { ...pos, column: 7 + name.length } };
  return {
    name,
    file: "f.s2s",
    range,
    nameRange: range,
    params: {},
    root: {} as CheckedModel["root"],
  };
}

describe("pickModel", () => {
  const a = fakeModel("alpha", 1);
  const b = fakeModel("beta", 2);

  it("takes the only model, or the named one", () => {
    expect(pickModel("f.s2s", [a], undefined)).toEqual({ model: a });
    expect(pickModel("f.s2s", [a, b], "beta")).toEqual({ model: b });
  });

  it("S2S0010 at the first model when several and none named", () => {
    const r = pickModel("f.s2s", [a, b], undefined);
    if (!("diagnostic" in r)) throw new Error("expected a diagnostic");
    expect(r.diagnostic).toMatchObject({ code: "S2S0010", severity: "error", range: a.nameRange });
    expect(r.diagnostic.hint).toBe("the models are `alpha`, `beta`; for example f.s2s:beta");
  });

  it("S2S0011 at the model the name probably meant", () => {
    const r = pickModel("f.s2s", [a, b], "betta");
    if (!("diagnostic" in r)) throw new Error("expected a diagnostic");
    expect(r.diagnostic).toMatchObject({ code: "S2S0011", range: b.nameRange });
    expect(r.diagnostic.hint).toBe("did you mean `beta`? the models of f.s2s are `alpha`, `beta`");
    const far = pickModel("f.s2s", [a, b], "gamma_ray");
    if (!("diagnostic" in far)) throw new Error("expected a diagnostic");
    expect(far.diagnostic.range.start.line).toBe(1);
    expect(far.diagnostic.hint).toBe("the models of f.s2s are `alpha`, `beta`");
  });

  it("S2S0012 for a file without models, named or not", () => {
    for (const name of [undefined, "x"]) {
      const r = pickModel("f.s2s", [], name);
      if (!("diagnostic" in r)) throw new Error("expected a diagnostic");
      expect(r.diagnostic.code).toBe("S2S0012");
    }
  });
});

describe("selectModel", () => {
  it("selects nothing from a file with errors, and returns the checker's diagnostics", () => {
    const host = memoryHost({ "e.s2s": "model m { heds = 3 }\n" });
    const sel = selectModel("e.s2s:m", host, never);
    expect(sel.model).toBeUndefined();
    expect(sel.diagnostics.some((d) => d.severity === "error")).toBe(true);
    expect(sel.sources.get("e.s2s")).toBe("model m { heds = 3 }\n");
  });
});
