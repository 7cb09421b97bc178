/**
 * Training on tfjs: the loss (label smoothing, padding mask), gradients that reach
 * every parameter and agree with finite differences, and memorisation of a fixed batch
 * on wasm for every tiny spec (embedding gradients included: wasm has no
 * UnsortedSegmentSum, so this is where a tf.gather gradient would throw).
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, test } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { useTfBackendNode } from "../../src/node/tfjs-backend.js";
import { crossEntropy, teacherForcing, type Batch } from "../../src/runtime/loss.js";
import { createTfjsModel, type TfjsModel } from "../../src/runtime/model.js";
import { modulesOf, TINY_SPECS } from "./helpers.js";

const SPECIALS = { pad: 0, bos: 1, eos: 2 };

/** A fixed batch inside every tiny vocabulary (≥ 16), with padding on both sides. */
const BATCH: Batch = {
  src: [
    [4, 5, 6, 7],
    [9, 10, 11],
    [12, 13, 4, 6],
  ],
  tgt: [
    [7, 6, 5, 4],
    [11, 10, 9],
    [6, 4, 13, 12],
  ],
};

describe("the loss", () => {
  test("teacher forcing adds <bos> and <eos> and masks the padding", async () => {
    await useTfBackendNode("cpu");
    const f = teacherForcing([[5, 6], [7]], SPECIALS);
    expect(f.input).toEqual([
      [1, 5, 6],
      [1, 7],
    ]);
    expect(await f.output.array()).toEqual([
      [5, 6, 2],
      [7, 2, 0],
    ]);
    expect(await f.mask.array()).toEqual([
      [1, 1, 1],
      [1, 1, 0],
    ]);
    tf.dispose([f.output, f.mask]);
  });

  test("is (1 − ε)·nll + ε·mean(−log p) over real tokens only", async () => {
    await useTfBackendNode("cpu");
    const rows = [
      [2, 0, -1],
      [0.5, 0.5, 3],
      [9, 9, 9], // padding: its logits must not matter
    ];
    const targets = [0, 2, 1];
    const eps = 0.1;
    const expected = (() => {
      let total = 0;
      for (const r of [0, 1]) {
        const z = rows[r]!;
        const lse = Math.log(z.reduce((s, v) => s + Math.exp(v), 0));
        const logp = z.map((v) => v - lse);
        total += (1 - eps) * -logp[targets[r]!]! + eps * -(logp.reduce((s, v) => s + v, 0) / 3);
      }
      return total / 2;
    })();
    const loss = crossEntropy(
      tf.tensor3d([rows]),
      tf.tensor2d([targets], [1, 3], "int32"),
      tf.tensor2d([[1, 1, 0]]),
      eps,
    );
    expect(loss.dataSync()[0]).toBeCloseTo(expected, 5);
    loss.dispose();
  });
});

async function modelOf(spec: string, backend: "cpu" | "wasm"): Promise<TfjsModel> {
  const module = modulesOf(spec)[0]!;
  return createTfjsModel(module, initWeights(module, 5), { backend });
}

// attn_additive has every kind of recurrent gradient path: embeddings (the ScatterNd
// gradient), a bidirectional GRU over padded sources, a Scan, additive attention with a
// mask; transformer_tiny has the masked softmax, layer norms, GELU and tied embeddings.
const GRADIENT_SPECS = ["specs/tiny/attn_additive.s2s", "specs/tiny/transformer_tiny.s2s"];

describe.each(["cpu", "wasm"] as const)("gradients on %s", (backend) => {
  test.each(GRADIENT_SPECS)("%s: agree with finite differences", async (spec) => {
    const model = await modelOf(spec, backend);
    try {
      const { grads } = model.gradients(BATCH);
      const params = [...model.variables.entries()].filter(([name]) => grads.has(name));
      // Along the unit gradient direction the slope is |g|: a wrong component of the
      // gradient changes both the direction and the slope the loss really has there.
      const norm = Math.sqrt(
        [...grads.values()].reduce(
          (s, g) => s + tf.tidy(() => tf.sum(tf.square(g)).dataSync()[0]!),
          0,
        ),
      );
      const directions = params.map(([name]) => tf.div(grads.get(name)!, norm));
      const h = 1e-2;
      const move = (by: number) =>
        params.forEach(([, v], i) =>
          v.assign(tf.tidy(() => tf.add(v, tf.mul(directions[i]!, by)))),
        );
      const lossAt = (by: number): number => {
        move(by);
        const l = tf.tidy(() => model.loss(BATCH).dataSync()[0]!);
        move(-by);
        return l;
      };
      const numeric = (lossAt(h) - lossAt(-h)) / (2 * h);
      const analytic = params.reduce(
        (s, [name], i) =>
          s + tf.tidy(() => tf.sum(tf.mul(grads.get(name)!, directions[i]!)).dataSync()[0]!),
        0,
      );
      expect(analytic).toBeCloseTo(norm, 4);
      expect(Math.abs(numeric - analytic)).toBeLessThan(1e-4 + 1e-2 * Math.abs(analytic));
      tf.dispose([...grads.values(), ...directions]);
    } finally {
      model.dispose();
    }
  });
});

describe("training on wasm", () => {
  test.each(TINY_SPECS)(
    "%s: every parameter learns, and a fixed batch is memorised",
    async (spec) => {
      const model = await modelOf(spec, "wasm");
      model.seedDropout(1);
      const optimizer = tf.train.adam(1e-2);
      try {
        // Gradients reach every trainable parameter, finite and not all zero.
        const { grads } = model.gradients(BATCH, { labelSmoothing: 0.1 });
        const trainable = model.module.params.filter((p) => p.trainable);
        expect([...grads.keys()].sort()).toEqual(trainable.map((p) => p.name).sort());
        for (const [name, g] of grads) {
          const [finite, peak] = tf.tidy(() => [
            tf.all(tf.isFinite(g)).dataSync()[0],
            tf.max(tf.abs(g)).dataSync()[0]!,
          ]);
          expect(finite, name).toBe(1);
          expect(peak, name).toBeGreaterThan(0);
        }
        tf.dispose([...grads.values()]);

        // One optimiser step moves every trainable parameter and no fixed buffer.
        const before = new Map([...model.variables].map(([n, v]) => [n, v.dataSync().slice()]));
        const losses = [model.trainStep(optimizer, BATCH, { labelSmoothing: 0.1 })];
        for (const p of model.module.params) {
          const moved = model.variables
            .get(p.name)!
            .dataSync()
            .some((v, i) => v !== before.get(p.name)![i]);
          expect(moved, p.name).toBe(p.trainable);
        }

        for (let i = 1; i < 100; i++)
          losses.push(model.trainStep(optimizer, BATCH, { labelSmoothing: 0.1 }));
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(mean(losses.slice(-10))).toBeLessThan(0.5 * mean(losses.slice(0, 10)));
        expect(losses[99]!).toBeLessThan(0.5 * losses[0]!);
      } finally {
        optimizer.dispose();
        model.dispose();
      }
    },
  );
});
