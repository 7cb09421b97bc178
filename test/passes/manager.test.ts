/** The pass manager: pipeline text, -O levels, verification and printing. */
import { describe, expect, it } from "vitest";
import { OPS } from "../../src/ir/ops/index.js";
import {
  formatPipeline,
  parsePipeline,
  PASSES,
  passesForLevel,
  runPipeline,
  type Pass,
} from "../../src/passes/index.js";
import { modulesOf } from "./helpers.js";

const [tiny] = modulesOf("specs/tiny/transformer_tiny.s2s");

function parse(text: string): Pass[] {
  const r = parsePipeline(text);
  if ("error" in r) throw new Error(r.error);
  return r.passes;
}

describe("pipeline text", () => {
  it("round-trips", () => {
    for (const text of ["", "cse", "cse,fuse-matmul-bias,dce", formatPipeline(PASSES)]) {
      expect(formatPipeline(parse(text))).toBe(text);
    }
    expect(formatPipeline(parse(" cse , dce "))).toBe("cse,dce");
  });
  it("names an unknown pass and lists the known ones", () => {
    const r = parsePipeline("cse,fuse-everything");
    expect("error" in r && r.error).toMatch(
      /unknown pass `fuse-everything`; the passes are fold-constants, /,
    );
  });
  it("-O0 is empty, -O1 the clean-ups, -O2 everything in registry order", () => {
    expect(formatPipeline(passesForLevel(0))).toBe("");
    expect(formatPipeline(passesForLevel(1))).toBe("fold-constants,simplify-shapes,cse,dce");
    expect(formatPipeline(passesForLevel(2))).toBe(formatPipeline(PASSES));
  });
});

describe("passes", () => {
  it("have unique names and name the fusion categories they work on", () => {
    expect(new Set(PASSES.map((p) => p.name)).size).toBe(PASSES.length);
    const categories = new Set(Object.values(OPS).map((d) => d.category));
    for (const p of PASSES) {
      expect(p.categories.length).toBeGreaterThan(0);
      for (const c of p.categories) expect(categories).toContain(c);
    }
  });
  it("fused ops are defined once, in domain s2s", () => {
    const fused = Object.values(OPS).filter((d) => d.domain === "s2s");
    expect(fused.map((d) => d.name).sort()).toEqual([
      "AddLayerNormalization",
      "AddRMSNormalization",
      "FusedMatMul",
    ]);
  });
});

describe("runPipeline", () => {
  it("leaves its input alone and reports what changed", () => {
    const before = JSON.stringify(tiny);
    const r = runPipeline(tiny!, passesForLevel(2), { verifyEach: true });
    if ("error" in r) throw new Error(r.error);
    expect(JSON.stringify(tiny)).toBe(before);
    expect(r.ran.find((x) => x.pass === "fuse-matmul-bias")?.changed).toBe(true);
  });
  it("prints the IR after the named passes, or all", () => {
    const printed: string[] = [];
    runPipeline(tiny!, parse("cse,dce"), {
      printAfter: new Set(["dce"]),
      print: (t) => printed.push(t),
    });
    expect(printed).toHaveLength(1);
    expect(printed[0]).toMatch(/^; IR after dce\nmodule transformer_tiny/);
    printed.length = 0;
    runPipeline(tiny!, parse("cse,dce"), { printAfter: "all", print: (t) => printed.push(t) });
    expect(printed.map((t) => t.split("\n")[0])).toEqual(["; IR after cse", "; IR after dce"]);
  });
  it("stops at a pass that breaks the IR, naming it", () => {
    const broken: Pass = {
      name: "break",
      categories: ["opaque"],
      level: 2,
      doc: "drops the first node",
      run: (m) => {
        m.graphs.encode.nodes.shift();
        return true;
      },
    };
    const r = runPipeline(tiny!, [broken], { verifyEach: true });
    expect("error" in r && r.error).toBe("the IR is malformed after pass `break`");
  });
});
