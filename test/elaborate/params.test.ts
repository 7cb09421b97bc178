/**
 * Parameter counts against the papers the specs come from (issue 3's acceptance):
 * Sutskever et al. 2014: 384M; Vaswani et al. 2017 Table 3: base 65M, big 213M (within
 * 4%, with the conventions of docs/numerics.md).
 */
import { describe, expect, it } from "vitest";
import { elaborate } from "../../src/elaborate/index.js";
import { model, trainableParams } from "./helpers.js";

describe("parameter counts match the papers", () => {
  it("sutskever2014: 384M", () => {
    const r = elaborate(model("specs/papers/sutskever2014.s2s", "sutskever2014"));
    expect(r.diagnostics).toEqual([]);
    // 160k·1000 + 80k·1000 embeddings, 8 LSTM layers of 4·1000·2000 + 4000, softmax 1000·80k + 80k.
    expect(trainableParams(r)).toBe(
      240_000_000 + 8 * (4 * 1000 * 2000 + 4000) + 80_000_000 + 80_000,
    );
    expect(trainableParams(r) / 384e6).toBeCloseTo(1, 2);
  });
  it("transformer_base: 65M within 4%", () => {
    const n = trainableParams(elaborate(model("specs/papers/transformer.s2s", "transformer_base")));
    expect(Math.abs(n / 65e6 - 1)).toBeLessThan(0.04);
  });
  it("transformer_big: 213M within 4%", () => {
    const n = trainableParams(elaborate(model("specs/papers/transformer.s2s", "transformer_big")));
    expect(Math.abs(n / 213e6 - 1)).toBeLessThan(0.04);
  });
  it("pre-norm adds exactly the two final norms", () => {
    const base = trainableParams(
      elaborate(model("specs/papers/transformer.s2s", "transformer_base")),
    );
    const pre = trainableParams(
      elaborate(model("specs/papers/transformer.s2s", "transformer_pre")),
    );
    expect(pre - base).toBe(2 * 2 * 512);
  });
});
