/**
 * A model running in this process on tfjs: the generated graphs and the runtime
 * library's API (core.ts) with the weights as tf.Variables, so that gradients
 * reach every parameter. This is the API that `s2sc run --backend tfjs` and the
 * training command use.
 */
import * as tf from "@tensorflow/tfjs";
import type { IrModule } from "../ir/index.js";
import type { TfBackend, WeightData } from "../backends/tfjs/index.js";
import { useTfBackend, type TfBackendOptions } from "./backend.js";
import { loadCore, type Core, type CoreModel, type Encoded, type Tensors } from "./core.js";
import { crossEntropy, teacherForcing, type Batch } from "./loss.js";

export interface TfjsModelOptions extends TfBackendOptions {
  /** The tfjs backend (default wasm). */
  backend?: TfBackend;
}

export interface LossOptions {
  /** ε of label smoothing (default 0). */
  labelSmoothing?: number;
  /** Dropout on (default: off for `loss`, on for `trainStep`). */
  training?: boolean;
}

let instances = 0;

export class TfjsModel {
  /** The source the core was evaluated from (the compiled module.js shares it). */
  readonly source: string;
  private readonly core: Core;
  private readonly weights: Record<string, tf.Variable>;
  private readonly trainable: tf.Variable[];

  private constructor(
    readonly module: IrModule,
    readonly backend: TfBackend,
    readonly variables: ReadonlyMap<string, tf.Variable>,
  ) {
    const { core, source } = loadCore(module);
    this.core = core;
    this.source = source;
    this.weights = Object.fromEntries(variables);
    this.trainable = module.params.filter((p) => p.trainable).map((p) => variables.get(p.name)!);
  }

  static async create(
    module: IrModule,
    weights: ReadonlyMap<string, WeightData>,
    options: TfjsModelOptions = {},
  ): Promise<TfjsModel> {
    const backend = options.backend ?? "wasm";
    await useTfBackend(backend, options);
    // Names only need to be unique in tfjs's registry; they also make gradients traceable.
    const prefix = `s2s${instances++}`;
    const variables = new Map<string, tf.Variable>();
    for (const p of module.params) {
      const w = weights.get(p.name);
      if (w === undefined) throw new Error(`no weights for parameter ${p.name}`);
      if (w.dims.length !== p.shape.length || w.dims.some((d, i) => d !== p.shape[i])) {
        throw new Error(
          `weights for ${p.name} are [${w.dims.join(",")}], the parameter is [${p.shape.join(",")}]`,
        );
      }
      const v = tf.tidy(() =>
        tf.variable(
          tf.tensor(Float32Array.from(w.data), [...w.dims], "float32"),
          p.trainable,
          `${prefix}/${p.name}`,
        ),
      );
      variables.set(p.name, v);
    }
    return new TfjsModel(module, backend, variables);
  }

  /** One object for the model's lifetime: the generated API caches derived weights on it. */
  private get model(): CoreModel {
    this.coreModel ??= { weights: this.weights };
    return this.coreModel;
  }
  private coreModel: CoreModel | undefined;

  encode(src: number[][], options: { training?: boolean } = {}): Encoded {
    return this.core.encode(this.model, src, options);
  }

  /** Teacher-forced logits [B, T, V]; `tgtIn` starts with <bos>. */
  decode(encoded: Encoded, tgtIn: number[][], options: { training?: boolean } = {}): tf.Tensor {
    return this.core.decode(this.model, encoded, tgtIn, options);
  }

  /** One step: logits [B, V] for `tokens` at position `pos`, and the next states. */
  step(
    encoded: Encoded,
    states: Tensors,
    tokens: number[],
    pos: number,
  ): { logits: tf.Tensor; states: Tensors } {
    return this.core.decodeStep(this.model, encoded, states, tokens, pos);
  }

  greedy(src: number[][], maxLength?: number): Promise<number[][]> {
    return this.core.greedy(this.model, src, maxLength === undefined ? {} : { maxLength });
  }

  disposeEncoded(encoded: Encoded): void {
    this.core.disposeEncoded(encoded);
  }

  /** Makes dropout masks reproducible from here on. */
  seedDropout(seed: number): void {
    this.core.seedDropout(seed);
  }

  /** The mean label-smoothed cross-entropy of a batch (a scalar the caller disposes). */
  loss(batch: Batch, options: LossOptions = {}): tf.Scalar {
    return tf.tidy(() => {
      const training = options.training === true;
      const forcing = teacherForcing(batch.tgt, this.module.config.specials);
      const encoded = this.core.encode(this.model, batch.src, { training });
      const logits = this.core.decode(this.model, encoded, forcing.input, { training });
      return crossEntropy(logits, forcing.output, forcing.mask, options.labelSmoothing ?? 0);
    });
  }

  /** The loss and its gradient for every trainable parameter, by parameter name (caller disposes). */
  gradients(
    batch: Batch,
    options: LossOptions = {},
  ): { loss: number; grads: Map<string, tf.Tensor> } {
    const { value, grads } = tf.variableGrads(() => this.loss(batch, options), this.trainable);
    const loss = value.dataSync()[0]!;
    value.dispose();
    const byParam = new Map<string, tf.Tensor>();
    for (const [name, v] of this.variables) {
      const g = grads[v.name];
      if (g !== undefined) byParam.set(name, g);
    }
    return { loss, grads: byParam };
  }

  /** One optimiser step on a batch (dropout on unless told otherwise); returns the loss before it. */
  trainStep(optimizer: tf.Optimizer, batch: Batch, options: LossOptions = {}): number {
    const cost = optimizer.minimize(
      () => this.loss(batch, { training: true, ...options }),
      true,
      this.trainable,
    );
    if (cost === null) throw new Error("the optimiser returned no loss");
    const loss = cost.dataSync()[0]!;
    cost.dispose();
    return loss;
  }

  dispose(): void {
    if (this.coreModel !== undefined) this.core.releaseDerived(this.coreModel);
    for (const v of this.variables.values()) v.dispose();
  }
}

/** A model on tfjs with `weights` (e.g. initWeights(module, seed)) as variables. */
export function createTfjsModel(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  options: TfjsModelOptions = {},
): Promise<TfjsModel> {
  return TfjsModel.create(module, weights, options);
}
