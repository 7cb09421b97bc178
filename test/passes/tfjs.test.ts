/**
 * Compiled at -O2, models still match the interpreter on tfjs: the fused ops' tfjs
 * lowerings compute what the interpreter's fused kernels (and the unfused graphs) do.
 */
import { describe, expect, test } from "vitest";
import { InterpModel } from "../../src/backends/interp/model.js";
import { initWeights } from "../../src/backends/interp/weights.js";
import { createTfjsModel } from "../../src/runtime/model.js";
import { passesForLevel, runPipeline } from "../../src/passes/index.js";
import { specTable, SRC, TGT } from "./helpers.js";

const TOLERANCE = 1e-4;

function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  let err = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    err = Math.max(err, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return err / Math.max(scale, 1e-30);
}

const MODULES = specTable().map((e) => e.module);

describe("every spec at -O2 on tfjs (cpu) matches the unoptimised interpreter", () => {
  test.each(MODULES.map((m) => [m.model, m] as const))("%s", async (_, module) => {
    const r = runPipeline(module, passesForLevel(2), { verifyEach: true });
    if ("error" in r) throw new Error(r.error);
    const weights = initWeights(module, 3);
    const ref = new InterpModel(module, weights, 3);
    const model = await createTfjsModel(r.module, weights, { backend: "cpu" });
    try {
      const refEnc = ref.encode(SRC);
      const enc = model.encode(SRC);
      const logits = model.decode(enc, TGT);
      expect(relativeError(await logits.data(), ref.decode(refEnc, TGT).data)).toBeLessThan(
        TOLERANCE,
      );
      logits.dispose();
      let refStates = refEnc.states;
      let states = enc.states;
      for (let t = 0; t < 2; t++) {
        const tokens = t === 0 ? [1, 1] : [6, 10];
        const a = ref.step(refEnc, refStates, tokens, t);
        const b = model.step(enc, states, tokens, t);
        expect(relativeError(await b.logits.data(), a.logits.data)).toBeLessThan(TOLERANCE);
        b.logits.dispose();
        refStates = a.states;
        states = b.states;
      }
      model.disposeEncoded({ outputs: enc.outputs, states });
    } finally {
      model.dispose();
    }
  });
});
