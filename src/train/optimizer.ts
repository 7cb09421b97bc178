/**
 * Adam (Kingma & Ba) and SGD on tf.Variables, with global gradient-norm clipping.
 * Written out rather than tf.train.adam so that the state (m, v, t) is ours to save and
 * restore exactly, and so that the learning rate can change every step.
 */
import * as tf from "@tensorflow/tfjs";
import type { AdamState, StoredTensor } from "./checkpoint.js";
import type { TrainSettings } from "./settings.js";

const EPS = 1e-8;

export class Optimizer {
  private t: number;
  private readonly m = new Map<string, tf.Variable>();
  private readonly v = new Map<string, tf.Variable>();

  constructor(
    private readonly settings: Pick<TrainSettings, "optimizer" | "betas" | "clipNorm">,
    private readonly params: ReadonlyMap<string, tf.Variable>,
    state?: AdamState,
  ) {
    this.t = state?.t ?? 0;
    if (settings.optimizer !== "adam") return;
    for (const [name, p] of params) {
      const init = (saved: StoredTensor | undefined) =>
        saved !== undefined ? tf.tensor(saved.data, saved.dims, "float32") : tf.zerosLike(p);
      this.m.set(name, tf.variable(init(state?.m.get(name)), false));
      this.v.set(name, tf.variable(init(state?.v.get(name)), false));
    }
  }

  /**
   * Applies one update; returns the global gradient norm before clipping, or NaN when
   * clipping is off (the norm costs two kernels per parameter and a blocking read, so
   * it is computed only when needed). Disposes `grads`.
   */
  apply(grads: Map<string, tf.Tensor>, lr: number): number {
    const clip = this.settings.clipNorm;
    const norm =
      clip > 0
        ? tf.tidy(
            () =>
              tf.sqrt(tf.addN([...grads.values()].map((g) => tf.sum(tf.square(g))))).dataSync()[0]!,
          )
        : NaN;
    const scale = clip > 0 && norm > clip ? clip / (norm + 1e-6) : 1;
    this.t++;
    const [b1, b2] = this.settings.betas;
    const c1 = 1 - Math.pow(b1, this.t);
    const c2 = 1 - Math.pow(b2, this.t);
    tf.tidy(() => {
      for (const [name, g0] of grads) {
        const p = this.params.get(name);
        if (p === undefined) continue;
        const g = scale === 1 ? g0 : tf.mul(g0, scale);
        if (this.settings.optimizer === "sgd") {
          p.assign(tf.sub(p, tf.mul(g, lr)));
          continue;
        }
        const m = this.m.get(name)!;
        const v = this.v.get(name)!;
        m.assign(tf.add(tf.mul(m, b1), tf.mul(g, 1 - b1)));
        v.assign(tf.add(tf.mul(v, b2), tf.mul(tf.square(g), 1 - b2)));
        const update = tf.div(tf.div(m, c1), tf.add(tf.sqrt(tf.div(v, c2)), EPS));
        p.assign(tf.sub(p, tf.mul(update, lr)));
      }
    });
    for (const g of grads.values()) g.dispose();
    return norm;
  }

  state(): AdamState {
    const read = (m: Map<string, tf.Variable>) =>
      new Map<string, StoredTensor>(
        [...m].map(([k, v]) => [
          k,
          { dims: [...v.shape] as number[], data: v.dataSync() as Float32Array },
        ]),
      );
    return { t: this.t, m: read(this.m), v: read(this.v) };
  }

  dispose(): void {
    for (const x of [...this.m.values(), ...this.v.values()]) x.dispose();
  }
}
