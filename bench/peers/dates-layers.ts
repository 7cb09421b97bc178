/**
 * Peer (a): the dates model written with `tf.layers`, the way the TensorFlow.js
 * date-conversion example (tfjs-examples/date-conversion-attention, model.js) writes it:
 *
 *   Embedding(maskZero) → LSTM encoder (returnSequences)
 *   Embedding(maskZero) → LSTM decoder, initial state = the encoder's final state
 *   scores  = dot([decoder, encoder], axes [2, 2]) → Activation(softmax)
 *   context = dot([attention, encoder], axes [2, 1])
 *   concatenate([context, decoder]) → TimeDistributed(Dense tanh) → TimeDistributed(Dense softmax)
 *
 * trained with trainOnBatch, sparse categorical cross-entropy and Adam. Two choices
 * differ from the example, to make it the same architecture as
 * bench/specs/dates_peer.s2s (see bench/peers/README.md): the LSTMs use
 * `recurrentActivation: "sigmoid"` (tfjs's default is hardSigmoid), and the tanh Dense
 * has no bias (Luong et al.'s h̃ = tanh(W_c[c; h]), as s2sc has it). Neither changes
 * the amount of work.
 *
 * Like the example, the decoder starts from the encoder's last output as both h and c
 * (s2sc's `bridge = copy` passes the final c as c): the alternative, `returnState`,
 * costs a full extra encoder run per used state output, because tfjs-layers' executor
 * applies a layer once per output tensor it needs (engine/executor.js).
 *
 * Greedy decoding calls the trained layers eagerly, one decoder step per output token
 * with the LSTM state carried (the Keras seq2seq inference recipe), rather than the
 * example's re-run of the whole model on the growing prefix: that is what a competent
 * user writes when decoding speed matters.
 */
import * as tf from "@tensorflow/tfjs";
import { bestToken, forcing, padIds, type IdBatch, type Peer, type Specials } from "./batch.js";
import { registerWasmSegmentSum } from "./wasm-segment-sum.js";

export interface DatesLayersConfig {
  srcVocab: number;
  tgtVocab: number;
  /** Embedding width of both sides (the example: 64). */
  embed: number;
  /** LSTM units (the example: 64). */
  hidden: number;
  /** Adam's learning rate (tfjs's default for 'adam' is 0.001). */
  lr?: number;
  /**
   * `false`: zeros instead of the Keras initialisers, for a peer whose weights are set
   * right after (loadS2sWeights): the LSTMs' orthogonal initialiser takes seconds on
   * tfjs-cpu and would be thrown away.
   */
  initialize?: boolean;
}

/** Weights as plain data by s2sc parameter name (initWeights or a checkpoint). */
export interface NamedWeights {
  get(name: string): { dims: readonly number[]; data: ArrayLike<number> } | undefined;
}

/**
 * The example's custom layer: the last time step of an RNN's sequence output. With
 * masking, tfjs's RNN carries its output over padded steps, so this is the output at
 * each sequence's last real token.
 */
class LastTimestep extends tf.layers.Layer {
  static className = "GetLastTimestepLayer";
  constructor() {
    super({});
    this.supportsMasking = true;
  }
  override computeOutputShape(shape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(shape[0]) ? shape[0] : shape) as tf.Shape;
    return [s[0]!, s[2]!];
  }
  // The output has no time axis, so no mask goes on (the example's layer inherits
  // Layer's default, which would pass the sequence mask through).
  override computeMask(): tf.Tensor {
    return null as unknown as tf.Tensor;
  }
  override call(input: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(input) ? input[0]! : input;
    return tf.squeeze(tf.gather(x, [x.shape[1]! - 1], 1), [1]);
  }
}

type Layer = tf.layers.Layer;

export class DatesLayersPeer implements Peer {
  readonly name = "dates-layers";
  /** The training model: [source ids, decoder input ids] → probabilities [B, T, V]. */
  readonly model: tf.LayersModel;
  /** Source ids → [encoder outputs, last output] (for decoding). */
  private readonly encoderModel: tf.LayersModel;
  private readonly layers: {
    srcEmbed: Layer;
    tgtEmbed: Layer;
    encoder: Layer;
    decoder: Layer;
    combine: Layer;
    output: Layer;
  };
  /** The decoder's top: attention over the encoder outputs, combine, softmax. */
  private readonly top: (
    dec: tf.SymbolicTensor | tf.Tensor,
    memory: tf.SymbolicTensor | tf.Tensor,
  ) => tf.SymbolicTensor | tf.Tensor;

