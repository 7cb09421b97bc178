/**
 * Peer (b): the tiny Transformer of specs/tiny/transformer_tiny.s2s written directly
 * with tf ops, as a competent TensorFlow.js user writes one: weights are tf.variables
 * in a map, attention is tf.matMul + tf.softmax with additive masks, layer norm is
 * tf.moments by hand, training is tf.train.adam's optimizer.minimize over a hand-written
 * masked cross-entropy.
 *
 * Same architecture as the spec: d_model 64, 4 heads, 2 encoder and 2 decoder layers,
 * feed-forward 256 (relu in the encoder, exact gelu in the decoder, as the spec says),
 * one embedding table shared by source and target and reused (transposed) as the output
 * projection, plus an output bias; embeddings scaled by √d_model; sinusoidal positions
 * (interleaved sin/cos); post-norm sublayers x = LayerNorm(x + dropout(f(x))), ε 1e-5;
 * biases in every projection; dropout 0.1 while training. The weights are named like
 * s2sc's parameters, so tests can load s2sc's weights and compare outputs.
 *
 * Greedy decoding runs the encoder once and then the decoder over the whole prefix at
 * every step (no key/value cache), which is how hand-written Transformers usually
 * decode; s2sc's decode_step keeps a cache (the decoding group measures its effect).
 */
import * as tf from "@tensorflow/tfjs";
import { bestToken, forcing, padIds, type IdBatch, type Peer, type Specials } from "./batch.js";
import type { NamedWeights } from "./dates-layers.js";
import { registerWasmSegmentSum } from "./wasm-segment-sum.js";

export interface TransformerConfig {
  vocab: number;
  dModel: number;
  heads: number;
  encoderLayers: number;
  decoderLayers: number;
  ff: number;
  dropout: number;
  /** Rows of the sinusoidal table (s2sc's default without max_length: 1024). */
  maxPositions: number;
  lr: number;
  seed: number;
}

/** specs/tiny/transformer_tiny.s2s with its training defaults (Adam, lr 0.001). */
export const TINY: TransformerConfig = {
  vocab: 64,
  dModel: 64,
  heads: 4,
  encoderLayers: 2,
  decoderLayers: 2,
  ff: 256,
  dropout: 0.1,
  maxPositions: 1024,
  lr: 0.001,
  seed: 0,
};

const NEG = -1e9;

export class TransformerOpsPeer implements Peer {
  readonly name = "transformer-ops";
  readonly weights = new Map<string, tf.Variable>();
  private readonly optimizer: tf.Optimizer;
  private readonly positions: tf.Tensor2D;

  constructor(
    readonly config: TransformerConfig,
    readonly specials: Specials,
  ) {
    registerWasmSegmentSum();
    const { vocab, dModel: d, ff } = config;
    let seed = config.seed;
    const add = (name: string, init: tf.Tensor) => {
      this.weights.set(name, tf.variable(init, true, `peer/${name}`));
      init.dispose();
    };
    const glorot = (name: string, fanIn: number, fanOut: number) => {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      add(`${name}/weight`, tf.randomUniform([fanIn, fanOut], -limit, limit, "float32", seed++));
      add(`${name}/bias`, tf.zeros([fanOut]));
    };
    const norm = (name: string) => {
      add(`${name}/scale`, tf.ones([d]));
      add(`${name}/bias`, tf.zeros([d]));
    };
    const attention = (name: string) => {
      for (const p of ["q_proj", "k_proj", "v_proj", "out_proj"]) glorot(`${name}/${p}`, d, d);
      norm(`${name}/norm`);
    };
    const feedForward = (name: string) => {
      glorot(`${name}/inner`, d, ff);
      glorot(`${name}/outer`, ff, d);
      norm(`${name}/norm`);
    };
    add("embedding/weight", tf.randomNormal([vocab, d], 0, 1 / Math.sqrt(d), "float32", seed++));
    for (let l = 0; l < config.encoderLayers; l++) {
      attention(`encoder/layer${l}/self_attention`);
      feedForward(`encoder/layer${l}/feed_forward`);
    }
    for (let l = 0; l < config.decoderLayers; l++) {
      attention(`decoder/layer${l}/self_attention`);
      attention(`decoder/layer${l}/cross_attention`);
      feedForward(`decoder/layer${l}/feed_forward`);
    }
    add("output/bias", tf.zeros([vocab]));
    this.positions = sinusoidal(config.maxPositions, d);
    this.optimizer = tf.train.adam(config.lr, 0.9, 0.999, 1e-8);
  }

  private w(name: string): tf.Variable {
    const v = this.weights.get(name);
    if (v === undefined) throw new Error(`no weight ${name}`);
    return v;
  }

