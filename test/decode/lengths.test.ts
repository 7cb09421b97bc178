/**
 * The position table bounds every decode: with `max_length = 6` a source of 6 tokens and
 * a target of 5 fit (the decoder reads <bos> first), and no search, on any executor,
 * returns more than 5 tokens however large `maxLength` is, so its output can always be
 * scored teacher-forced. One more source token is an InputLengthError, not a Gather error.
 */
import { describe, expect, it } from "vitest";
import { createRuntime } from "../../src/api/runtime.js";
import { loadText } from "../../src/api/load.js";
import { InterpModel } from "../../src/backends/interp/model.js";
import { initWeights } from "../../src/backends/interp/weights.js";
import { interpStepModel } from "../../src/decode/interp.js";
import {
  assertInputLengths,
  InputLengthError,
  lengthLimits,
  sourceLengthProblem,
  targetLengthProblem,
} from "../../src/decode/lengths.js";
import { beamSearch, greedy } from "../../src/decode/search.js";

const MAX = 6;
const module = (() => {
  const r = loadText(`model t {
  vocab = 16
  source { embed = 8 }
  target { embed = 8 }
  position = learned
  max_length = ${MAX}
  encoder { stack 1 { self_attention { heads = 1 } feed_forward { hidden = 8 } } }
  decoder { stack 1 { self_attention { heads = 1 } cross_attention { heads = 1 } feed_forward { hidden = 8 } } }
}
`);
  if (r.module === undefined) throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return r.module;
})();
const SRC = [4, 5, 6, 7, 8, 9];

describe("lengths against the position table", () => {
  it("fit at max_length (source) and max_length − 1 (target), not one more", () => {
    expect(lengthLimits(module.config)).toEqual({ positions: MAX, source: MAX, target: MAX - 1 });
    expect(sourceLengthProblem(module.config, MAX)).toBeUndefined();
    expect(sourceLengthProblem(module.config, MAX + 1)).toMatch(/max_length/);
    expect(targetLengthProblem(module.config, MAX - 1)).toBeUndefined();
    expect(targetLengthProblem(module.config, MAX)).toMatch(/<bos>/);
    expect(() =>
      assertInputLengths(module.config, { tgtIn: [[1, ...SRC.slice(1)]] }),
    ).not.toThrow();
    expect(() => assertInputLengths(module.config, { tgtIn: [[1, ...SRC]] })).toThrow(
      InputLengthError,
    );
    expect(lengthLimits({})).toBeUndefined();
  });

  it("counts no padding: it takes no position, so a padded row of max_length tokens runs", async () => {
    const padded = [...SRC, 0, 0];
    const allPad = new Array<number>(MAX + 4).fill(0);
    expect(() => assertInputLengths(module.config, { src: [padded, allPad] })).not.toThrow();
    expect(() =>
      assertInputLengths(module.config, { tgtIn: [[1, 4, 5, 0, 0, 0, 0]] }),
    ).not.toThrow();
    const interp = new InterpModel(module, initWeights(module, 5));
    // What the check lets through, the backends run (positions are CumSum(mask) − 1).
    expect(() =>
      interp.decode(interp.encode([padded, allPad]), [
        [1, 4, 5, 0, 0, 0, 0],
        [1, 4, 5, 6, 7, 8, 0],
      ]),
    ).not.toThrow();
    await expect(greedy(interpStepModel(interp), [padded, allPad])).resolves.toHaveLength(2);
  });

  it("the searches and the interpreter stop below the table and reject a longer source", async () => {
    // Seeds whose untrained decode runs to the limit, so the cap is what stops it.
    const weights = initWeights(module, 5);
    const interp = new InterpModel(module, weights);
    const steps = interpStepModel(interp);
    const g = (await greedy(steps, [SRC], { maxLength: 100 }))[0]!;
    const b = await beamSearch(steps, SRC, { maxLength: 100, beam: 3 });
    const direct = interp.greedy([SRC], 100)[0]!;
    for (const tokens of [g.tokens, b.tokens, direct]) {
      expect(tokens.length).toBeLessThanOrEqual(MAX - 1);
      // What a search returns can be scored teacher-forced: [<bos>, ...tokens] fits.
      expect(() => interp.decode(interp.encode([SRC]), [[1, ...tokens]])).not.toThrow();
    }
    expect(Math.max(g.tokens.length, b.tokens.length, direct.length)).toBe(MAX - 1);
    await expect(greedy(steps, [[...SRC, 4]])).rejects.toThrow(InputLengthError);
    await expect(beamSearch(steps, [...SRC, 4], { beam: 2 })).rejects.toThrow(InputLengthError);
  });

  it("the tfjs runtime does the same, through the searches and its own greedy", async () => {
    const r = await createRuntime(module, { seed: 5, backend: "cpu" });
    const rt = r.runtime!;
    try {
      const viaSearch = (await rt.greedy([SRC], { maxLength: 100 }))[0]!.tokens;
      const own = (await rt.model.greedy([SRC], 100))[0]!;
      for (const tokens of [viaSearch, own]) expect(tokens.length).toBeLessThanOrEqual(MAX - 1);
      expect(Math.max(viaSearch.length, own.length)).toBe(MAX - 1);
      expect(() => rt.encode([[...SRC, 4]])).toThrow(InputLengthError);
      expect(() => rt.trainStep({ src: [SRC], tgt: [SRC] })).toThrow(/the target has 6 tokens/);
    } finally {
      rt.dispose();
    }
  });
});