  constructor(
    readonly config: DatesLayersConfig,
    readonly specials: Specials,
  ) {
    registerWasmSegmentSum();
    const { srcVocab, tgtVocab, embed, hidden } = config;
    // Keras's initialisers unless the weights are about to be replaced.
    const init =
      config.initialize === false
        ? {
            kernelInitializer: "zeros" as const,
            recurrentInitializer: "zeros" as const,
            embeddingsInitializer: "zeros" as const,
          }
        : {};
    const srcEmbed = tf.layers.embedding({
      inputDim: srcVocab,
      outputDim: embed,
      maskZero: true,
      embeddingsInitializer: init.embeddingsInitializer,
    });
    const tgtEmbed = tf.layers.embedding({
      inputDim: tgtVocab,
      outputDim: embed,
      maskZero: true,
      embeddingsInitializer: init.embeddingsInitializer,
    });
    const lstmInit = {
      kernelInitializer: init.kernelInitializer,
      recurrentInitializer: init.recurrentInitializer,
    };
    const encoder = tf.layers.lstm({
      units: hidden,
      returnSequences: true,
      recurrentActivation: "sigmoid",
      ...lstmInit,
    });
    // returnState for decoding; the training model uses only the sequence output, so
    // the executor runs it once.
    const decoder = tf.layers.lstm({
      units: hidden,
      returnSequences: true,
      returnState: true,
      recurrentActivation: "sigmoid",
      ...lstmInit,
    });
    const scores = tf.layers.dot({ axes: [2, 2] });
    const softmax = tf.layers.activation({ activation: "softmax", name: "attention" });
    const contextOf = tf.layers.dot({ axes: [2, 1], name: "context" });
    const concat = tf.layers.concatenate();
    const combine = tf.layers.timeDistributed({
      layer: tf.layers.dense({
        units: hidden,
        activation: "tanh",
        useBias: false,
        kernelInitializer: init.kernelInitializer,
      }),
    });
    const output = tf.layers.timeDistributed({
      layer: tf.layers.dense({
        units: tgtVocab,
        activation: "softmax",
        kernelInitializer: init.kernelInitializer,
      }),
    });
    this.layers = { srcEmbed, tgtEmbed, encoder, decoder, combine, output };
    type T = tf.SymbolicTensor | tf.Tensor;
    this.top = (dec: T, memory: T) => {
      const attention = softmax.apply(scores.apply([dec, memory] as tf.Tensor[])) as T;
      const context = contextOf.apply([attention, memory] as tf.Tensor[]) as T;
      const both = concat.apply([context, dec] as tf.Tensor[]) as T;
      return output.apply(combine.apply(both as tf.Tensor)) as T;
    };

    const srcIn = tf.input({ shape: [null], dtype: "int32", name: "source" });
    const tgtIn = tf.input({ shape: [null], dtype: "int32", name: "decoder_input" });
    const memory = encoder.apply(srcEmbed.apply(srcIn)) as tf.SymbolicTensor;
    const last = new LastTimestep().apply(memory) as tf.SymbolicTensor;
    const [dec] = decoder.apply(tgtEmbed.apply(tgtIn), {
      initialState: [last, last],
    }) as tf.SymbolicTensor[];
    this.model = tf.model({
      inputs: [srcIn, tgtIn],
      outputs: this.top(dec!, memory) as tf.SymbolicTensor,
    });
    this.model.compile({
      optimizer: tf.train.adam(config.lr ?? 0.001),
      loss: "sparseCategoricalCrossentropy",
    });
    this.encoderModel = tf.model({ inputs: srcIn, outputs: [memory, last] });
  }

  countParams(): number {
    return this.model.countParams();
  }

