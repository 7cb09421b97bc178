/**
 * A model running on TensorFlow.js in this process (Node or a browser): the generated
 * code of the tfjs backend with the weights as variables, so that the same object
 * encodes, decodes, searches and trains. Tensors it returns belong to the caller
 * (`dispose` them, or `disposeEncoded` what `encode` returns). A source or target longer
 * than the model's position table throws InputLengthError (`lengthLimits` says how long).
 *
 * The default tfjs backend is `cpu`, which needs nothing but JavaScript; `wasm` is many
 * times faster but must find its .wasm files: a page gives their URL (`wasmPaths`), and
 * the node entry's `createRuntime` finds them in the installed package.
 */
import type * as Tf from "@tensorflow/tfjs";
import { initWeights } from "../backends/interp/index.js";
import type { TfBackend, WeightData } from "../backends/tfjs/index.js";
import type { Hypothesis, StepModel } from "../decode/index.js";
import type { IrModule } from "../ir/index.js";
import type { Batch, Encoded, Tensors, TfjsModel, TfjsState } from "../runtime/index.js";
import { weightsProblem } from "./weights.js";

export interface RuntimeOptions {
  /** Weights by parameter name (e.g. trained); default: drawn from `seed` as the interpreter draws them. */
  weights?: ReadonlyMap<string, WeightData>;
  /** Seed of the drawn weights (default 0). */
  seed?: number;
  /** The tfjs backend (default `cpu`). */
  backend?: TfBackend;
  /**
   * Where tfjs-backend-wasm's .wasm files are (a URL or directory with a trailing
   * slash), for `backend: "wasm"`; read by the first start of the wasm backend.
   */
  wasmPaths?: string;
}

export interface SearchOptions {
  /** Output tokens at most (default 2·|src| + 10, capped by the model's positions). */
  maxLength?: number;
}

export interface BeamOptions extends SearchOptions {
  /** Beam width (default 4). */
  beam?: number;
  /** α of the GNMT length penalty (default 0: plain log-probability). */
  lengthPenalty?: number;
}

export interface TrainStepOptions {
  /** The optimiser; default Adam at `learningRate`, created once and kept by the runtime. */
  optimizer?: Tf.Optimizer;
  /** Learning rate of the default Adam (default 1e-3). */
  learningRate?: number;
  /** ε of label smoothing (default 0). */
  labelSmoothing?: number;
}

export interface RuntimeResult {
  runtime?: TfjsRuntime;
  /** Weights that do not fit the module, or a backend that cannot start. */
  error?: string;
}

/** Starts a runtime for a verified IR module (from `loadModel`, optimised or not). */
export async function createRuntime(
  module: IrModule,
  options: RuntimeOptions = {},
): Promise<RuntimeResult> {
  const weights = options.weights ?? initWeights(module, options.seed ?? 0);
  const problem = weightsProblem(module, weights);
  if (problem !== undefined) return { error: problem };
  try {
    // Loaded here, not with the module: importing the API (every CLI command does) must
    // not start tfjs (src/runtime is the stage that imports it).
    const [tf, runtime, search] = await Promise.all([
      import("@tensorflow/tfjs"),
      import("../runtime/index.js"),
      import("../decode/index.js"),
    ]);
    const model = await runtime.createTfjsModel(module, weights, {
      backend: options.backend ?? "cpu",
      ...(options.wasmPaths === undefined ? {} : { wasmPaths: options.wasmPaths }),
    });
    return { runtime: new TfjsRuntime(model, tf, search, runtime.tfjsStepModel(model)) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}

export class TfjsRuntime {
  private optimizer: Tf.Optimizer | undefined;

  /** `model` is the backend's object, for what this facade does not cover. */
  constructor(
    readonly model: TfjsModel,
    private readonly tf: typeof Tf,
    private readonly search: typeof import("../decode/index.js"),
    /** The model as the searches see it (stateless: one serves every search). */
    private readonly steps: StepModel<TfjsState>,
  ) {}

  get module(): IrModule {
    return this.model.module;
  }

  /** Encodes a batch of sources (token ids, one row each); release with `disposeEncoded`. */
  encode(src: number[][]): Encoded {
    // Past the position table every tfjs backend fails in its own words (a Gather error).
    this.search.assertInputLengths(this.module.config, { src });
    return this.model.encode(src);
  }

  /** Teacher-forced logits [B, T, V]; each row of `tgtIn` starts with <bos>. */
  decode(encoded: Encoded, tgtIn: number[][]): Tf.Tensor {
    this.search.assertInputLengths(this.module.config, { tgtIn });
    return this.model.decode(encoded, tgtIn);
  }

  /** One decoder step: logits [B, V] for `tokens` at position `pos`, and the next states. */
  decodeStep(
    encoded: Encoded,
    states: Tensors,
    tokens: number[],
    pos: number,
  ): { logits: Tf.Tensor; states: Tensors } {
    return this.model.step(encoded, states, tokens, pos);
  }

  disposeEncoded(encoded: Encoded): void {
    this.model.disposeEncoded(encoded);
  }

  /** encode then decode, with the logits copied out: [B·T·V] row-major and their shape. */
  async forward(
    src: number[][],
    tgtIn: number[][],
  ): Promise<{ logits: Float32Array; shape: number[] }> {
    const encoded = this.encode(src);
    const logits = this.decode(encoded, tgtIn);
    const data = (await logits.data()) as Float32Array;
    const shape = logits.shape;
    logits.dispose();
    this.disposeEncoded(encoded);
    return { logits: data, shape };
  }

  /** Greedy decoding of a batch (through decode_step, with the state or cache). */
  greedy(src: number[][], options: SearchOptions = {}): Promise<Hypothesis[]> {
    return this.search.greedy(this.steps, src, options);
  }

  /** Beam search, one source at a time; never worse under the model than greedy. */
  beam(src: number[][], options: BeamOptions = {}): Promise<Hypothesis[]> {
    return this.search.decodeAll(this.steps, src, { ...options, beam: options.beam ?? 4 });
  }

  /** One optimiser step on a batch (dropout on); returns the loss before the step. */
  trainStep(batch: Batch, options: TrainStepOptions = {}): number {
    this.search.assertInputLengths(this.module.config, batch);
    const optimizer =
      options.optimizer ?? (this.optimizer ??= this.tf.train.adam(options.learningRate ?? 1e-3));
    return this.model.trainStep(optimizer, batch, {
      ...(options.labelSmoothing === undefined ? {} : { labelSmoothing: options.labelSmoothing }),
    });
  }

  /** Replaces every weight; returns why not when `weights` do not fit (nothing is changed then). */
  loadWeights(weights: ReadonlyMap<string, WeightData>): { error?: string } {
    const problem = weightsProblem(this.module, weights);
    if (problem !== undefined) return { error: problem };
    for (const [name, v] of this.model.variables) {
      const w = weights.get(name)!;
      const tf = this.tf;
      tf.tidy(() => v.assign(tf.tensor(Float32Array.from(w.data), [...w.dims], "float32")));
    }
    return {};
  }

  /** Releases the weights and everything cached from them. */
  dispose(): void {
    this.optimizer?.dispose();
    this.model.dispose();
  }
}
