/** The op-graph picture's description (`--level ir`). */
import { describe, expect, it } from "vitest";
import { irGraph } from "../../src/graph/index.js";
import { allClusters, clusterPath, loadSpec, nodesTitled, title } from "./helpers.js";

describe("a recurrent decoder with input feeding (attn_general, decode)", () => {
  const { module } = loadSpec("specs/tiny/attn_general.s2s");
  const doc = irGraph(module, "decode");
  const scan = allClusters(doc.root).find((c) => c.kind === "scan")!;

  it("draws the Scan as a cluster around its body, inside the decoder", () => {
    expect(scan.label).toBe("Scan · decoder/loop · body decoder_loop");
    const lstm = nodesTitled(doc, "LSTM")[0]!;
    expect(clusterPath(doc, lstm.id)).toEqual(["decoder", scan.label, "layer0 / lstm"]);
    const attention = nodesTitled(doc, "Attention")[0]!;
    expect(clusterPath(doc, attention.id)).toEqual([
      "decoder",
      scan.label,
      "layer1 / attention/general",
    ]);
  });

  it("loops each state output back to its state input", () => {
    const loops = doc.edges.filter((e) => e.kind === "feedback");
    expect(loops.map((e) => e.label)).toEqual(["next step", "next step", "next step"]);
    expect(loops.map((e) => title(doc, e.to))).toEqual([
      "loop/state/decoder/layer0/lstm/h",
      "loop/state/decoder/layer0/lstm/c",
      "loop/state/decoder/feed",
    ]);
  });

  it("binds the Scan's operands to the body's inputs and its outputs to their readers", () => {
    const edges = doc.edges.map((e) => `${title(doc, e.from)} -> ${title(doc, e.to)}`);
    expect(edges).toContain("state/decoder/feed -> loop/state/decoder/feed");
    expect(edges).toContain("Gather -> loop/x");
    expect(edges).toContain("decoder/loop/Scan_3 -> MatMul");
    // The body reads the encoder memory of the enclosing graph (an outer-scope value).
    expect(edges).toContain("memory -> Attention");
  });

  it("labels ops with their path, weights, folded constants and output types", () => {
    const [proj] = nodesTitled(doc, "MatMul").filter((n) => n.details[0] === "score_proj");
    expect(proj!.details).toEqual(["score_proj", "weight [64, 64]", "→ [B, 1, 64]"]);
    expect(proj!.tooltip).toBe("decoder/layer1/attention/score_proj");
    const equal = nodesTitled(doc, "Equal")[0]!;
    expect(equal.details).toEqual(["mask", "const 0", "→ bool[B, T]"]);
    expect(nodesTitled(doc, "Constant")).toHaveLength(0);
    const lstm = nodesTitled(doc, "LSTM")[0]!;
    expect(lstm.details).toContain("direction=forward, hidden_size=64");
  });

  it("draws every graph input and output", () => {
    const inputs = doc.nodes.filter((n) => n.kind === "input").map((n) => n.title);
    expect(inputs).toEqual(module.graphs.decode.inputs.map((v) => v.name));
    const outputs = doc.nodes.filter((n) => n.kind === "output");
    expect(outputs.map((n) => [n.title, n.details])).toEqual([["logits", ["→ [B, T, 24]"]]]);
  });
});

describe("other entry points and models", () => {
  it("draws encode without a Scan, its layers clustered by path", () => {
    const { module } = loadSpec("specs/papers/transformer.s2s", "transformer_base");
    const doc = irGraph(module, "encode");
    expect(allClusters(doc.root).some((c) => c.kind === "scan")).toBe(false);
    const labels = allClusters(doc.root).map((c) => c.label);
    expect(labels).toContain("encoder");
    expect(labels).toContain("layer5");
    expect(labels).toContain("self_attention/scaled_dot");
    expect(doc.title).toBe("transformer_base · encode");
    expect(doc.direction).toBe("TB");
  });

  it("draws decode_step with its cache states as inputs and outputs", () => {
    const { module } = loadSpec("specs/tiny/transformer_tiny.s2s");
    const doc = irGraph(module, "decode_step");
    const outputs = doc.nodes.filter((n) => n.kind === "output").map((n) => n.title);
    expect(outputs).toContain("next/state/decoder/layer1/self_attention/value");
  });

  it("joins an op reading one value twice into one edge", () => {
    const { module } = loadSpec("specs/tiny/attn_dot.s2s");
    const doc = irGraph(module, "decode");
    const keys = new Set(doc.edges.map((e) => `${e.from}>${e.to}`));
    expect(keys.size).toBe(doc.edges.length);
  });
});
