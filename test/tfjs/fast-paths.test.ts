/**
 * The tfjs backend's speed paths compute what the plain ones do:
 * - attention's per-head products as depthwise convolutions on wasm (attentionByConv
 *   and headMatMul in prelude/attention.ts), which only large products outside a
 *   gradient tape take: a batch of 4 × length 64 through transformer_tiny (16 heads ×
 *   64×64×16), rows padded by 0 to 27 tokens, agrees with the interpreter;
 * - FusedMatMul through tf.fused.matMul outside a tape (bias and relu in the GEMM's
 *   epilogue): transformer_tiny at -O2 agrees with the interpreter on wasm and cpu, and
 *   the fused kernel did run; a training step takes the plain path (it has a gradient);
 * - the cache of values derived from the weights (codegen/derive.ts, weightsFor in
 *   codegen/api.ts) follows a weight update: after a training step the model decodes
 *   exactly as a fresh model built from the updated weights.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, test } from "vitest";
import { InterpModel } from "../../src/backends/interp/model.js";
import { initWeights } from "../../src/backends/interp/weights.js";
import { createTfjsModel } from "../../src/runtime/model.js";
import type { IrModule } from "../../src/ir/types.js";
import { passesForLevel, runPipeline } from "../../src/passes/index.js";
import { modulesOf, relativeError } from "./helpers.js";

const module = modulesOf("specs/tiny/transformer_tiny.s2s")[0]!;
const optimised = (() => {
  const r = runPipeline(module, passesForLevel(2));
  if ("error" in r) throw new Error(r.error);
  return r.module;
})();

/** Deterministic ids in 4..63 without padding: every attention product is full size. */
function rows(batch: number, length: number, salt: number): number[][] {
  return Array.from({ length: batch }, (_, b) =>
    Array.from({ length }, (_, t) => 4 + ((b * 13 + t * 7 + salt) % 60)),
  );
}

/**
 * A teacher-forced forward of `m` on `backend` under tf.profile, against the
 * interpreter with the same weights: the relative error and the kernels that ran.
 */
async function profiledAgainstInterpreter(
  m: IrModule,
  backend: "wasm" | "cpu",
  src: number[][],
  tgt: number[][],
  seed: number,
): Promise<{ error: number; kernels: string[] }> {
  const weights = initWeights(m, seed);
  const reference = new InterpModel(m, weights, seed);
  const expected = reference.decode(reference.encode(src), tgt).data;
  const model = await createTfjsModel(m, weights, { backend });
  try {
    let actual: Float32Array | undefined;
    const profile = await tf.profile(async () => {
      const encoded = model.encode(src);
      const logits = model.decode(encoded, tgt);
      actual = (await logits.data()) as Float32Array;
      logits.dispose();
      model.disposeEncoded(encoded);
    });
    return { error: relativeError(actual!, expected), kernels: profile.kernelNames };
  } finally {
    model.dispose();
  }
}

describe("tfjs fast paths", () => {
  test.each([
    ["-O0", module],
    ["-O2", optimised],
  ])("large attention on wasm agrees with the interpreter (%s)", async (_, m) => {
    // Padded rows (pad = 0) exercise the padding mask in the fast path's layout.
    const pad = (r: number[], b: number) => r.map((t, i) => (i >= r.length - 9 * b ? 0 : t));
    const src = rows(4, 64, 1).map(pad);
    const tgt = rows(4, 64, 2).map((r, b) => pad([1, ...r.slice(1)], b));
    const r = await profiledAgainstInterpreter(m, "wasm", src, tgt, 3);
    // The fast path did run (and did not simply fall back to tf.matMul).
    expect(r.kernels).toContain("DepthwiseConv2dNative");
    expect(r.error).toBeLessThan(1e-5);
  });

  test.each(["wasm", "cpu"] as const)(
    "FusedMatMul runs as one fused kernel outside a tape on %s",
    async (backend) => {
      const src = rows(2, 9, 5);
      const tgt = rows(2, 7, 6).map((r) => [1, ...r.slice(1)]);
      const r = await profiledAgainstInterpreter(optimised, backend, src, tgt, 4);
      expect(r.kernels).toContain("_FusedMatMul");
      expect(r.error).toBeLessThan(1e-5);
    },
  );

  test("the derived-weights cache follows a training step", async () => {
    const src = rows(2, 6, 3);
    const tgt = rows(2, 5, 4);
    const model = await createTfjsModel(optimised, initWeights(optimised, 5), { backend: "wasm" });
    const optimizer = tf.train.adam(1e-2);
    try {
      const before = await model.greedy(src, 5); // fills the cache
      model.trainStep(optimizer, { src, tgt });
      const updated = new Map(
        [...model.variables].map(([name, v]) => [
          name,
          { dims: v.shape, data: Float32Array.from(v.dataSync()) },
        ]),
      );
      const fresh = await createTfjsModel(optimised, updated, { backend: "wasm" });
      try {
        const tgtIn = tgt.map((r) => [1, ...r]);
        const [a, b] = [model, fresh].map((m) => {
          const enc = m.encode(src);
          const logits = m.decode(enc, tgtIn);
          const data = logits.dataSync();
          logits.dispose();
          m.disposeEncoded(enc);
          return data;
        });
        expect(Array.from(a!)).toEqual(Array.from(b!));
        expect(await model.greedy(src, 5)).toEqual(await fresh.greedy(src, 5));
        expect(before).toHaveLength(2);
      } finally {
        fresh.dispose();
      }
    } finally {
      optimizer.dispose();
      model.dispose();
    }
  });
});
