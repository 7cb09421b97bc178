/**
 * The tfjs backend against the reference interpreter: same seed, same weights, and
 * logits within 1e-4 relative (max |Δ| / max |logit|) for teacher-forced decoding and
 * for decode_step, on every tiny spec and every reduced paper model, on cpu and wasm,
 * both as elaborated and optimised at -O2 (with the fused ops of src/passes), against
 * the interpreter on the elaborated module.
 */
import { afterAll, describe, expect, test } from "vitest";
import { InterpModel } from "../../src/backends/interp/model.js";
import { initWeights } from "../../src/backends/interp/weights.js";
import { createTfjsModel } from "../../src/runtime/model.js";
import { TF_BACKENDS } from "../../src/backends/tfjs/tf-backends.js";
import type { IrModule } from "../../src/ir/types.js";
import { passesForLevel, runPipeline } from "../../src/passes/index.js";
import { relativeError, specModules, SRC, TGT_IN } from "./helpers.js";

const TOLERANCE = 1e-4;
const STEPS = 4;
function optimised(m: IrModule): IrModule {
  const r = runPipeline(m, passesForLevel(2), { verifyEach: false });
  if ("error" in r) throw new Error(r.error);
  return r.module;
}

const cases = specModules().flatMap((m) => [
  [`${m.model} -O0`, m, m] as const,
  [`${m.model} -O2`, m, optimised(m)] as const,
]);
const worst: Record<string, number> = {};

describe.each(TF_BACKENDS)("tfjs on %s matches the interpreter", (backend) => {
  test.each(cases)("%s", async (label, module, compiled) => {
    const weights = initWeights(module, 11);
    const ref = new InterpModel(module, weights, 11);
    const model = await createTfjsModel(compiled, weights, { backend });
    const errors: number[] = [];
    try {
      const refEnc = ref.encode(SRC);
      const enc = model.encode(SRC);
      const logits = model.decode(enc, TGT_IN);
      const refLogits = ref.decode(refEnc, TGT_IN);
      expect(logits.shape).toEqual(refLogits.dims);
      errors.push(relativeError(await logits.data(), refLogits.data));
      logits.dispose();

      // decode_step threads the states (caches, recurrent states) for a few positions.
      let refStates = refEnc.states;
      let states = enc.states;
      for (let t = 0; t < STEPS; t++) {
        const tokens = [TGT_IN[0]![t % 5]!, TGT_IN[1]![t % 3]!];
        const r = ref.step(refEnc, refStates, tokens, t);
        const s = model.step(enc, states, tokens, t);
        expect(s.logits.shape).toEqual(r.logits.dims);
        errors.push(relativeError(await s.logits.data(), r.logits.data));
        s.logits.dispose();
        refStates = r.states;
        states = s.states;
      }
      model.disposeEncoded({ outputs: enc.outputs, states });
    } finally {
      model.dispose();
    }
    const max = Math.max(...errors);
    worst[`${backend} ${label}`] = max;
    expect(max).toBeLessThan(TOLERANCE);
  });
});

afterAll(() => {
  // The measured margins, for the record (vitest prints console output of the file).
  const rows = Object.entries(worst).map(([k, v]) => `${k}: ${v.toExponential(2)}`);
  console.log(`largest relative logit error per model:\n  ${rows.join("\n  ")}`);
});
