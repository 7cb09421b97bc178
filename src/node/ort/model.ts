/**
 * An IR module on ONNX Runtime (CPU): one InferenceSession per exported graph, fed and
 * read by the IR's value names. `createOrtModel(module, weights)` exports in memory
 * (src/backends/onnx) and loads the bytes, so what runs is exactly what `compile
 * --target onnx` writes; `loadOrtModel(dir)` runs a compiled directory.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Dim, EntryPoint, IrModule, ModelConfig } from "../../ir/index.js";
import type { WeightData } from "../../backends/onnx/index.js";
import { exportOnnx, ONNX_FILES } from "../../backends/onnx/index.js";
import { readDescription } from "../onnx-package.js";
import { loadOrt } from "./load.js";
import type { Ort, OrtSession, OrtSessionOptions, OrtTensor, OrtTensors } from "./types.js";

export type { OrtTensors } from "./types.js";

export interface OrtEncoded {
  /** Every output of the encoder; the decoders take each by name. */
  outputs: OrtTensors;
  /** The decoder's initial state (bridge outputs, zeros, empty caches). */
  states: OrtTensors;
  /** Rows of the batch. */
  rows: number;
}

export interface OrtModelOptions {
  /** Threads per session (default 1: the CLI and tests share small machines). */
  threads?: number;
}

function bind(shape: readonly Dim[], B: number): number[] {
  return shape.map((d) => (typeof d === "number" ? d : d === "B" ? B : 0));
}

function size(dims: readonly number[]): number {
  return dims.reduce((a, b) => a * b, 1);
}

export class OrtModel {
  private constructor(
    private readonly ort: Ort,
    readonly config: ModelConfig,
    private readonly sessions: Record<EntryPoint, OrtSession>,
  ) {}

  /** Loads three serialised models (the bytes of encoder/decoder/decoder_step.onnx). */
  static async fromBytes(
    config: ModelConfig,
    files: Record<EntryPoint, Uint8Array>,
    options: OrtModelOptions = {},
  ): Promise<OrtModel> {
    const ort = await loadOrt();
    const opts: OrtSessionOptions = {
      intraOpNumThreads: options.threads ?? 1,
      interOpNumThreads: 1,
      executionProviders: ["cpu"],
      logSeverityLevel: 3,
    };
    const sessions = {} as Record<EntryPoint, OrtSession>;
    for (const entry of ["encode", "decode", "decode_step"] as const)
      sessions[entry] = await ort.InferenceSession.create(files[entry], opts);
    return new OrtModel(ort, config, sessions);
  }

  private tensor(dtype: "int32" | "float32", dims: number[], data: Int32Array | Float32Array) {
    return new this.ort.Tensor(dtype, data, dims);
  }

  private ids(seqs: readonly (readonly number[])[]): OrtTensor {
    const L = Math.max(1, ...seqs.map((s) => s.length));
    const data = new Int32Array(seqs.length * L).fill(this.config.specials.pad);
    seqs.forEach((s, b) => data.set(s, b * L));
    return this.tensor("int32", [seqs.length, L], data);
  }

  private async run(entry: EntryPoint, given: OrtTensors): Promise<OrtTensors> {
    const session = this.sessions[entry];
    const feeds: OrtTensors = {};
    for (const name of session.inputNames) {
      const t = given[name];
      if (t === undefined) throw new Error(`internal: no value for input ${name} of ${entry}`);
      feeds[name] = t;
    }
    return session.run(feeds);
  }

  async encode(src: readonly (readonly number[])[]): Promise<OrtEncoded> {
    const outputs = await this.run("encode", { src: this.ids(src) });
    const B = src.length;
    const states: OrtTensors = {};
    for (const s of this.config.state) {
      if (s.init === "encoder") states[s.name] = outputs[s.name]!;
      else {
        const dims = bind(s.shape, B);
        states[s.name] = this.tensor("float32", dims, new Float32Array(size(dims)));
      }
    }
    return { outputs, states, rows: B };
  }

  /** Teacher-forced logits [B, T, V] for `tgtIn` (each starting with <bos>). */
  async decode(
    enc: OrtEncoded,
    tgtIn: readonly (readonly number[])[],
  ): Promise<{ dims: number[]; data: Float32Array }> {
    const out = await this.run("decode", { ...enc.outputs, ...enc.states, tgt: this.ids(tgtIn) });
    const logits = out["logits"]!;
    return { dims: [...logits.dims], data: logits.data as Float32Array };
  }

  /** One step for every row: logits [B·V] and the next states. */
  async step(
    enc: OrtEncoded,
    states: OrtTensors,
    tokens: readonly number[],
    pos: number,
  ): Promise<{ logits: Float32Array; states: OrtTensors }> {
    const B = tokens.length;
    const out = await this.run("decode_step", {
      ...enc.outputs,
      ...states,
      token: this.tensor("int32", [B], Int32Array.from(tokens)),
      pos: this.tensor("int32", [B], new Int32Array(B).fill(pos)),
    });
    const next: OrtTensors = {};
    for (const s of this.config.state) next[s.name] = out[`next/${s.name}`]!;
    return { logits: out["logits"]!.data as Float32Array, states: next };
  }

  /** Rows `rows` of every tensor whose first dim is the batch (beam search). */
  selectRows(ts: OrtTensors, rows: readonly number[], B: number): OrtTensors {
    const out: OrtTensors = {};
    for (const [k, t] of Object.entries(ts)) {
      if (t.dims.length === 0 || t.dims[0] !== B) {
        out[k] = t;
        continue;
      }
      const per = size(t.dims.slice(1));
      const src = t.data as Float32Array | Int32Array | Uint8Array;
      const Ctor = src.constructor as new (n: number) => typeof src;
      const data = new Ctor(rows.length * per);
      rows.forEach((r, i) => data.set(src.subarray(r * per, (r + 1) * per), i * per));
      out[k] = new this.ort.Tensor(t.type as "float32", data as Float32Array, [
        rows.length,
        ...t.dims.slice(1),
      ]);
    }
    return out;
  }

  async dispose(): Promise<void> {
    for (const s of Object.values(this.sessions)) await s.release();
  }
}

/** The module on ORT, with `weights` (seeded by initWeights, or trained). */
export async function createOrtModel(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  options: OrtModelOptions = {},
): Promise<OrtModel> {
  return OrtModel.fromBytes(module.config, exportOnnx(module, weights), options);
}

/** A directory written by `s2sc compile --target onnx`. */
export async function loadOrtModel(dir: string, options: OrtModelOptions = {}): Promise<OrtModel> {
  const description = readDescription(dir);
  const files = {} as Record<EntryPoint, Uint8Array>;
  for (const entry of ["encode", "decode", "decode_step"] as const)
    files[entry] = readFileSync(join(dir, ONNX_FILES[entry]));
  return OrtModel.fromBytes(description.config, files, options);
}
