/**
 * Memory discipline: tf.memory().numTensors is the same after every step of a decoding
 * loop and of a training loop (50 steps each), on wasm, for a recurrent model with a
 * Scan (attn_general) and a Transformer with dropout and a growing key/value cache. The
 * first forward pass caches the values derived from the weights (the tied output's
 * transposed embedding, merged projections); a weight update replaces that cache, and
 * dispose() releases it with the weights.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, test } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { createTfjsModel } from "../../src/runtime/model.js";
import { modulesOf, SRC } from "./helpers.js";

const STEPS = 50;

describe.each(["specs/tiny/attn_general.s2s", "specs/tiny/transformer_tiny.s2s"])(
  "%s on wasm",
  (spec) => {
    const module = modulesOf(spec)[0]!;

    test(`decoding holds the tensor count for ${STEPS} steps`, async () => {
      const before = tf.memory().numTensors;
      const model = await createTfjsModel(module, initWeights(module, 2), { backend: "wasm" });
      try {
        await model.greedy(SRC, 6); // fills the derived-weights cache
        const start = tf.memory().numTensors;
        await model.greedy(SRC, 6);
        expect(tf.memory().numTensors).toBe(start);

        const encoded = model.encode(SRC);
        let states = encoded.states;
        const counts: number[] = [];
        for (let t = 0; t < STEPS; t++) {
          const { logits, states: next } = model.step(encoded, states, [4, 5], t);
          logits.dispose();
          const held = new Set([...Object.values(next), ...Object.values(encoded.outputs)]);
          for (const s of Object.values(states)) if (!held.has(s)) s.dispose();
          states = next;
          counts.push(tf.memory().numTensors);
        }
        expect(new Set(counts).size).toBe(1);
        model.disposeEncoded({ outputs: encoded.outputs, states });
        expect(tf.memory().numTensors).toBe(start);
      } finally {
        model.dispose();
      }
      expect(tf.memory().numTensors).toBe(before);
    });

    test(`training holds the tensor count for ${STEPS} steps`, async () => {
      const model = await createTfjsModel(module, initWeights(module, 2), { backend: "wasm" });
      const optimizer = tf.train.adam(1e-3);
      const batch = { src: SRC, tgt: [[5, 6, 7], [8]] };
      try {
        // The first step creates the optimiser's slots; from then on nothing may accumulate.
        model.trainStep(optimizer, batch, { labelSmoothing: 0.1 });
        await model.greedy(SRC, 3);
        const counts: number[] = [];
        for (let i = 1; i < STEPS; i++) {
          model.trainStep(optimizer, batch, { labelSmoothing: 0.1 });
          // Decoding after a weight update replaces the derived-weights cache, never adds to it.
          if (i % 10 === 0) await model.greedy(SRC, 3);
          counts.push(tf.memory().numTensors);
        }
        expect(new Set(counts).size).toBe(1);
      } finally {
        optimizer.dispose();
        model.dispose();
      }
    });
  },
);