  countParams(): number {
    let n = 0;
    for (const v of this.weights.values()) n += v.size;
    return n;
  }

  // ---- the model ----

  /** x [B, T, in] · W + b. */
  private dense(x: tf.Tensor, name: string): tf.Tensor {
    const [B, T, D] = x.shape as [number, number, number];
    const W = this.w(`${name}/weight`);
    const y = tf.add(tf.matMul(tf.reshape(x, [B * T, D]), W), this.w(`${name}/bias`));
    return tf.reshape(y, [B, T, W.shape[1]!]);
  }

  private layerNorm(x: tf.Tensor, name: string): tf.Tensor {
    const { mean, variance } = tf.moments(x, -1, true);
    const normed = tf.mul(tf.sub(x, mean), tf.rsqrt(tf.add(variance, 1e-5)));
    return tf.add(tf.mul(normed, this.w(`${name}/scale`)), this.w(`${name}/bias`));
  }

  private dropout(x: tf.Tensor, training: boolean): tf.Tensor {
    return training && this.config.dropout > 0 ? tf.dropout(x, this.config.dropout) : x;
  }

  /** Multi-head attention; `bias` is added to the scores (0 or −1e9), broadcast to [B, h, Tq, Tk]. */
  private attention(q: tf.Tensor, kv: tf.Tensor, bias: tf.Tensor, name: string): tf.Tensor {
    const { heads } = this.config;
    const [B, Tq, d] = q.shape as [number, number, number];
    const Tk = kv.shape[1]!;
    const dk = d / heads;
    const split = (x: tf.Tensor, T: number) =>
      tf.transpose(tf.reshape(x, [B, T, heads, dk]), [0, 2, 1, 3]);
    const Q = split(this.dense(q, `${name}/q_proj`), Tq);
    const K = split(this.dense(kv, `${name}/k_proj`), Tk);
    const V = split(this.dense(kv, `${name}/v_proj`), Tk);
    const scores = tf.add(tf.mul(tf.matMul(Q, K, false, true), 1 / Math.sqrt(dk)), bias);
    const ctx = tf.matMul(tf.softmax(scores), V);
    const merged = tf.reshape(tf.transpose(ctx, [0, 2, 1, 3]), [B, Tq, d]);
    return this.dense(merged, `${name}/out_proj`);
  }

  private feedForward(x: tf.Tensor, name: string, gelu: boolean): tf.Tensor {
    const h = this.dense(x, `${name}/inner`);
    const a = gelu
      ? tf.mul(tf.mul(h, 0.5), tf.add(1, tf.erf(tf.mul(h, Math.SQRT1_2))))
      : tf.relu(h);
    return this.dense(a, `${name}/outer`);
  }

  /** Post-norm residual: LayerNorm(x + dropout(f(x))). */
  private sublayer(x: tf.Tensor, y: tf.Tensor, name: string, training: boolean): tf.Tensor {
    return this.layerNorm(tf.add(x, this.dropout(y, training)), `${name}/norm`);
  }

  private embed(ids: tf.Tensor2D): tf.Tensor {
    const T = ids.shape[1];
    const e = tf.mul(tf.gather(this.w("embedding/weight"), ids), Math.sqrt(this.config.dModel));
    return tf.add(e, tf.slice(this.positions, [0, 0], [T, this.config.dModel]));
  }

  /** Encoder outputs [B, S, d] and the source padding bias [B, 1, 1, S]. */
  encode(src: tf.Tensor2D, training: boolean): { memory: tf.Tensor; srcBias: tf.Tensor } {
    const [B, S] = src.shape;
    const srcBias = tf.reshape(tf.mul(tf.cast(tf.equal(src, this.specials.pad), "float32"), NEG), [
      B,
      1,
      1,
      S,
    ]);
    let x = this.embed(src);
    for (let l = 0; l < this.config.encoderLayers; l++) {
      const p = `encoder/layer${l}`;
      x = this.sublayer(
        x,
        this.attention(x, x, srcBias, `${p}/self_attention`),
        `${p}/self_attention`,
        training,
      );
      x = this.sublayer(
        x,
        this.feedForward(x, `${p}/feed_forward`, false),
        `${p}/feed_forward`,
        training,
      );
    }
    return { memory: x, srcBias };
  }

