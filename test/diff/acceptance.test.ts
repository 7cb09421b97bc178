/**
 * The acceptance pairs of issue 8, on the pure comparison (`diffModels`): what changed
 * between two resolved architectures, and nothing else.
 */
import { describe, expect, it } from "vitest";
import { summarize } from "../../src/summary/data.js";
import type { ModelDiff, SettingChange } from "../../src/diff/index.js";
import { diffFixtures, fixtureModel } from "./helpers.js";

const T = "transformer.s2s";

/** `field: before → after` for every setting change, with how many places it has. */
function settingSummary(d: ModelDiff): Record<string, number> {
  const out: Record<string, number> = {};
  for (const s of d.settings) {
    const key = `${s.field}: ${s.before?.text} → ${s.after?.text}`;
    out[key] = (out[key] ?? 0) + 1;
  }
  return out;
}

const where = (d: ModelDiff, pred: (s: SettingChange) => boolean) =>
  d.settings.filter(pred).map((s) => s.path);

describe("transformer_base vs transformer_big", () => {
  const d = diffFixtures([T, "transformer_base"], [T, "transformer_big"]);

  it("reports exactly the changed settings, at every place they resolve to", () => {
    expect(d.equal).toBe(false);
    expect(settingSummary(d)).toEqual({
      // model level, inherited by encoder, decoder, train and the 30 sublayers
      "dropout: 0.1 → 0.3": 1 + 3 + 30,
      "embed: 512 → 1024": 2,
      // encoder self-attention ×6, decoder self- and cross-attention ×6 each
      "heads: 8 → 16": 18,
      "hidden: 2048 → 4096": 12,
    });
    // Where each value is written, as opposed to inherited.
    const written = where(d, (s) => s.after?.origin === "spec");
    expect(written.filter((p) => !p.includes("/layer"))).toEqual(["model", "source", "target"]);
    expect(where(d, (s) => s.field === "dropout" && s.after?.origin === "spec")).toEqual(["model"]);
    expect(
      where(d, (s) => s.field === "dropout" && s.after?.origin === "inherited").slice(0, 3),
    ).toEqual(["encoder", "decoder", "train"]);
    expect(where(d, (s) => s.field === "hidden")).toEqual([
      ...[0, 1, 2, 3, 4, 5].map((i) => `encoder/layer${i}/feed_forward`),
      ...[0, 1, 2, 3, 4, 5].map((i) => `decoder/layer${i}/feed_forward`),
    ]);
  });

  it("changes layers in place: no layer is added, removed or renumbered", () => {
    expect(d.layers.every((l) => l.status === "changed")).toBe(true);
    expect(d.renumbered).toEqual([]);
    const sa = d.layers.find((l) => l.path === "encoder/layer3/self_attention")!;
    expect(sa.before!.outputShape).toEqual(["B", "S", 512]);
    expect(sa.after!.outputShape).toEqual(["B", "S", 1024]);
    expect(sa.changed).toEqual(["settings", "outputShape", "params", "macs", "tensors"]);
    // 4 projections d×d + d, and a layer norm 2d: at d = 512 and d = 1024.
    expect(sa.params).toMatchObject({
      before: 4 * (512 * 512 + 512) + 1024,
      after: 4 * (1024 * 1024 + 1024) + 2048,
    });
  });

  it("gives deltas equal to the difference of the two summaries", () => {
    const a = summarize(fixtureModel(T, "transformer_base").module, 64);
    const b = summarize(fixtureModel(T, "transformer_big").module, 64);
    expect(d.params.total).toMatchObject({
      before: a.params.trainable,
      after: b.params.trainable,
      delta: b.params.trainable - a.params.trainable,
    });
    expect(d.params.total.relative).toBeCloseTo(
      (b.params.trainable - a.params.trainable) / a.params.trainable,
      12,
    );
    expect(d.params.weightBytes.delta).toBe(b.params.weightBytes - a.params.weightBytes);
    const sa = new Map(a.params.bySection);
    const sb = new Map(b.params.bySection);
    expect(Object.keys(d.params.bySection)).toEqual(["embedding", "encoder", "decoder", "output"]);
    for (const [section, delta] of Object.entries(d.params.bySection)) {
      expect(delta.delta).toBe((sb.get(section) ?? 0) - (sa.get(section) ?? 0));
    }
    for (const f of ["perSourceToken", "perTargetToken", "perGeneratedToken"] as const) {
      expect(d.compute.macs[f].delta).toBe(b.tokens[f] - a.tokens[f]);
      expect(d.compute.flops[f].delta).toBe(2 * b.tokens[f] - 2 * a.tokens[f]);
      for (const s of b.sections) {
        const before = a.sections.find((x) => x.section === s.section)?.[f] ?? 0;
        expect(d.compute.macs.bySection[s.section]![f].delta).toBe(s[f] - before);
      }
    }
    expect(d.compute.macs.perSequencePair.delta).toBe(
      b.tokens.perSequencePair - a.tokens.perSequencePair,
    );
    // The per-layer rows add up to the total too (every trainable tensor has a layer).
    expect(d.layers.reduce((n, l) => n + l.params.delta, 0)).toBe(d.params.total.delta);
  });
});

