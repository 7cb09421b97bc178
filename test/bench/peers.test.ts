/**
 * The hand-written peers of bench/peers/: the same parameter count as their specs, one
 * training step and one forward pass each, the Transformer peer computing exactly what
 * s2sc computes from the same weights, and the wasm segment-sum kernel the peers need.
 */
import * as tf from "@tensorflow/tfjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { useTfBackend } from "../../src/runtime/index.js";
import type { Peer } from "../../bench/peers/batch.js";
import { assertSameParams, CASES, caseData } from "../../bench/peers/cases.js";
import { compileSpec, S2scSide } from "../../bench/peers/s2sc-side.js";
import { TINY, TransformerOpsPeer } from "../../bench/peers/transformer-ops.js";
import { registerWasmSegmentSum } from "../../bench/peers/wasm-segment-sum.js";

const SPECIALS = { pad: 0, bos: 1, eos: 2 };

beforeAll(async () => {
  await useTfBackend("cpu");
});

afterAll(async () => {
  await useTfBackend("cpu");
});

describe("peers", () => {
  for (const c of CASES) {
    describe(c.model, () => {
      it("has the spec's parameter count", () => {
        const spec = compileSpec(c.spec);
        const peer = c.makePeer(spec, 0);
        try {
          expect(peer.countParams()).toBe(spec.params);
          expect(() => assertSameParams(c, spec, peer)).not.toThrow();
        } finally {
          peer.dispose();
        }
      });

      it("trains one step, runs forward and decodes", async () => {
        const spec = compileSpec(c.spec);
        const peer: Peer = c.makePeer(spec, 0);
        try {
          const batch = caseData(c, spec, 2).batch(0);
          const loss = await peer.trainStep(batch);
          expect(Number.isFinite(loss)).toBe(true);
          expect(loss).toBeGreaterThan(0);
          const y = peer.forward(batch);
          const T = Math.max(...batch.tgt.map((t) => t.length)) + 1;
          expect(y.shape).toEqual([2, T, spec.module.config.targetVocab]);
          expect(Array.from(await y.data()).every(Number.isFinite)).toBe(true);
          y.dispose();
          const out = await peer.greedy(batch.src, 3, true);
          expect(out.map((o) => o.length)).toEqual([3, 3]);
        } finally {
          peer.dispose();
        }
      });
    });
  }

  it("a wrong architecture fails the parameter assertion", () => {
    const c = CASES.find((x) => x.model === "transformer_tiny")!;
    const spec = compileSpec(c.spec);
    const peer = new TransformerOpsPeer({ ...TINY, ff: 128 }, SPECIALS);
    try {
      expect(() => assertSameParams(c, spec, peer)).toThrow(/same architecture/);
    } finally {
      peer.dispose();
    }
  });

  it("the Transformer peer computes s2sc's logits and greedy output from s2sc's weights", async () => {
    const c = CASES.find((x) => x.model === "transformer_tiny")!;
    const spec = compileSpec(c.spec);
    const peer = c.makePeer(spec, 3);
    const s2sc = await S2scSide.create(spec, "cpu", { seed: 3 });
    try {
      // Equal lengths: s2sc gives padded positions position 0 and the peer their index,
      // so only real positions are comparable, and here every position is real.
      const batch = {
        src: [
          [5, 6, 7, 8, 9],
          [9, 8, 7, 6, 5],
        ],
        tgt: [
          [10, 11, 12],
          [12, 11, 10],
        ],
      };
      const a = peer.forward(batch);
      const b = s2sc.forward(batch);
      const diff = tf.max(tf.abs(tf.sub(a, b))).dataSync()[0]!;
      expect(diff).toBeLessThan(1e-4);
      tf.dispose([a, b]);
      expect(await peer.greedy(batch.src, 6)).toEqual(await s2sc.greedy(batch.src, 6));
    } finally {
      peer.dispose();
      s2sc.dispose();
    }
  });

  it("the wasm UnsortedSegmentSum kernel sums rows like tfjs-cpu's", async () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const ids = [2, 0, 2, -1];
    const expected = tf.tidy(() =>
      Array.from(tf.unsortedSegmentSum(tf.tensor2d(x, [4, 2]), ids, 3).dataSync()),
    );
    registerWasmSegmentSum();
    await useTfBackend("wasm");
    const got = tf.tidy(() =>
      Array.from(tf.unsortedSegmentSum(tf.tensor2d(x, [4, 2]), ids, 3).dataSync()),
    );
    await useTfBackend("cpu");
    expect(got).toEqual(expected);
    expect(got).toEqual([3, 4, 0, 0, 6, 8]);
  });
});