  /** Logits [B, T, V] for decoder input ids [B, T]. */
  decode(tgtIn: tf.Tensor2D, memory: tf.Tensor, srcBias: tf.Tensor, training: boolean): tf.Tensor {
    const [B, T] = tgtIn.shape;
    const causal = tf.reshape(tf.mul(tf.sub(1, tf.linalg.bandPart(tf.ones([T, T]), -1, 0)), NEG), [
      1,
      1,
      T,
      T,
    ]);
    let x = this.embed(tgtIn);
    for (let l = 0; l < this.config.decoderLayers; l++) {
      const p = `decoder/layer${l}`;
      x = this.sublayer(
        x,
        this.attention(x, x, causal, `${p}/self_attention`),
        `${p}/self_attention`,
        training,
      );
      x = this.sublayer(
        x,
        this.attention(x, memory, srcBias, `${p}/cross_attention`),
        `${p}/cross_attention`,
        training,
      );
      x = this.sublayer(
        x,
        this.feedForward(x, `${p}/feed_forward`, true),
        `${p}/feed_forward`,
        training,
      );
    }
    const d = this.config.dModel;
    const logits = tf.matMul(tf.reshape(x, [B * T, d]), this.w("embedding/weight"), false, true);
    return tf.reshape(tf.add(logits, this.w("output/bias")), [B, T, this.config.vocab]);
  }

  /** Mean cross-entropy over the real (non-<pad>) target positions. */
  private loss(batch: IdBatch, training: boolean): tf.Scalar {
    const src = padIds(batch.src, this.specials.pad);
    const f = forcing(batch.tgt, this.specials);
    const { memory, srcBias } = this.encode(src, training);
    const logp = tf.logSoftmax(this.decode(f.input, memory, srcBias, training));
    const nll = tf.neg(tf.sum(tf.mul(tf.oneHot(f.output, this.config.vocab), logp), -1));
    const mask = tf.cast(tf.notEqual(f.output, this.specials.pad), "float32");
    return tf.div(tf.sum(tf.mul(nll, mask)), tf.sum(mask));
  }

  // ---- the Peer interface ----

  async trainStep(batch: IdBatch): Promise<number> {
    const cost = this.optimizer.minimize(() => this.loss(batch, true), true, [
      ...this.weights.values(),
    ]);
    const loss = (await cost!.data())[0]!;
    cost!.dispose();
    return loss;
  }

  forward(batch: IdBatch): tf.Tensor {
    return tf.tidy(() => {
      const { memory, srcBias } = this.encode(padIds(batch.src, this.specials.pad), false);
      return this.decode(forcing(batch.tgt, this.specials).input, memory, srcBias, false);
    });
  }

  async greedy(src: number[][], maxLength: number, fixed = false): Promise<number[][]> {
    const { bos, eos } = this.specials;
    const V = this.config.vocab;
    const limit = Math.min(maxLength, this.config.maxPositions - 1);
    const { memory, srcBias } = tf.tidy(() => this.encode(padIds(src, this.specials.pad), false));
    const prefix: number[][] = src.map(() => [bos]);
    const out: number[][] = src.map(() => []);
    const done = src.map(() => false);
    for (let t = 0; t < limit && done.some((x) => !x); t++) {
      const last = tf.tidy(() => {
        const logits = this.decode(padIds(prefix, this.specials.pad), memory, srcBias, false);
        return tf.squeeze(tf.slice(logits, [0, t, 0], [-1, 1, -1]), [1]);
      });
      const scores = (await last.data()) as Float32Array;
      last.dispose();
      prefix.forEach((p, b) => {
        const token = bestToken(scores.subarray(b * V, (b + 1) * V), this.specials, fixed);
        p.push(token);
        if (done[b]) return;
        if (token === eos) done[b] = true;
        else out[b]!.push(token);
      });
    }
    tf.dispose([memory, srcBias]);
    return out;
  }

  /** Sets every weight from s2sc's parameters of the same name (for equivalence tests). */
  loadS2sWeights(w: NamedWeights): void {
    for (const [name, v] of this.weights) {
      const x = w.get(name);
      if (x === undefined) throw new Error(`no s2sc weight ${name}`);
      tf.tidy(() => v.assign(tf.tensor(Float32Array.from(x.data), v.shape)));
    }
  }

  dispose(): void {
    this.optimizer.dispose();
    tf.dispose([...this.weights.values(), this.positions]);
  }
}

/** The interleaved sinusoidal table [rows, d]: PE(p, 2i) = sin(p / 10000^(2i/d)), PE(p, 2i+1) = cos(…). */
function sinusoidal(rows: number, d: number): tf.Tensor2D {
  const out = new Float32Array(rows * d);
  for (let p = 0; p < rows; p++)
    for (let i = 0; i < d; i += 2) {
      const angle = p / Math.pow(10000, i / d);
      out[p * d + i] = Math.sin(angle);
      if (i + 1 < d) out[p * d + i + 1] = Math.cos(angle);
    }
  return tf.tensor2d(out, [rows, d]);
}
