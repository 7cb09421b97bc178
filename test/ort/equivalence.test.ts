/**
 * Three executors, one model: the reference interpreter, tfjs (cpu) and ONNX Runtime on
 * the exported files agree on teacher-forced logits within 1e-4 (max |Δ| / max |logit|),
 * on decode_step logits over a few positions, and exactly on greedy decodes — for every
 * tiny spec and reduced paper model, exported as elaborated (-O0) and at -O2, with
 * random distinct weights (seeded), which is what exposes gate-order and layout mistakes.
 */
import { afterAll, describe, expect, test } from "vitest";
import { InterpModel } from "../../src/backends/interp/model.js";
import { initWeights } from "../../src/backends/interp/weights.js";
import { createOrtModel } from "../../src/node/ort/model.js";
import { createTfjsModel } from "../../src/backends/tfjs/runtime/model.js";
import { interpStepModel } from "../../src/decode/interp.js";
import { ortStepModel } from "../../src/node/ort/step-model.js";
import { greedy } from "../../src/decode/search.js";
import { tfjsStepModel } from "../../src/decode/tfjs.js";
import { exportCases } from "../onnx/helpers.js";
import { relativeError, SRC, TGT_IN } from "../tfjs/helpers.js";

const TOLERANCE = 1e-4;
const STEPS = 4;
const GREEDY_SRC = [
  [4, 5, 6, 7, 3, 9],
  [8, 9, 5],
  [10, 11, 12, 13],
];
const GREEDY_MAX = 8;
const worst: Record<string, number> = {};

describe("interpreter, tfjs and ONNX Runtime agree", () => {
  test.each(exportCases())("%s", async (label, module, compiled) => {
    const weights = initWeights(module, 11);
    const ref = new InterpModel(module, weights, 11);
    const ort = await createOrtModel(compiled, weights);
    const tfjs = await createTfjsModel(compiled, weights, { backend: "cpu" });
    const errors: number[] = [];
    try {
      // Teacher-forced logits.
      const refLogits = ref.decode(ref.encode(SRC), TGT_IN);
      const enc = await ort.encode(SRC);
      const logits = await ort.decode(enc, TGT_IN);
      expect(logits.dims).toEqual(refLogits.dims);
      errors.push(relativeError(logits.data, refLogits.data));
      const tfEnc = tfjs.encode(SRC);
      const tfLogits = tfjs.decode(tfEnc, TGT_IN);
      errors.push(relativeError(await tfLogits.data(), logits.data));
      tfLogits.dispose();
      tfjs.disposeEncoded(tfEnc);

      // decode_step threads the states (caches, recurrent states) position by position.
      const refEnc = ref.encode(SRC);
      let refStates = refEnc.states;
      let states = enc.states;
      for (let t = 0; t < STEPS; t++) {
        const tokens = [TGT_IN[0]![t % 5]!, TGT_IN[1]![t % 3]!];
        const r = ref.step(refEnc, refStates, tokens, t);
        const s = await ort.step(enc, states, tokens, t);
        errors.push(relativeError(s.logits, r.logits.data));
        refStates = r.states;
        states = s.states;
      }

      // Greedy decodes, through the one search over each backend's StepModel.
      const opts = { maxLength: GREEDY_MAX };
      const a = await greedy(interpStepModel(ref), GREEDY_SRC, opts);
      const b = await greedy(tfjsStepModel(tfjs), GREEDY_SRC, opts);
      const c = await greedy(ortStepModel(ort), GREEDY_SRC, opts);
      expect(c.map((h) => h.tokens)).toEqual(a.map((h) => h.tokens));
      expect(b.map((h) => h.tokens)).toEqual(a.map((h) => h.tokens));
    } finally {
      tfjs.dispose();
      await ort.dispose();
    }
    const max = Math.max(...errors);
    worst[label] = max;
    expect(max).toBeLessThan(TOLERANCE);
  });
});

afterAll(() => {
  const rows = Object.entries(worst).map(([k, v]) => `${k}: ${v.toExponential(2)}`);
  console.log(
    `largest relative logit error per model (ORT vs interp and tfjs):\n  ${rows.join("\n  ")}`,
  );
});
