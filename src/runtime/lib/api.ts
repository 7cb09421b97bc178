/**
 * The model API over a module's generated graph functions: encode / decode /
 * decodeStep / greedy. In-process execution (`s2sc run --backend tfjs`, training) and
 * the compiled package (model.js) both build it with createModelApi from the same
 * graphs, so they decode with the same code.
 *
 * A `model` is `{ weights }`: tensors (or tf.Variables) by parameter name. Tensors the
 * functions return belong to the caller (dispose them, or use disposeEncoded); greedy
 * cleans up after itself, so tf.memory().numTensors is the same before and after.
 */
import * as tf from "@tensorflow/tfjs";
import { seedDropout } from "./nn.js";
import { releasePrepared, underTape } from "./tensor.js";

export type Tensors = Record<string, tf.Tensor>;

/** A generated graph function: outputs by IR name from weights and inputs by name. */
export type GraphFunction = (weights: Tensors, inputs: Record<string, unknown>) => Tensors;

/** A state of the decoder, as CONFIG.state lists it. */
export interface StateConfig {
  name: string;
  /** Dimensions: numbers, "B" (the batch) or another symbol (a cache length, 0 at first). */
  shape: (number | string)[];
  /** `encoder`: encode's output of the same name; otherwise zeros. */
  init: string;
}

/** The generated module's CONFIG (codegen/module.ts). */
export interface ModelConfig {
  model: string;
  sourceVocab: number;
  targetVocab: number;
  specials: { pad: number; bos: number; eos: number; unk: number };
  maxLength: number | null;
  state: StateConfig[];
  params: string[];
}

/** What a generated module defines, from which the API is made. */
export interface GeneratedGraphs {
  CONFIG: ModelConfig;
  /** The parameters deriveGraph reads (its cache is valid while they are unchanged). */
  DERIVED_FROM: string[];
  deriveGraph: GraphFunction;
  encodeGraph: GraphFunction;
  decodeGraph: GraphFunction;
  decodeStepGraph: GraphFunction;
}

/**
 * What encode returns, owned by the caller (release with disposeEncoded): every output
 * of the encode graph by name, and the decoder's initial states.
 */
export interface Encoded {
  outputs: Tensors;
  states: Tensors;
}

interface DerivedCache {
  ids: object[];
  tensors: Tensors;
}

/** A model the API runs: its weights, and the API's cache of values derived from them. */
export interface ApiModel {
  weights: Tensors;
  derived?: unknown;
}

export type TokenIds = number[][] | tf.Tensor;

export interface ModelApi {
  readonly CONFIG: ModelConfig;
  encode(model: ApiModel, src: TokenIds, options?: { training?: boolean }): Encoded;
  decode(
    model: ApiModel,
    encoded: Encoded,
    tgtIn: TokenIds,
    options?: { training?: boolean },
  ): tf.Tensor;
  decodeStep(
    model: ApiModel,
    encoded: Encoded,
    states: Tensors,
    tokens: number[] | tf.Tensor,
    pos: number,
  ): { logits: tf.Tensor; states: Tensors };
  greedy(model: ApiModel, src: number[][], options?: { maxLength?: number }): Promise<number[][]>;
  disposeEncoded(encoded: Encoded): void;
  /** Disposes what the API cached for the model (the parameters stay). */
  releaseDerived(model: ApiModel): void;
  /** Makes dropout masks reproducible from here on. */
  seedDropout(seed: number): void;
}

