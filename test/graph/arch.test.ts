/** The architecture picture's description, built from checked models of the specs. */
import { describe, expect, it } from "vitest";
import { archGraph } from "../../src/graph/index.js";
import { clustersOf } from "../../src/graph/types.js";
import {
  allClusters,
  clusterPath,
  edgesBetween,
  loadSource,
  loadSpec,
  nodeTitled,
  nodesTitled,
} from "./helpers.js";

const arch = (path: string, name?: string) => {
  const l = loadSpec(path, name);
  return archGraph(l.model, l.module);
};

describe("the Transformer (transformer_base)", () => {
  const doc = arch("specs/papers/transformer.s2s", "transformer_base");

  it("has an encoder and a decoder, each with one ×6 stack drawn once", () => {
    const parts = clustersOf(doc.root);
    expect(parts.map((c) => [c.kind, c.label])).toEqual([
      ["part", "Encoder"],
      ["part", "Decoder"],
    ]);
    for (const part of parts) {
      const stacks = allClusters(part).filter((c) => c.kind === "stack");
      expect(stacks.map((s) => s.label)).toEqual(["×6"]);
    }
    expect(nodesTitled(doc, "Self-attention")).toHaveLength(1);
    expect(nodesTitled(doc, "Masked self-attention")).toHaveLength(1);
    expect(nodesTitled(doc, "Feed-forward")).toHaveLength(2);
    expect(nodesTitled(doc, "Add & Norm")).toHaveLength(5);
    const sa = nodeTitled(doc, "Self-attention");
    expect(clusterPath(doc, sa.id)).toEqual(["Encoder", "×6"]);
    expect(sa.details).toEqual(["scaled_dot · 8 heads"]);
    expect(sa.tooltip).toBe("encoder/layer0/self_attention … encoder/layer5/self_attention");
  });

  it("draws the cross-attention reading the encoder's memory", () => {
    const edges = edgesBetween(doc);
    expect(edges).toContain("Memory -memory-> Cross-attention");
    expect(doc.edges.filter((e) => e.kind === "memory")).toHaveLength(1);
    expect(nodeTitled(doc, "Memory").details).toEqual(["[B, S, 512]"]);
    expect(clusterPath(doc, nodeTitled(doc, "Cross-attention").id)).toEqual(["Decoder", "×6"]);
  });

  it("wraps each sublayer in Add & Norm with a residual edge (post_norm)", () => {
    const edges = edgesBetween(doc);
    expect(edges).toContain("Self-attention -data-> Add & Norm");
    expect(edges).toContain("Cross-attention -data-> Add & Norm");
    expect(edges.filter((e) => e.includes("-residual->"))).toHaveLength(5);
    expect(edges).toContain("+ -residual-> Add & Norm");
  });

  it("shows embeddings, positions, sharing and the tied output", () => {
    const src = nodeTitled(doc, "Source embedding");
    expect(src.details).toEqual(["37,000 × 512", "× √512", "one table for both sides"]);
    expect(nodesTitled(doc, "Positions").map((n) => n.details)).toEqual([
      ["sinusoidal", "max length 1024"],
      ["sinusoidal", "max length 1024"],
    ]);
    expect(edgesBetween(doc)).toContain("Source embedding -tie-> Target embedding");
    expect(nodeTitled(doc, "Linear").details).toEqual([
      "512 → 37,000",
      "tied to target embedding",
      "with bias",
    ]);
    expect(edgesBetween(doc)).toContain("Linear -data-> Logits");
    expect(nodeTitled(doc, "Logits").details).toEqual(["[B, T, 37000]"]);
  });

  it("draws no bridge for a Transformer decoder", () => {
    expect(nodesTitled(doc, "Bridge")).toHaveLength(0);
  });
});

describe("pre-norm Transformers", () => {
  const doc = arch("specs/tiny/transformer_pre_rms.s2s");

  it("norms before each sublayer, adds after, and ends each part with a final norm", () => {
    const norms = nodesTitled(doc, "Norm");
    expect(norms).toHaveLength(5 + 2);
    expect(norms.filter((n) => n.details.includes("final"))).toHaveLength(2);
    expect(norms.every((n) => n.details[0] === "rms_norm")).toBe(true);
    const edges = edgesBetween(doc);
    expect(edges).toContain("Norm -data-> Self-attention");
    expect(edges).toContain("Feed-forward -data-> +");
    expect(nodesTitled(doc, "Add & Norm")).toHaveLength(0);
    expect(nodeTitled(doc, "Linear").details).toContain("no bias");
    expect(nodesTitled(doc, "Positions")[0]!.details).toEqual(["learned", "max length 64"]);
  });
});

