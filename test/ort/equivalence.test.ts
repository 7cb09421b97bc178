/**
 * Three executors, one model: the reference interpreter, tfjs (cpu) and ONNX Runtime on
 * the exported files agree on teacher-forced logits within 1e-4 (max |Δ| / max |logit|),
 * on decode_step logits over a few positions, and exactly on greedy decodes — for every
 * tiny spec and reduced paper model, exported as elaborated (-O0) and at -O2, with
 * random distinct weights (seeded), which is what exposes gate-order and layout mistakes.
 * On the sources at the edges of masking (all padding, a single token: edge-sources.ts)
 * tfjs wasm joins them, with the same ORT session.
 */
import { afterAll, describe, expect, test } from "vitest";
import { InterpModel } from "../../src/backends/interp/model.js";
import { initWeights } from "../../src/backends/interp/weights.js";
import { TF_BACKENDS } from "../../src/backends/tfjs/tf-backends.js";
import type { IrModule } from "../../src/ir/types.js";
import { createOrtModel } from "../../src/node/ort/model.js";
import { createTfjsModel } from "../../src/runtime/model.js";
import { interpStepModel } from "../../src/decode/interp.js";
import { ortStepModel } from "../../src/node/ort/step-model.js";
import { greedy } from "../../src/decode/search.js";
import type { StepModel } from "../../src/decode/step-model.js";
import { tfjsStepModel } from "../../src/runtime/step-model.js";
import { exportCases } from "../onnx/helpers.js";
import { relativeError, SRC, TGT_IN } from "../tfjs/helpers.js";
import { compareOnEdgeSources, interpExecutor, type Executor } from "./edge-sources.js";

const TOLERANCE = 1e-4;
const STEPS = 4;
const GREEDY_SRC = [
  [4, 5, 6, 7, 3, 9],
  [8, 9, 5],
  [10, 11, 12, 13],
];
const GREEDY_MAX = 8;
const worst: Record<string, number> = {};

type OrtModel = Awaited<ReturnType<typeof createOrtModel>>;

function ortExecutor(ort: OrtModel): Executor {
  return {
    name: "ORT",
    logits: async (src, tgtIn) => (await ort.decode(await ort.encode(src), tgtIn)).data,
    steps: ortStepModel(ort) as StepModel<unknown>,
  };
}

type EdgeResult = Awaited<ReturnType<typeof compareOnEdgeSources>>;

/** Each tfjs backend in turn: tfjs runs every model on its one global backend. */
async function compareTfjsOnEdgeSources(
  compiled: IrModule,
  weights: Parameters<typeof createTfjsModel>[1],
  ref: Executor,
): Promise<EdgeResult[]> {
  const results: EdgeResult[] = [];
  for (const backend of TF_BACKENDS) {
    const tfjs = await createTfjsModel(compiled, weights, { backend });
    try {
      const executor: Executor = {
        name: `tfjs ${backend}`,
        logits: async (src, tgtIn) => {
          const enc = tfjs.encode(src);
          const logits = tfjs.decode(enc, tgtIn);
          const data = await logits.data();
          logits.dispose();
          tfjs.disposeEncoded(enc);
          return data;
        },
        steps: tfjsStepModel(tfjs) as StepModel<unknown>,
      };
      results.push(await compareOnEdgeSources(ref, [executor], TOLERANCE));
    } finally {
      tfjs.dispose();
    }
  }
  return results;
}

describe("interpreter, tfjs and ONNX Runtime agree", () => {
  test.each(exportCases())("%s", async (label, module, compiled) => {
    const weights = initWeights(module, 11);
    const ref = new InterpModel(module, weights, 11);
    const ort = await createOrtModel(compiled, weights);
    const errors: number[] = [];
    const edgeMismatches: string[] = [];
    try {
      const tfjs = await createTfjsModel(compiled, weights, { backend: "cpu" });
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
      }

      // The edge sources: ORT on the same session, then each tfjs backend.
      const interp = interpExecutor(ref);
      for (const r of [
        await compareOnEdgeSources(interp, [ortExecutor(ort)], TOLERANCE),
        ...(await compareTfjsOnEdgeSources(compiled, weights, interp)),
      ]) {
        edgeMismatches.push(...r.mismatches);
        errors.push(r.worst);
      }
    } finally {
      await ort.dispose();
    }
    expect(edgeMismatches).toEqual([]);
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