  async trainStep(batch: IdBatch): Promise<number> {
    const src = padIds(batch.src, this.specials.pad);
    const f = forcing(batch.tgt, this.specials);
    // tfjs's sparse cross-entropy floors its targets, which needs float32.
    const target = tf.cast(f.output.expandDims(-1), "float32");
    try {
      const loss = await this.model.trainOnBatch([src, f.input], target);
      return Array.isArray(loss) ? loss[0]! : loss;
    } finally {
      tf.dispose([src, f.input, f.output, target]);
    }
  }

  forward(batch: IdBatch): tf.Tensor {
    return tf.tidy(() => {
      const f = forcing(batch.tgt, this.specials);
      return this.model.predict([padIds(batch.src, this.specials.pad), f.input]) as tf.Tensor;
    });
  }

  async greedy(src: number[][], maxLength: number, fixed = false): Promise<number[][]> {
    const { bos, eos } = this.specials;
    const V = this.config.tgtVocab;
    const { tgtEmbed, decoder } = this.layers;
    const [memory, last] = tf.tidy(
      () => this.encoderModel.predict(padIds(src, this.specials.pad)) as tf.Tensor[],
    );
    let state = [last!, last!];
    const out: number[][] = src.map(() => []);
    const done = src.map(() => false);
    let tokens = src.map(() => bos);
    for (let t = 0; t < maxLength && done.some((d) => !d); t++) {
      const [probs, h, c] = tf.tidy(() => {
        const x = tgtEmbed.apply(tf.tensor2d(tokens, [tokens.length, 1], "int32")) as tf.Tensor;
        const [y, h1, c1] = decoder.apply(x, { initialState: state }) as tf.Tensor[];
        return [this.top(y!, memory!) as tf.Tensor, h1!, c1!];
      });
      tf.dispose(state);
      state = [h!, c!];
      const p = (await probs!.data()) as Float32Array;
      probs!.dispose();
      tokens = tokens.map((_, b) =>
        bestToken(p.subarray(b * V, (b + 1) * V), this.specials, fixed),
      );
      tokens.forEach((token, b) => {
        if (done[b]) return;
        if (token === eos) done[b] = true;
        else out[b]!.push(token);
      });
    }
    tf.dispose([memory!, ...state]);
    return out;
  }

  /**
   * Sets the weights from s2sc's parameters (bench/specs/dates_peer.s2s names), so that
   * tests can check that both compute the same function. Keras LSTMs store the kernel
   * [in, 4H] with gates i, f, c, o; s2sc (ONNX) stores W [1, 4H, in] with gates i, o, f, c.
   */
  loadS2sWeights(w: NamedWeights): void {
    const H = this.config.hidden;
    const get = (name: string) => {
      const x = w.get(name);
      if (x === undefined) throw new Error(`no s2sc weight ${name}`);
      return tf.tensor(Float32Array.from(x.data), [...x.dims]);
    };
    // ONNX gate blocks (i, o, f, c) → Keras (i, f, c, o), transposed to [in, 4H].
    const keras = (onnx: tf.Tensor) =>
      tf.tidy(() => {
        const [i, o, f, c] = tf.split(onnx.reshape([4 * H, -1]), 4, 0);
        return tf.transpose(tf.concat([i!, f!, c!, o!], 0));
      });
    const lstm = (prefix: string) => {
      const [W, R, b] = [get(`${prefix}/W`), get(`${prefix}/R`), get(`${prefix}/b`)];
      const out = [keras(W), keras(R), keras(b).reshape([4 * H])];
      tf.dispose([W, R, b]);
      return out;
    };
    const set = (layer: tf.layers.Layer, ws: tf.Tensor[]) => {
      layer.setWeights(ws);
      tf.dispose(ws);
    };
    set(this.layers.srcEmbed, [get("source/embedding/weight")]);
    set(this.layers.tgtEmbed, [get("target/embedding/weight")]);
    set(this.layers.encoder, lstm("encoder/layer0/lstm"));
    set(this.layers.decoder, lstm("decoder/layer0/lstm"));
    set(this.layers.combine, [get("decoder/layer1/attention/combine/weight")]);
    set(this.layers.output, [get("output/weight"), get("output/bias")]);
  }

  dispose(): void {
    this.model.optimizer?.dispose();
    this.model.dispose();
  }
}