describe("recurrent models", () => {
  it("RNNsearch: bidirectional GRU, additive attention before the decoder GRU, dense bridge", () => {
    const doc = arch("specs/papers/rnnsearch.s2s");
    const [enc, dec] = nodesTitled(doc, "GRU");
    expect(enc!.details).toEqual(["hidden 1000 × 2 → 2000", "bidirectional ⇄"]);
    expect(dec!.details).toEqual(["hidden 1000", "left to right →"]);
    expect(nodeTitled(doc, "Attention").details).toEqual(["additive · hidden 1000"]);
    const edges = edgesBetween(doc);
    expect(edges).toContain("Memory -memory-> Attention");
    // The previous state queries; the context joins the GRU's input with the embedding.
    expect(edges).toContain("GRU -feedback-> Attention");
    expect(edges).toContain("Attention -data-> GRU");
    expect(edges).toContain("Target embedding -data-> GRU");
    expect(nodeTitled(doc, "Bridge").details).toEqual(["dense: h₀ = tanh(W·h + b)"]);
    expect(edges).toContain("GRU -state-> Bridge");
    expect(edges).toContain("Bridge -state-> GRU");
  });

  it("Luong: stacked LSTMs ×4, general attention after them with input feeding", () => {
    const doc = arch("specs/papers/luong.s2s", "luong_general");
    const stacks = allClusters(doc.root).filter((c) => c.kind === "stack");
    expect(stacks.map((s) => s.label)).toEqual(["×4", "×4"]);
    const att = nodeTitled(doc, "Attention");
    expect(att.details).toEqual(["general", "input feeding"]);
    expect(clusterPath(doc, att.id)).toEqual(["Decoder"]);
    const edges = edgesBetween(doc);
    expect(edges).toContain("LSTM -data-> Attention");
    expect(edges).toContain("Attention -feedback-> LSTM");
    expect(edges).toContain("Attention -data-> Linear");
    expect(nodeTitled(doc, "Bridge").details).toEqual(["copy: final h, c of each layer"]);
  });

  it("Sutskever: no attention, so no memory box; the bridge carries the source", () => {
    const doc = arch("specs/papers/sutskever2014.s2s");
    expect(nodesTitled(doc, "Memory")).toHaveLength(0);
    expect(doc.edges.filter((e) => e.kind === "memory")).toHaveLength(0);
    expect(edgesBetween(doc)).toEqual(
      expect.arrayContaining(["LSTM -state-> Bridge", "Bridge -state-> LSTM"]),
    );
  });

  it("says which states a copy bridge hands over", () => {
    expect(nodeTitled(arch("specs/tiny/attn_scaled_dot.s2s"), "Bridge").details).toEqual([
      "copy: final h of each layer",
    ]);
    expect(nodeTitled(arch("specs/tiny/lstm_seq2seq.s2s"), "Bridge").details).toEqual([
      "copy: final h, c of each layer",
    ]);
  });

  it("labels each attention score with its variant and heads", () => {
    expect(nodeTitled(arch("specs/tiny/attn_dot.s2s"), "Attention").details).toEqual(["dot"]);
    expect(nodeTitled(arch("specs/tiny/attn_multihead.s2s"), "Attention").details).toEqual([
      "scaled_dot · 4 heads",
    ]);
    expect(nodeTitled(arch("specs/tiny/attn_scaled_dot.s2s"), "Attention").details).toEqual([
      "scaled_dot · 1 head",
    ]);
  });
});

describe("stacks come from the spec, not from repeated paths", () => {
  const SPEC = `
model written_out {
  source { vocab = 16  embed = 8 }
  target { vocab = 16  embed = 8 }
  encoder {
    lstm { hidden = 8 }
    lstm { hidden = 8 }
    stack 3 { gru { hidden = 8 } }
  }
  decoder { stack 3 { lstm { hidden = 8 } } }
  bridge = dense
}`;
  const [l] = loadSource(SPEC);
  const doc = archGraph(l!.model, l!.module);

  it("draws layers written one by one as such, and a stack once with its count", () => {
    expect(nodesTitled(doc, "LSTM")).toHaveLength(3);
    expect(nodesTitled(doc, "GRU")).toHaveLength(1);
    const stacks = allClusters(doc.root).filter((c) => c.kind === "stack");
    expect(stacks.map((s) => s.label)).toEqual(["×3", "×3"]);
    const [a, b] = nodesTitled(doc, "LSTM");
    expect(clusterPath(doc, a!.id)).toEqual(["Encoder"]);
    expect(edgesBetween(doc)).toContain("LSTM -data-> LSTM");
    expect(a!.tooltip).toBe("encoder/layer0/lstm");
    expect(b!.tooltip).toBe("encoder/layer1/lstm");
    expect(nodeTitled(doc, "GRU").tooltip).toBe("encoder/layer2/gru … encoder/layer4/gru");
  });

  it("takes the dense bridge from the top encoder layer only", () => {
    const into = doc.edges.filter(
      (e) => e.kind === "state" && e.to === nodeTitled(doc, "Bridge").id,
    );
    expect(into.map((e) => e.from)).toEqual([nodeTitled(doc, "GRU").id]);
  });

  it("says when the decoder starts from zeros", () => {
    const zero = SPEC.replace("bridge = dense", "bridge = zero").replace(
      "decoder { stack 3 { lstm { hidden = 8 } } }",
      "decoder { stack 3 { lstm { hidden = 8 } } attention dot { } }",
    );
    const [z] = loadSource(zero);
    const zdoc = archGraph(z!.model, z!.module);
    expect(nodesTitled(zdoc, "Bridge")).toHaveLength(0);
    expect(clustersOf(zdoc.root).map((c) => c.label)).toEqual([
      "Encoder",
      "Decoder (initial state zero)",
    ]);
  });
});

it("is deterministic", () => {
  expect(JSON.stringify(arch("specs/tiny/transformer_tiny.s2s"))).toBe(
    JSON.stringify(arch("specs/tiny/transformer_tiny.s2s")),
  );
});
