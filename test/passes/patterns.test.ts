/** Small pattern tests for the clean-ups: what each matches and what it leaves alone. */
import { describe, expect, it } from "vitest";
import type { IrModule } from "../../src/ir/types.js";
import { parsePipeline, runPipeline } from "../../src/passes/index.js";
import { modulesOf } from "./helpers.js";

function run(m: IrModule, text: string): IrModule {
  const p = parsePipeline(text);
  if ("error" in p) throw new Error(p.error);
  const r = runPipeline(m, p.passes, { verifyEach: true });
  if ("error" in r) throw new Error(`${r.error}: ${r.problems.join("; ")}`);
  return r.module;
}

const nodes = (m: IrModule): number =>
  Object.values(m.graphs).reduce((n, g) => n + g.nodes.length, 0);

describe("clean-ups", () => {
  const [tiny] = modulesOf("specs/tiny/transformer_tiny.s2s");
  const [lstm] = modulesOf("specs/tiny/lstm_seq2seq.s2s");

  it("cse merges repeated constants and mask unsqueezes; dce then removes them", () => {
    const m = run(tiny!, "cse,dce");
    const enc = m.graphs.encode;
    expect(enc.nodes.filter((n) => n.op === "Unsqueeze")).toHaveLength(1);
    expect(nodes(m)).toBeLessThan(nodes(tiny!));
  });
  it("cse without dce leaves dead duplicates for dce", () => {
    expect(nodes(run(tiny!, "cse"))).toBe(nodes(tiny!));
  });
  it("dce removes decode's unread final recurrent states but keeps every Dropout", () => {
    const m = run(lstm!, "dce");
    expect(m.graphs.decode.nodes.length).toBeLessThan(lstm!.graphs.decode.nodes.length);
    const dropouts = (x: IrModule): number =>
      Object.values(x.graphs).flatMap((g) => g.nodes.filter((n) => n.op === "Dropout")).length;
    expect(dropouts(run(tiny!, "dce"))).toBe(dropouts(tiny!));
  });
  it("graph inputs, outputs and parameters keep their names", () => {
    const m = run(
      tiny!,
      "fold-constants,simplify-shapes,cse,fuse-matmul-bias,merge-projections,fuse-add-norm,dce",
    );
    for (const k of ["encode", "decode", "decode_step"] as const) {
      expect(m.graphs[k].inputs).toEqual(tiny!.graphs[k].inputs);
      expect(m.graphs[k].outputs).toEqual(tiny!.graphs[k].outputs);
    }
    expect(m.params).toEqual(tiny!.params);
  });
});