/** The API over a module's graphs (see the file comment for the contracts). */
export function createModelApi(g: GeneratedGraphs): ModelApi {
  const { CONFIG, DERIVED_FROM } = g;

  /**
   * The weights the graph functions read: the parameters and the values deriveGraph
   * computes from them alone (merged projections, ...). Outside training those are
   * computed once and cached on the model until a parameter in DERIVED_FROM changes (an
   * assign gives a tf.Variable a new dataId); a fresh weight tensor per call would also
   * make tfjs-wasm re-pack it for XNNPACK every time. Under a gradient tape (training,
   * or any tf.grads) they are computed inside it, so gradients reach the parameters.
   */
  function weightsFor(model: ApiModel, training: boolean): Tensors {
    if (DERIVED_FROM.length === 0) return model.weights;
    if (training || underTape()) {
      return Object.assign({}, model.weights, g.deriveGraph(model.weights, {}));
    }
    const ids = DERIVED_FROM.map((name) => model.weights[name]!.dataId);
    const cache = model.derived as DerivedCache | undefined;
    let tensors = cache?.tensors;
    if (cache === undefined || cache.ids.some((id, i) => id !== ids[i])) {
      if (cache !== undefined) {
        releasePrepared(Object.values(cache.tensors));
        tf.dispose(Object.values(cache.tensors));
      }
      tensors = tf.tidy(() => g.deriveGraph(model.weights, {}));
      // Kept from the caller's tidy: the cache outlives this call.
      for (const t of Object.values(tensors)) tf.keep(t);
      model.derived = { ids, tensors } satisfies DerivedCache;
    }
    return Object.assign({}, model.weights, tensors);
  }

  function releaseDerived(model: ApiModel): void {
    releasePrepared(Object.values(model.weights));
    const cache = model.derived as DerivedCache | undefined;
    if (cache !== undefined) {
      releasePrepared(Object.values(cache.tensors));
      tf.dispose(Object.values(cache.tensors));
    }
    model.derived = undefined;
  }

  /** Pads token id lists with <pad> into an int32 [batch, length] tensor (a tensor passes through). */
  function ids(seqs: TokenIds): tf.Tensor {
    if (seqs instanceof tf.Tensor) return seqs;
    const length = Math.max(1, ...seqs.map((s) => s.length));
    const data = new Int32Array(seqs.length * length).fill(CONFIG.specials.pad);
    seqs.forEach((s, b) => data.set(s, b * length));
    return tf.tensor2d(data, [seqs.length, length], "int32");
  }

  /** The decoder's initial state: bridge outputs of encode, zeros, or empty caches (P = 0). */
  function initialStates(encoded: Tensors, batch: number): Tensors {
    const states: Tensors = {};
    for (const s of CONFIG.state) {
      const shape = s.shape.map((d) => (d === "B" ? batch : typeof d === "number" ? d : 0));
      states[s.name] = s.init === "encoder" ? encoded[s.name]! : tf.zeros(shape);
    }
    return states;
  }

  /**
   * Runs the encoder over source ids (lists of numbers, or an int32 [B, S] tensor):
   * { outputs, states }. outputs holds every output of the encode graph by name (memory
   * [B, S, d], memory_mask [B, S], bridge states, projections of the memory), which
   * decode and decodeStep read by the same names; states is the decoder's initial state.
   */
  function encode(model: ApiModel, src: TokenIds, options: { training?: boolean } = {}): Encoded {
    return tf.tidy(() => {
      const x = ids(src);
      const training = options.training === true;
      const outputs = g.encodeGraph(weightsFor(model, training), { src: x, training });
      return { outputs, states: initialStates(outputs, x.shape[0]!) };
    });
  }

  /**
   * Teacher-forced logits [B, T, V]: position t reads tgtIn[0..t] (tgtIn starts with
   * <bos>) and scores the next token.
   */
  function decode(
    model: ApiModel,
    encoded: Encoded,
    tgtIn: TokenIds,
    options: { training?: boolean } = {},
  ): tf.Tensor {
    return tf.tidy(() => {
      const training = options.training === true;
      const inputs = Object.assign({}, encoded.outputs, encoded.states, {
        tgt: ids(tgtIn),
        training,
      });
      return g.decodeGraph(weightsFor(model, training), inputs)["logits"]!;
    });
  }

  /** One decoding step: logits [B, V] for tokens (one per batch entry) at position pos, and the next states. */
  function decodeStep(
    model: ApiModel,
    encoded: Encoded,
    states: Tensors,
    tokens: number[] | tf.Tensor,
    pos: number,
  ): { logits: tf.Tensor; states: Tensors } {
    return tf.tidy(() => {
      const token = tokens instanceof tf.Tensor ? tokens : tf.tensor1d(tokens, "int32");
      const inputs = Object.assign({}, encoded.outputs, states, {
        token,
        pos: tf.fill([token.shape[0]!], pos, "int32"),
        training: false,
      });
      const out = g.decodeStepGraph(weightsFor(model, false), inputs);
      const next: Tensors = {};
      for (const s of CONFIG.state) next[s.name] = out[`next/${s.name}`]!;
      return { logits: out["logits"]!, states: next };
    });
  }

  /** Disposes the tensors of states that keep (and the encoder outputs) do not hold. */
  function releaseStates(states: Tensors, keep: Tensors, encoded: Encoded): void {
    const held = new Set(Object.values(keep).concat(Object.values(encoded.outputs)));
    for (const t of Object.values(states)) if (!held.has(t)) t.dispose();
  }

  function disposeEncoded(encoded: Encoded): void {
    releaseStates(encoded.states, {}, encoded);
    tf.dispose(Object.values(encoded.outputs));
  }

  /**
   * Greedy decoding: the most likely token at every step until <eos> (not included) or
   * maxLength tokens (default 2·|src| + 10, and never past the position table). <pad>
   * and <bos> are never chosen (as in the interpreter). Resolves to one list of token ids
   * per source sequence.
   */
  async function greedy(
    model: ApiModel,
    src: number[][],
    options: { maxLength?: number } = {},
  ): Promise<number[][]> {
    const { bos, eos, pad } = CONFIG.specials;
    const never = tf.tensor1d(
      Array.from({ length: CONFIG.targetVocab }, (_, v) => v === pad || v === bos),
      "bool",
    );
    const encoded = encode(model, src);
    const [batch, srcLength] = encoded.outputs["memory_mask"]!.shape as [number, number];
    const limit = Math.min(
      options.maxLength ?? 2 * srcLength + 10,
      (CONFIG.maxLength ?? Infinity) - 1,
    );
    const out: number[][] = Array.from({ length: batch }, () => []);
    const done = new Array<boolean>(batch).fill(false);
    let states = encoded.states;
    let tokens = new Array<number>(batch).fill(bos);
    try {
      for (let t = 0; t < limit && done.some((d) => !d); t++) {
        const step = decodeStep(model, encoded, states, tokens, t);
        releaseStates(states, step.states, encoded);
        states = step.states;
        const best = tf.tidy(() =>
          tf.argMax(tf.where(never, tf.scalar(-Infinity), step.logits), -1),
        );
        step.logits.dispose();
        tokens = Array.from(await best.data());
        best.dispose();
        tokens.forEach((token, b) => {
          if (done[b]) return;
          if (token === eos) done[b] = true;
          else out[b]!.push(token);
        });
      }
    } finally {
      releaseStates(states, {}, encoded);
      tf.dispose(Object.values(encoded.outputs).concat([never]));
    }
    return out;
  }

  return {
    CONFIG,
    encode,
    decode,
    decodeStep,
    greedy,
    disposeEncoded,
    releaseDerived,
    seedDropout,
  };
}
