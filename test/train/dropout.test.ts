/**
 * `train { dropout = p }` / `--dropout p` replaces every dropout layer's rate while
 * training: the module copy verifies, every Dropout reads the new rate, the original is
 * untouched, and with p = 0 a training-mode forward pass equals the evaluation one
 * (with the spec's 0.1 it does not).
 */
import { describe, expect, test } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { createTfjsModel } from "../../src/runtime/model.js";
import { verifyModule } from "../../src/ir/verify.js";
import type { IrModule } from "../../src/ir/types.js";
import { withDropoutRate } from "../../src/train/dropout.js";
import { modulesOf } from "../tfjs/helpers.js";
import { dropoutRatios as ratios } from "./dropout-ratios.js";

describe("train.dropout", () => {
  test.each(["specs/tiny/transformer_tiny.s2s", "test/train/fixtures/dropout_lstm.s2s"])(
    "%s: every dropout layer reads the new rate; the original keeps its own",
    (spec) => {
      const m = modulesOf(spec)[0]!;
      const before = ratios(m);
      expect(before.length).toBeGreaterThan(0);
      const changed = withDropoutRate(m, 0.25);
      expect(verifyModule(changed)).toEqual([]);
      expect(ratios(changed)).toEqual(before.map(() => 0.25));
      expect(ratios(m)).toEqual(before);
    },
  );

  test("rate 0 makes a training forward pass equal the evaluation one", async () => {
    const m = modulesOf("specs/tiny/transformer_tiny.s2s")[0]!;
    const batch = { src: [[4, 5, 6, 7]], tgt: [[8, 9, 10]] };
    const lossOf = async (module: IrModule, training: boolean) => {
      const model = await createTfjsModel(module, initWeights(module, 1), { backend: "cpu" });
      try {
        model.seedDropout(7);
        const l = model.loss(batch, { training });
        const v = (await l.data())[0]!;
        l.dispose();
        return v;
      } finally {
        model.dispose();
      }
    };
    const evaluation = await lossOf(m, false);
    expect(await lossOf(m, true)).not.toBeCloseTo(evaluation, 5);
    expect(await lossOf(withDropoutRate(m, 0), true)).toBeCloseTo(evaluation, 5);
  });
});
