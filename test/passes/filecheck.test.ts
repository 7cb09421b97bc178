/**
 * Pattern tests in the FileCheck spirit: after -O2, a Transformer layer has exactly the
 * ops the fusions promise. The model is the paper's Transformer instantiated small
 * (fixtures/papers-small.s2s: N = 1, d_model = 32, d_ff = 64, h = 2).
 */
import { describe, expect, it } from "vitest";
import type { Graph, IrModule } from "../../src/ir/types.js";
import { passesForLevel, runPipeline } from "../../src/passes/index.js";
import { modulesOf } from "./helpers.js";

const models = modulesOf("test/passes/fixtures/papers-small.s2s");

function optimised(name: string): IrModule {
  const m = models.find((x) => x.model === name)!;
  const r = runPipeline(m, passesForLevel(2), { verifyEach: true });
  if ("error" in r) throw new Error(r.error);
  return r.module;
}

/** Op counts of the nodes under `prefix` (all nodes when empty), sorted by op. */
function counts(g: Graph, prefix = ""): Record<string, number> {
  const c: Record<string, number> = {};
  for (const n of g.nodes) if (n.path.startsWith(prefix)) c[n.op] = (c[n.op] ?? 0) + 1;
  return Object.fromEntries(Object.entries(c).sort(([a], [b]) => a.localeCompare(b)));
}

function splitsOf(g: Graph, prefix: string): number[][] {
  return g.nodes
    .filter((n) => n.op === "FusedMatMul" && n.path.startsWith(prefix))
    .map((n) => {
      const s = n.attrs["splits"];
      return s?.kind === "ints" ? s.value : [];
    });
}

describe("a post-norm Transformer layer after -O2", () => {
  const m = optimised("transformer_small");

  it("encoder layer: one QKV matmul, one attention, out/FFN matmuls with bias and relu, two add+norms", () => {
    const g = m.graphs.encode;
    expect(counts(g, "encoder/layer0/self_attention")).toEqual({
      AddLayerNormalization: 1,
      Attention: 1,
      Concat: 2, // the Q/K/V weights and biases, side by side
      Constant: 1, // the axes of the padding mask's Unsqueeze
      Dropout: 1,
      FusedMatMul: 2, // QKV, out_proj
      Unsqueeze: 1,
    });
    expect(counts(g, "encoder/layer0/feed_forward")).toEqual({
      AddLayerNormalization: 1,
      Dropout: 1,
      FusedMatMul: 2, // inner (with relu), outer
    });
    expect(splitsOf(g, "encoder/layer0/self_attention")).toEqual([[32, 32, 32], []]);
    const relu = g.nodes.filter((n) => n.attrs["activation"]?.value === "relu");
    expect(relu.map((n) => n.path)).toEqual(["encoder/layer0/feed_forward/inner"]);
  });

  it("encode computes the cross-attention K and V in one matmul", () => {
    const g = m.graphs.encode;
    expect(counts(g, "decoder/layer0/cross_attention")).toEqual({ Concat: 2, FusedMatMul: 1 });
    expect(splitsOf(g, "decoder/layer0/cross_attention")).toEqual([[32, 32]]);
  });

  it("no unfused matmul, bias add, activation or norm is left", () => {
    for (const g of Object.values(m.graphs)) {
      const c = counts(g);
      expect(c["MatMul"]).toBeUndefined();
      expect(c["LayerNormalization"]).toBeUndefined();
      expect(c["Relu"]).toBeUndefined();
      expect(c["Transpose"]).toBeUndefined(); // the tied output reads the embedding as transB
      expect(c["Add"]).toBe(1); // the positional encoding's
    }
  });

  it("decoder layer (teacher-forced): QKV, cross Q, two outs, FFN, output: 7 matmuls; 2 attentions; 3 add+norms", () => {
    const g = m.graphs.decode;
    expect(counts(g, "decoder/layer0")).toEqual({
      AddLayerNormalization: 3,
      Attention: 2,
      Concat: 2,
      Constant: 1,
      Dropout: 3,
      FusedMatMul: 6, // QKV, self out, cross Q, cross out, FFN inner, FFN outer
      Unsqueeze: 1, // the memory mask for cross-attention
    });
    expect(counts(g, "output")).toEqual({ FusedMatMul: 1 });
    const out = g.nodes.find((n) => n.path === "output")!;
    expect(out.attrs["transB"]).toEqual({ kind: "int", value: 1 });
  });

  it("decode_step has the same layer shape, with the cache threaded through Attention", () => {
    const c = counts(m.graphs.decode_step, "decoder/layer0");
    expect(c["FusedMatMul"]).toBe(6);
    expect(c["Attention"]).toBe(2);
    expect(c["AddLayerNormalization"]).toBe(3);
  });
});

describe("a pre-norm Transformer layer after -O2", () => {
  const m = optimised("transformer_small_pre");
  it("a residual add that feeds the next norm becomes add+norm with the sum as second output", () => {
    const g = m.graphs.encode;
    const fused = g.nodes.filter((n) => n.op === "AddLayerNormalization");
    // After self-attention the sum is also the FFN's residual input (2 outputs); after
    // the FFN the sum only feeds the stack's final norm (1 output).
    expect(fused.map((n) => n.outputs.length)).toEqual([2, 1]);
    // The first sublayer's norm reads the embeddings: there is no add to fuse.
    expect(counts(g)["LayerNormalization"]).toBe(1);
  });
});
