/**
 * Models for the runtime groups: a spec → its verified IR module at -O0 or -O2, and one
 * runner per backend (tfjs-wasm, tfjs-cpu, the interpreter) exposing the same three
 * things: a teacher-forced forward, decoding through src/decode's StepModel, and the
 * backend to activate before timing it.
 *
 * Weights come from the interpreter's initWeights(module, seed), so -O0 and -O2 (the
 * passes never rename parameters) and all backends run the very same numbers.
 */
import { readFileSync } from "node:fs";
import { InterpModel } from "../../src/backends/interp/model.js";
import { initWeights } from "../../src/backends/interp/weights.js";
import * as tf from "@tensorflow/tfjs";
import { createTfjsModel, useTfBackend } from "../../src/runtime/index.js";
import { checkProgram } from "../../src/check/index.js";
import { interpStepModel } from "../../src/decode/interp.js";
import type { StepModel } from "../../src/decode/step-model.js";
import { tfjsStepModel } from "../../src/runtime/step-model.js";
import { elaborate } from "../../src/elaborate/index.js";
import type { IrModule } from "../../src/ir/types.js";
import { verifyModule } from "../../src/ir/verify.js";
import { passesForLevel, runPipeline } from "../../src/passes/index.js";
import { memoryHost } from "../../src/source/host.js";

/** The backends with a matmul roofline (group 2): tfjs's two and the interpreter. */
export const BACKENDS = ["wasm", "cpu", "interp"] as const;
/** ONNX Runtime (onnxruntime-node, CPU, one thread) runs the exported model too. */
export type Backend = (typeof BACKENDS)[number] | "ort";
/** The order the forward group measures them in (it stops starting rows past its allowance). */
export const FORWARD_BACKENDS: readonly Backend[] = ["wasm", "ort", "cpu", "interp"];
export const BACKEND_LABEL: Record<Backend, string> = {
  wasm: "tfjs-wasm",
  cpu: "tfjs-cpu",
  interp: "interpreter",
  ort: "onnxruntime",
};

/** The first model of a spec file (no imports), elaborated and verified: -O0. */
export function loadSpec(path: string): IrModule {
  const r = checkProgram(path, memoryHost({ [path]: readFileSync(path, "utf8") }));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  const model = r.models[0];
  if (model === undefined || errors.length > 0)
    throw new Error(`${path}: ${errors[0]?.message ?? "no model"}`);
  const e = elaborate(model);
  if (e.module === undefined) throw new Error(`${path}: ${e.diagnostics[0]?.message}`);
  const problems = verifyModule(e.module);
  if (problems.length > 0) throw new Error(`${path}: malformed IR: ${problems[0]}`);
  return e.module;
}

/**
 * `m` through the -O`level` pipeline (level 0: `m` itself), for `target` ("tfjs" leaves
 * out the passes unprofitable there, as `s2sc compile --target tfjs` does).
 */
export function optimise(m: IrModule, level: 0 | 1 | 2, target?: string): IrModule {
  if (level === 0) return m;
  const r = runPipeline(m, passesForLevel(level, target));
  if ("error" in r) throw new Error(r.error);
  return r.module;
}

export interface Runner {
  backend: Backend;
  module: IrModule;
  /** Makes this runner's tfjs backend the active one (a no-op for the interpreter). */
  activate(): Promise<void>;
  /** Encode + teacher-forced decode, results read back to the host. */
  forward(src: number[][], tgtIn: number[][]): Promise<void>;
  /** Decoding through src/decode (decode_step, recurrent state or key/value cache). */
  steps: StepModel<unknown>;
  /**
   * Decoding without the cache: encodes `src` once, then each `last(prefix)` runs the
   * whole teacher-forced decoder over the prefixes (one per row, each starting with
   * <bos>) and returns the logits of their last position, [B·V].
   */
  prefixDecoder(src: number[][]): PrefixDecoder;
  dispose(): void;
}

export interface PrefixDecoder {
  last(prefix: number[][]): Promise<Float32Array>;
  dispose(): void;
}

/** The logits of the last position of each row of [B, T, V] logits: [B·V]. */
function lastPositions(data: Float32Array, dims: readonly number[]): Float32Array {
  const [B, T, V] = dims as [number, number, number];
  const out = new Float32Array(B * V);
  for (let b = 0; b < B; b++) out.set(data.subarray((b * T + T - 1) * V, (b * T + T) * V), b * V);
  return out;
}

