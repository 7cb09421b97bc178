/**
 * The prelude's attention on wasm takes attentionByConv for large products outside a
 * tape: both per-head products as depthwise convolutions with the scores kept in a
 * [T, B, heads, S] layout. Each case runs the helper on wasm (that path) and on the cpu
 * backend (the plain path, tf.matMul over [B, heads, ·, ·]) and compares: every mask
 * form ONNX allows (bool padding [B, 1, 1, S], an additive float [T, S] mask with −∞
 * entries, a 3-D [heads, T, S] one), is_causal, fully masked rows of both mask kinds
 * (zeros, not NaN), and cross-attention with S ≠ T.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, test } from "vitest";
import { useTfBackendNode } from "../../src/node/tfjs-backend.js";
import { preludeFunction } from "./helpers.js";
import { Rng } from "../../src/reference/random.js";

type Attention = (o: object, ...xs: (tf.Tensor | undefined)[]) => tf.Tensor[];
const attention = preludeFunction<Attention>("attention");

const [B, T, S, H, D] = [4, 64, 72, 4, 16];

function uniform(rng: Rng, n: number): Float32Array {
  return Float32Array.from({ length: n }, () => rng.uniform(-1, 1));
}

interface Case {
  name: string;
  causal?: boolean;
  keys: number;
  mask?: { dims: number[]; bool: boolean; values: (i: number) => number };
  /** A batch row whose mask hides every key: its output must be exactly 0. */
  deadRow?: number;
}

const CASES: Case[] = [
  { name: "no mask, cross-attention", keys: S },
  {
    name: "bool padding mask [B, 1, 1, S] and is_causal",
    keys: T,
    causal: true,
    mask: {
      dims: [B, 1, 1, T],
      bool: true,
      values: (i) => (i % T < T - 5 * (Math.floor(i / T) % B) ? 1 : 0),
    },
  },
  {
    name: "float [T, S] mask with −∞ and a fully masked row",
    keys: S,
    mask: {
      dims: [T, S],
      bool: false,
      values: (i) => (i < S || i % 7 === 3 ? -Infinity : (i % 5) / 10),
    },
  },
  {
    name: "bool padding mask [B, 1, 1, S] with a batch row that sees no key",
    keys: S,
    mask: {
      dims: [B, 1, 1, S],
      bool: true,
      values: (i) => (Math.floor(i / S) === 1 || i % 3 === 0 ? 0 : 1),
    },
    deadRow: 1,
  },
  {
    name: "bool [heads, T, S] mask",
    keys: S,
    mask: { dims: [H, T, S], bool: true, values: (i) => (i % 3 === 0 ? 0 : 1) },
  },
];

async function run(backend: "wasm" | "cpu", c: Case): Promise<Float32Array> {
  await useTfBackendNode(backend);
  const rng = new Rng(7);
  return tf.tidy(() => {
    const q = tf.tensor3d(uniform(rng, B * T * H * D), [B, T, H * D]);
    const k = tf.tensor3d(uniform(rng, B * c.keys * H * D), [B, c.keys, H * D]);
    const v = tf.tensor3d(uniform(rng, B * c.keys * H * D), [B, c.keys, H * D]);
    let mask: tf.Tensor | undefined;
    if (c.mask !== undefined) {
      const n = c.mask.dims.reduce((a, d) => a * d, 1);
      const data = Float32Array.from({ length: n }, (_, i) => c.mask!.values(i));
      mask = c.mask.bool ? tf.tensor(data, c.mask.dims).cast("bool") : tf.tensor(data, c.mask.dims);
    }
    const o = { qHeads: H, kvHeads: H, causal: c.causal };
    return attention(o, q, k, v, mask)[0]!.dataSync() as Float32Array;
  });
}

describe("attention by convolution on wasm", () => {
  test.each(CASES)("$name", async (c) => {
    await useTfBackendNode("wasm");
    const profile = await tf.profile(async () => void (await run("wasm", c)));
    const [fast, plain] = [await run("wasm", c), await run("cpu", c)];
    expect(profile.kernelNames).toContain("DepthwiseConv2dNative");
    expect(profile.kernelNames).not.toContain("BatchMatMul");
    expect(fast.some(Number.isNaN)).toBe(false);
    let worst = 0;
    for (let i = 0; i < fast.length; i++) worst = Math.max(worst, Math.abs(fast[i]! - plain[i]!));
    expect(worst).toBeLessThan(1e-5);
    if (c.deadRow !== undefined) {
      const row = T * H * D;
      for (const out of [fast, plain]) {
        expect(out.subarray(c.deadRow * row, (c.deadRow + 1) * row).every((x) => x === 0)).toBe(
          true,
        );
        expect(out.subarray(0, row).some((x) => x !== 0)).toBe(true);
      }
    }
  });
});