describe("equal architectures", () => {
  it("a spec and the same spec reformatted, with other comments, are equal", () => {
    const d = diffFixtures(["luong.s2s", "luong"], ["luong_reformatted.s2s", "luong"]);
    expect(d.equal).toBe(true);
    expect(d.settings).toEqual([]);
    expect(d.layers).toEqual([]);
    expect(d.params.total.delta).toBe(0);
  });

  it("other `let` names, a parameter, `extends` and written-out defaults change nothing", () => {
    const d = diffFixtures(["luong.s2s", "luong"], ["luong_rewritten.s2s", "luong_again"]);
    expect(d.equal).toBe(true);
    expect(d.settings).toEqual([]);
    expect(d.layers).toEqual([]);
    expect(d.renumbered).toEqual([]);
  });

  it("a model compared with itself is equal, --ir included", () => {
    const d = diffFixtures([T, "transformer_base"], [T, "transformer_base"], {
      ir: { passes: [], run: (m) => m },
    });
    expect(d.equal).toBe(true);
    expect(d.ir!.paths).toEqual([]);
  });
});

describe("a stack of 6 vs 7", () => {
  const d = diffFixtures(["stacks.s2s", "stack6"], ["stacks.s2s", "stack7"]);

  it("is one added layer, whose parameters are the whole delta", () => {
    expect(d.layers).toHaveLength(1);
    const [added] = d.layers;
    expect(added).toMatchObject({
      status: "added",
      path: "encoder/layer6/lstm",
      before: null,
      changed: [],
    });
    // An LSTM on a 64-wide input: W and R of 4·64 × 64, one bias of 4·64.
    expect(added!.after!.params).toBe(2 * 256 * 64 + 256);
    expect(added!.params.delta).toBe(added!.after!.params);
    expect(d.params.total.delta).toBe(added!.after!.params);
    expect(d.params.bySection["encoder"]!.delta).toBe(added!.after!.params);
    expect(added!.tensors.map((t) => [t.name, t.status, t.after])).toEqual([
      ["W", "added", [1, 256, 64]],
      ["R", "added", [1, 256, 64]],
      ["b", "added", [1, 256]],
    ]);
    expect(d.depth.encoder).toMatchObject({ before: 6, after: 7, delta: 1 });
    expect(d.settings).toEqual([]);
    expect(d.renumbered).toEqual([]);
  });

  it("adds the new layer's MACs to the encoder and nothing to the decoder", () => {
    expect(d.compute.macs.bySection["encoder"]!.perSourceToken.delta).toBe(
      d.layers[0]!.after!.macsPerToken,
    );
    expect(d.compute.macs.bySection["decoder"]!.perTargetToken.delta).toBe(0);
  });

  it("a layer inserted in the middle is one added layer; the layers after it are renumbered, not changed", () => {
    const m = diffFixtures(["stacks.s2s", "stack6"], ["stacks.s2s", "inserted"]);
    expect(m.layers.map((l) => [l.status, l.path])).toEqual([["added", "encoder/layer3/gru"]]);
    expect(m.renumbered).toEqual([
      { before: "encoder/layer3", after: "encoder/layer4" },
      { before: "encoder/layer4", after: "encoder/layer5" },
      { before: "encoder/layer5", after: "encoder/layer6" },
    ]);
    expect(m.params.total.delta).toBe(m.layers[0]!.after!.params);
  });

  it("in a Transformer, the added numbered layer brings all its sublayers", () => {
    const t = diffFixtures([T, "transformer_base"], [T, "transformer_7"]);
    expect(t.layers.map((l) => [l.status, l.path])).toEqual([
      ["added", "encoder/layer6/self_attention"],
      ["added", "encoder/layer6/feed_forward"],
      ["added", "decoder/layer6/self_attention"],
      ["added", "decoder/layer6/cross_attention"],
      ["added", "decoder/layer6/feed_forward"],
    ]);
    expect(t.params.total.delta).toBe(t.layers.reduce((n, l) => n + l.after!.params, 0));
    expect(t.settings).toEqual([]);
  });
});

describe("dot vs general attention", () => {
  const d = diffFixtures(["attention.s2s", "dot_scores"], ["attention.s2s", "general_scores"]);

  it("is the attention type change and the added W matrix", () => {
    expect(d.settings).toEqual([]);
    expect(d.layers).toHaveLength(1);
    const [att] = d.layers;
    expect(att).toMatchObject({
      status: "changed",
      path: "decoder/layer1/attention",
      changed: ["kind", "variant", "params", "macs", "tensors"],
      variant: { before: "dot", after: "general" },
    });
    expect(att!.before!.kind).toBe("attention/dot");
    expect(att!.after!.kind).toBe("attention/general");
    // W is dq × dk = 64 × 64: the whole parameter delta.
    expect(att!.tensors).toEqual([
      {
        name: "score_proj/weight",
        status: "added",
        before: null,
        after: [64, 64],
        params: { before: 0, after: 4096, delta: 4096, relative: null },
      },
    ]);
    expect(att!.params.delta).toBe(4096);
    expect(d.params.total.delta).toBe(4096);
    expect(att!.before!.outputShape).toEqual(att!.after!.outputShape);
  });
});

describe("where values come from", () => {
  it("a default replaced by a written value shows both origins", () => {
    const d = diffFixtures([T, "transformer_base"], [T, "transformer_pre"]);
    const residual = d.settings.filter((s) => s.field === "residual");
    expect(residual.map((s) => [s.path, s.before!.origin, s.after!.origin])).toEqual([
      ["model", "default", "spec"],
      ["encoder", "default", "inherited"],
      ["decoder", "default", "inherited"],
    ]);
    expect(residual[0]!.before!.value).toBe("post_norm");
    expect(residual[0]!.after).toEqual({
      type: "enum",
      value: "pre_norm",
      text: "pre_norm",
      origin: "spec",
    });
  });
});