export async function makeRunner(m: IrModule, backend: Backend, seed = 0): Promise<Runner> {
  const weights = initWeights(m, seed);
  if (backend === "interp") {
    const model = new InterpModel(m, weights, seed);
    return {
      backend,
      module: m,
      activate: async () => {},
      forward: async (src, tgt) => void model.decode(model.encode(src), tgt),
      steps: interpStepModel(model) as StepModel<unknown>,
      prefixDecoder: (src) => {
        const enc = model.encode(src);
        return {
          last: async (prefix) => {
            const logits = model.decode(enc, prefix);
            return lastPositions(logits.data as Float32Array, logits.dims);
          },
          dispose: () => {},
        };
      },
      dispose: () => {},
    };
  }
  if (backend === "ort") {
    const { createOrtModel, ortStepModel } = await import("../../src/node/ort/index.js");
    const model = await createOrtModel(m, weights);
    return {
      backend,
      module: m,
      activate: async () => {},
      forward: async (src, tgt) => void (await model.decode(await model.encode(src), tgt)),
      steps: ortStepModel(model) as StepModel<unknown>,
      prefixDecoder: (src) => {
        const encoded = model.encode(src);
        return {
          last: async (prefix) => {
            const logits = await model.decode(await encoded, prefix);
            return lastPositions(logits.data, logits.dims);
          },
          dispose: () => {},
        };
      },
      dispose: () => void model.dispose(),
    };
  }
  const model = await createTfjsModel(m, weights, { backend });
  return {
    backend,
    module: m,
    activate: () => useTfBackend(backend),
    forward: async (src, tgt) => {
      const enc = model.encode(src);
      const logits = model.decode(enc, tgt);
      await logits.data();
      logits.dispose();
      model.disposeEncoded(enc);
    },
    steps: tfjsStepModel(model) as StepModel<unknown>,
    prefixDecoder: (src) => {
      const enc = model.encode(src);
      return {
        last: async (prefix) => {
          const logits = model.decode(enc, prefix);
          const [B, T, V] = logits.shape as [number, number, number];
          // Only the last position is read back, as a decoder without a cache would.
          const row = tf.slice(logits, [0, T - 1, 0], [B, 1, V]);
          logits.dispose();
          const data = (await row.data()) as Float32Array;
          row.dispose();
          return data;
        },
        dispose: () => model.disposeEncoded(enc),
      };
    },
    dispose: () => model.dispose(),
  };
}

/**
 * Deterministic token ids in 4..vocab-1 (no specials, no padding: every position is
 * real), `rows` × `length`.
 */
export function tokenBatch(vocab: number, rows: number, length: number, seed: number): number[][] {
  return Array.from({ length: rows }, (_, b) =>
    Array.from({ length }, (_, t) => 4 + ((b * 31 + t * 17 + seed * 7) % (vocab - 4))),
  );
}

/** A teacher-forcing input: <bos> then the first length-1 tokens of a batch. */
export function withBos(batch: number[][], bos: number): number[][] {
  return batch.map((s) => [bos, ...s.slice(0, -1)]);
}

/** The best token of each row of `logits` [B·V], specials (<pad>, <bos>, <eos>) excluded. */
export function argmaxRows(
  logits: Float32Array,
  V: number,
  specials: { pad: number; bos: number; eos: number },
): number[] {
  const out: number[] = [];
  for (let o = 0; o < logits.length; o += V) {
    let best = -1;
    for (let v = 0; v < V; v++) {
      if (v === specials.pad || v === specials.bos || v === specials.eos) continue;
      if (best < 0 || logits[o + v]! > logits[o + best]!) best = v;
    }
    out.push(best);
  }
  return out;
}

/**
 * Greedy decoding of exactly `steps` tokens per row: the argmax over every token but
 * the specials (<pad>, <bos>, <eos>) at each step, so that untrained weights cannot end
 * a sequence early and every run does the same work. Returns the tokens.
 */
export async function greedyFixed(
  m: StepModel<unknown>,
  src: number[][],
  steps: number,
): Promise<number[][]> {
  let state = await m.start(src);
  let tokens = src.map(() => m.specials.bos);
  const out: number[][] = src.map(() => []);
  for (let t = 0; t < steps; t++) {
    const r = await m.step(state, tokens, t);
    m.release(state);
    state = r.state;
    tokens = argmaxRows(r.logits, m.vocab, m.specials);
    tokens.forEach((tok, b) => out[b]!.push(tok));
  }
  m.release(state);
  return out;
}

/**
 * The same greedy decoding as greedyFixed without the cache: every step re-runs the
 * teacher-forced decoder over the whole prefix (the encoding is computed once).
 */
export async function greedyNoCache(
  r: Runner,
  src: number[][],
  steps: number,
): Promise<number[][]> {
  const { specials, vocab } = r.steps;
  const dec = r.prefixDecoder(src);
  const prefix = src.map(() => [specials.bos]);
  try {
    for (let t = 0; t < steps; t++) {
      const next = argmaxRows(await dec.last(prefix), vocab, specials);
      next.forEach((tok, b) => prefix[b]!.push(tok));
    }
  } finally {
    dec.dispose();
  }
  return prefix.map((p) => p.slice(1));
}
