/**
 * Weights in the TensorFlow.js weights format: a manifest (groups of `paths` to binary
 * shards and the `weights` they hold, in order) and the shards, raw little-endian
 * float32 values concatenated and cut every 4 MiB, as tfjs's own writers do.
 * `tf.io.decodeWeights` reads them back.
 */
import type { Parameter } from "../../../ir/index.js";

/** Weights as plain data, e.g. from the interpreter's initWeights or a checkpoint. */
export interface WeightData {
  readonly dims: readonly number[];
  readonly data: ArrayLike<number>;
}

export const SHARD_BYTES = 4 * 1024 * 1024;

export interface WeightsManifestEntry {
  name: string;
  shape: number[];
  dtype: "float32";
}

export interface WeightsManifestGroup {
  paths: string[];
  weights: WeightsManifestEntry[];
}

export interface EncodedWeights {
  manifest: WeightsManifestGroup[];
  /** Shard file name → bytes. */
  shards: Map<string, Uint8Array>;
}

export function encodeWeights(
  params: readonly Parameter[],
  weights: ReadonlyMap<string, WeightData>,
): EncodedWeights {
  const total = params.reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
  const all = new Float32Array(total);
  let at = 0;
  for (const p of params) {
    const w = weights.get(p.name);
    if (w === undefined) throw new Error(`no weights for parameter ${p.name}`);
    all.set(w.data, at);
    at += w.data.length;
  }
  // Typed arrays use the platform's byte order; every platform tfjs runs on is little-endian.
  const bytes = new Uint8Array(all.buffer);
  const count = Math.max(1, Math.ceil(bytes.length / SHARD_BYTES));
  const shards = new Map<string, Uint8Array>();
  for (let i = 0; i < count; i++) {
    shards.set(
      `group1-shard${i + 1}of${count}.bin`,
      bytes.subarray(i * SHARD_BYTES, (i + 1) * SHARD_BYTES),
    );
  }
  const entries = params.map((p) => ({
    name: p.name,
    shape: [...p.shape],
    dtype: "float32" as const,
  }));
  return { manifest: [{ paths: [...shards.keys()], weights: entries }], shards };
}
