/**
 * Adam (Kingma & Ba) and SGD on tf.Variables, with global gradient-norm clipping.
 * Written out rather than tf.train.adam so that the state (m, v, t) is ours to save and
 * restore exactly, and so that the learning rate can change every step.
 *
 * The update runs on the host, one fused loop per parameter tensor over its gradient,
 * moments and value, instead of as tf kernels: written with tf ops, Adam is about
 * fifteen elementwise kernels per parameter tensor (scale, two moments, bias
 * corrections, square root, division, step), each a separate pass over memory and, on
 * tfjs-cpu, a separate generic JavaScript loop — a large share of a small model's
 * training step. Here the gradients are read once (on tfjs-cpu a read returns the
 * backend's own array; on wasm it is one copy out of the heap) and each parameter gets
 * one new tensor. The arithmetic is tf.train.adam's (test/train/optimizer.test.ts
 * checks it against that optimizer), in double precision with the moments stored as
 * float32.
 */
import * as tf from "@tensorflow/tfjs";
import type { AdamState, StoredTensor } from "./checkpoint-data.js";
import type { TrainSettings } from "./settings.js";

const EPS = 1e-8;

export class Optimizer {
  private t: number;
  private readonly m = new Map<string, Float32Array>();
  private readonly v = new Map<string, Float32Array>();

  constructor(
    private readonly settings: Pick<TrainSettings, "optimizer" | "betas" | "clipNorm">,
    private readonly params: ReadonlyMap<string, tf.Variable>,
    state?: AdamState,
  ) {
    this.t = state?.t ?? 0;
    if (settings.optimizer !== "adam") return;
    for (const [name, p] of params) {
      const init = (saved: StoredTensor | undefined) =>
        saved !== undefined ? Float32Array.from(saved.data) : new Float32Array(p.size);
      this.m.set(name, init(state?.m.get(name)));
      this.v.set(name, init(state?.v.get(name)));
    }
  }

  /**
   * Applies one update; returns the global gradient norm before clipping, or NaN when
   * clipping is off. Disposes `grads`.
   */
  apply(grads: Map<string, tf.Tensor>, lr: number): number {
    const read = new Map<string, ArrayLike<number>>();
    for (const [name, g] of grads) {
      if (this.params.has(name)) read.set(name, g.dataSync() as Float32Array);
    }
    const clip = this.settings.clipNorm;
    let norm = NaN;
    if (clip > 0) {
      let sum = 0;
      for (const g of read.values()) for (let i = 0; i < g.length; i++) sum += g[i]! * g[i]!;
      norm = Math.sqrt(sum);
    }
    const scale = clip > 0 && norm > clip ? clip / (norm + 1e-6) : 1;
    this.t++;
    for (const [name, g] of read) {
      const p = this.params.get(name)!;
      const value = p.dataSync() as Float32Array;
      const next =
        this.settings.optimizer === "sgd"
          ? sgdStep(value, g, scale, lr)
          : this.adamStep(name, value, g, scale, lr);
      const t = tf.tensor(next, p.shape, "float32");
      p.assign(t);
      t.dispose();
    }
    for (const g of grads.values()) g.dispose();
    return norm;
  }

  private adamStep(
    name: string,
    value: Float32Array,
    g: ArrayLike<number>,
    scale: number,
    lr: number,
  ): Float32Array {
    const [b1, b2] = this.settings.betas;
    const c1 = 1 - Math.pow(b1, this.t);
    const c2 = 1 - Math.pow(b2, this.t);
    const m = this.m.get(name)!;
    const v = this.v.get(name)!;
    const next = new Float32Array(value.length);
    for (let i = 0; i < next.length; i++) {
      const gi = g[i]! * scale;
      const mi = (m[i] = b1 * m[i]! + (1 - b1) * gi);
      const vi = (v[i] = b2 * v[i]! + (1 - b2) * gi * gi);
      next[i] = value[i]! - (lr * (mi / c1)) / (Math.sqrt(vi / c2) + EPS);
    }
    return next;
  }

  state(): AdamState {
    const copy = (m: Map<string, Float32Array>) =>
      new Map<string, StoredTensor>(
        [...m].map(([k, data]) => [
          k,
          { dims: [...this.params.get(k)!.shape], data: Float32Array.from(data) },
        ]),
      );
    return { t: this.t, m: copy(this.m), v: copy(this.v) };
  }

  /** Nothing to release: the moments are host arrays (kept for the callers' symmetry). */
  dispose(): void {}
}

function sgdStep(
  value: Float32Array,
  g: ArrayLike<number>,
  scale: number,
  lr: number,
): Float32Array {
  const next = new Float32Array(value.length);
  for (let i = 0; i < next.length; i++) next[i] = value[i]! - lr * g[i]! * scale;
  return next;
}
