/**
 * Whole-model execution on the interpreter: the three entry points of an IR module and
 * greedy decoding on top of decode_step.
 */
import type { Dim, IrModule } from "../../ir/index.js";
import { Env, type RunContext } from "./env.js";
import { runGraph } from "./execute.js";
import { makeTensor, Rng, type Tensor, zeros } from "../../reference/index.js";
import { initWeights } from "./weights.js";

export interface Encoded {
  /** Every output of the encode graph; decode and decode_step take each by name. */
  outputs: Map<string, Tensor>;
  /** Initial decoder states (bridge outputs, zeros, empty caches). */
  states: Map<string, Tensor>;
}

/** Pads id sequences with <pad> (0) into an int32 [B, L] tensor. */
export function padBatch(seqs: readonly (readonly number[])[], pad = 0): Tensor {
  const L = Math.max(1, ...seqs.map((s) => s.length));
  const data = new Int32Array(seqs.length * L).fill(pad);
  seqs.forEach((s, b) => data.set(s, b * L));
  return makeTensor("int32", [seqs.length, L], data);
}

function bind(shape: readonly Dim[], B: number): number[] {
  return shape.map((d) => (typeof d === "number" ? d : d === "B" ? B : 0));
}

export class InterpModel {
  private readonly root = new Env();
  private readonly run: RunContext;

  constructor(
    readonly module: IrModule,
    readonly weights: ReadonlyMap<string, Tensor>,
    seed = 0,
  ) {
    for (const [k, v] of weights) this.root.set(k, v);
    this.run = { rng: new Rng(seed) };
  }

  static fromSeed(module: IrModule, seed: number): InterpModel {
    return new InterpModel(module, initWeights(module, seed), seed);
  }

  private feeds(entries: Record<string, Tensor>, training = false): Map<string, Tensor> {
    const m = new Map(Object.entries(entries));
    m.set("training", makeTensor("bool", [], new Uint8Array([training ? 1 : 0])));
    return m;
  }

  encode(src: readonly (readonly number[])[]): Encoded {
    const out = runGraph(
      this.module.graphs.encode,
      this.feeds({ src: padBatch(src) }),
      this.root,
      this.run,
    );
    const B = src.length;
    const states = new Map<string, Tensor>();
    for (const s of this.module.config.state) {
      states.set(
        s.name,
        s.init === "encoder" ? out.get(s.name)! : zeros("float32", bind(s.shape, B)),
      );
    }
    return { outputs: out, states };
  }

  /**
   * Teacher-forced logits [B, T, V] where the decoder reads `tgtIn` (which should start
   * with <bos>).
   */
  decode(enc: Encoded, tgtIn: readonly (readonly number[])[]): Tensor {
    const feeds: Record<string, Tensor> = {
      ...Object.fromEntries(enc.outputs),
      tgt: padBatch(tgtIn),
    };
    for (const [k, v] of enc.states) feeds[k] = v;
    return runGraph(this.module.graphs.decode, this.feeds(feeds), this.root, this.run).get(
      "logits",
    )!;
  }

  /** One step: logits [B, V] for `tokens` at positions `pos`, and the next states. */
  step(
    enc: Encoded,
    states: ReadonlyMap<string, Tensor>,
    tokens: readonly number[],
    pos: number,
  ): { logits: Tensor; states: Map<string, Tensor> } {
    const B = tokens.length;
    const feeds: Record<string, Tensor> = {
      ...Object.fromEntries(enc.outputs),
      token: makeTensor("int32", [B], Int32Array.from(tokens)),
      pos: makeTensor("int32", [B], new Int32Array(B).fill(pos)),
    };
    for (const [k, v] of states) feeds[k] = v;
    const out = runGraph(this.module.graphs.decode_step, this.feeds(feeds), this.root, this.run);
    const next = new Map<string, Tensor>();
    for (const s of this.module.config.state) next.set(s.name, out.get(`next/${s.name}`)!);
    return { logits: out.get("logits")!, states: next };
  }

  /**
   * Greedy decoding: argmax at every step until <eos> or `maxLength` tokens. <pad> and
   * <bos> are never outputs, so they are excluded from the argmax.
   */
  greedy(src: readonly (readonly number[])[], maxLength: number): number[][] {
    const { bos, eos, pad } = this.module.config.specials;
    const enc = this.encode(src);
    const B = src.length;
    const outs: number[][] = Array.from({ length: B }, () => []);
    const done = new Array<boolean>(B).fill(false);
    let states = enc.states;
    let tokens = new Array<number>(B).fill(bos);
    const limit = Math.min(maxLength, (this.module.config.maxLength ?? Infinity) - 1);
    for (let t = 0; t < limit && done.some((d) => !d); t++) {
      const r = this.step(enc, states, tokens, t);
      states = r.states;
      const V = r.logits.dims[1]!;
      const data = r.logits.data as Float32Array;
      tokens = tokens.map((_, b) => argmaxToken(data.subarray(b * V, (b + 1) * V), pad, bos));
      tokens.forEach((tok, b) => {
        if (done[b]) return;
        if (tok === eos) done[b] = true;
        else outs[b]!.push(tok);
      });
    }
    return outs;
  }
}

/** The most likely token of one row of logits, skipping <pad> and <bos>. */
export function argmaxToken(row: ArrayLike<number>, pad: number, bos: number): number {
  let best = -1;
  for (let v = 0; v < row.length; v++) {
    if (v === pad || v === bos) continue;
    if (best < 0 || row[v]! > row[best]!) best = v;
  }
  return best;
}
