/**
 * Weight copies the prelude keeps (`prepared`: the LSTM's transposed W and R, -O2's
 * transposed tied embedding): made once and reused by every decode step, never served
 * stale after a weight update, released with the model.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, test } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { createTfjsModel } from "../../src/runtime/model.js";
import type { IrModule } from "../../src/ir/types.js";
import { passesForLevel, runPipeline } from "../../src/passes/index.js";
import { modulesOf, relativeError, SRC } from "./helpers.js";

function optimised(m: IrModule): IrModule {
  const r = runPipeline(m, passesForLevel(2, "tfjs"));
  if ("error" in r) throw new Error(r.error);
  return r.module;
}

const CASES: [string, () => IrModule][] = [
  ["attn_dot (LSTM) at -O0", () => modulesOf("specs/tiny/attn_dot.s2s")[0]!],
  [
    "transformer_tiny at -O2 (tied output)",
    () => optimised(modulesOf("specs/tiny/transformer_tiny.s2s")[0]!),
  ],
];

/** Logits of three decode steps (encode once), read back. */
function stepLogits(model: Awaited<ReturnType<typeof createTfjsModel>>): number[] {
  const encoded = model.encode(SRC);
  let states = encoded.states;
  const out: number[] = [];
  for (let t = 0; t < 3; t++) {
    const { logits, states: next } = model.step(encoded, states, [4, 5], t);
    out.push(...logits.dataSync());
    logits.dispose();
    const held = new Set([...Object.values(next), ...Object.values(encoded.outputs)]);
    for (const s of Object.values(states)) if (!held.has(s)) s.dispose();
    states = next;
  }
  model.disposeEncoded({ outputs: encoded.outputs, states });
  return out;
}

describe.each(CASES)("%s on wasm", (_, load) => {
  const module = load();

  test("uses kept copies: the program transposes a weight only on the first step", async () => {
    const model = await createTfjsModel(module, initWeights(module, 3), { backend: "wasm" });
    try {
      const count = async () => {
        const p = await tf.profile(() => void stepLogits(model));
        return p.kernels.filter((k) => k.name === "Transpose").length;
      };
      const first = await count();
      const second = await count();
      // Kept copies are no longer made: fewer transposes on the second run.
      expect(second).toBeLessThan(first);
    } finally {
      model.dispose();
    }
  });

  test("a weight update is never served a stale copy, and dispose releases the copies", async () => {
    const before = tf.memory().numTensors;
    const w0 = initWeights(module, 3);
    const w1 = initWeights(module, 4);
    const model = await createTfjsModel(module, w0, { backend: "wasm" });
    const fresh = await createTfjsModel(module, w1, { backend: "wasm" });
    try {
      stepLogits(model); // keeps copies of w0
      for (const [name, v] of model.variables) {
        const d = w1.get(name)!;
        const t = tf.tensor(d.data, [...d.dims], v.dtype);
        v.assign(t);
        t.dispose();
      }
      const updated = stepLogits(model);
      const expected = stepLogits(fresh);
      expect(relativeError(updated, expected)).toBeLessThan(1e-6);
    } finally {
      model.dispose();
      fresh.dispose();
    }
    expect(tf.memory().numTensors).toBe(before);
  });
});
