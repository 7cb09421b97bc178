/**
 * The project's Adam and SGD (src/train/optimizer.ts, a fused host-side update) against
 * TensorFlow.js's own optimizers, on both tfjs backends: same parameters, same gradients,
 * several steps, values within float32 rounding.
 */
import * as tf from "@tensorflow/tfjs";
import { afterAll, describe, expect, it } from "vitest";
import { useTfBackend } from "../../src/runtime/index.js";
import { Optimizer } from "../../src/train/optimizer.js";

const SHAPES: Record<string, number[]> = { w: [7, 5], b: [5], e: [3, 2, 4] };
const BETAS: [number, number] = [0.9, 0.98];

let made = 0;

function variables(seed: number): Map<string, tf.Variable> {
  made++;
  return new Map(
    Object.entries(SHAPES).map(([name, shape], i) => [
      name,
      tf.variable(
        tf.randomNormal(shape, 0, 1, "float32", 10 * seed + i + 1),
        true,
        `${name}_${made}`,
      ),
    ]),
  );
}

/** Gradients of step `k`: seeded, with a spread of magnitudes. */
function gradients(k: number, gain = 1): Map<string, tf.Tensor> {
  return new Map(
    Object.entries(SHAPES).map(([name, shape], i) => [
      name,
      tf.tidy(() =>
        tf.mul(tf.randomNormal(shape, 0, 1, "float32", 1000 + 100 * k + i), gain * (i + 1)),
      ),
    ]),
  );
}

function values(vars: Map<string, tf.Variable>): number[] {
  return [...vars.values()].flatMap((v) => Array.from(v.dataSync()));
}

function expectClose(a: number[], b: number[], tol = 2e-6): void {
  expect(a.length).toBe(b.length);
  const worst = Math.max(...a.map((x, i) => Math.abs(x - b[i]!) / Math.max(1, Math.abs(b[i]!))));
  expect(worst).toBeLessThan(tol);
}

/** Runs `steps` steps of tf.train's optimizer on the same gradients. */
function reference(
  make: () => tf.Optimizer,
  steps: number,
  seed: number,
  gain = (k: number) => 1,
): number[] {
  const vars = variables(seed);
  const opt = make();
  for (let k = 0; k < steps; k++) {
    const grads = gradients(k, gain(k));
    opt.applyGradients(Object.fromEntries([...grads].map(([n, g]) => [vars.get(n)!.name, g])));
    for (const g of grads.values()) g.dispose();
  }
  opt.dispose();
  const out = values(vars);
  for (const v of vars.values()) v.dispose();
  return out;
}

const SETTINGS = { optimizer: "adam" as const, betas: BETAS, clipNorm: 0 };

for (const backend of ["cpu", "wasm"] as const) {
  describe(`Optimizer on tfjs-${backend}`, () => {
    it("Adam matches tf.train.adam step for step", async () => {
      await useTfBackend(backend);
      const expected = reference(() => tf.train.adam(0.01, BETAS[0], BETAS[1], 1e-8), 6, 1);
      const vars = variables(1);
      const opt = new Optimizer(SETTINGS, vars);
      for (let k = 0; k < 6; k++) expect(opt.apply(gradients(k), 0.01)).toBeNaN();
      expectClose(values(vars), expected);
      expect(opt.state().t).toBe(6);
    });

    it("SGD matches tf.train.sgd", async () => {
      await useTfBackend(backend);
      const expected = reference(() => tf.train.sgd(0.1), 3, 2);
      const vars = variables(2);
      const opt = new Optimizer({ ...SETTINGS, optimizer: "sgd" }, vars);
      for (let k = 0; k < 3; k++) opt.apply(gradients(k), 0.1);
      expectClose(values(vars), expected);
    });

    it("clips to the global norm and returns the norm before clipping", async () => {
      await useTfBackend(backend);
      const clip = 0.5;
      // Norm of each step's gradients, computed by tf.
      const norms = [0, 1, 2].map((k) =>
        tf.tidy(() => {
          const g = gradients(k, 3);
          return Math.sqrt(
            [...g.values()].reduce((s, t) => s + (tf.sum(tf.square(t)).arraySync() as number), 0),
          );
        }),
      );
      // Clipping = Adam on gradients scaled by clip / norm (every norm here exceeds clip).
      for (const n of norms) expect(n).toBeGreaterThan(clip);
      const expected = reference(
        () => tf.train.adam(0.01, BETAS[0], BETAS[1], 1e-8),
        3,
        3,
        (k) => (3 * clip) / (norms[k]! + 1e-6),
      );
      const vars = variables(3);
      const opt = new Optimizer({ ...SETTINGS, clipNorm: clip }, vars);
      for (let k = 0; k < 3; k++) {
        expect(opt.apply(gradients(k, 3), 0.01)).toBeCloseTo(norms[k]!, 4);
      }
      expectClose(values(vars), expected);
    });

    it("resumes from its saved state exactly", async () => {
      await useTfBackend(backend);
      const straight = variables(4);
      const a = new Optimizer(SETTINGS, straight);
      for (let k = 0; k < 5; k++) a.apply(gradients(k), k < 2 ? 0.01 : 0.003);

      const resumed = variables(4);
      const b = new Optimizer(SETTINGS, resumed);
      for (let k = 0; k < 2; k++) b.apply(gradients(k), 0.01);
      const saved = b.state();
      const c = new Optimizer(SETTINGS, resumed, saved);
      for (let k = 2; k < 5; k++) c.apply(gradients(k), 0.003);
      expect(values(resumed)).toEqual(values(straight));
      expect(c.state().m.get("w")!.dims).toEqual([7, 5]);
    });

    it("leaves no tensors behind and disposes the gradients it is given", async () => {
      await useTfBackend(backend);
      const vars = variables(5);
      const opt = new Optimizer({ ...SETTINGS, clipNorm: 1 }, vars);
      opt.apply(gradients(0), 0.01);
      const grads = gradients(1);
      const before = tf.memory().numTensors;
      opt.apply(grads, 0.01);
      expect(tf.memory().numTensors).toBe(before - grads.size);
      for (const g of grads.values()) expect(g.isDisposed).toBe(true);
      for (const v of vars.values()) v.dispose();
    });
  });
}

afterAll(async () => {
  await useTfBackend("cpu");
});
