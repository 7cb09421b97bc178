/**
 * The three entry points agree, run on the interpreter:
 * - teacher-forced `decode` gives the same logits as feeding the same tokens through
 *   `decode_step` one at a time (checks Scan bodies, KV caches, positions, states);
 * - padding a sequence in a batch does not change its results (checks masks,
 *   sequence_lens and positions under padding).
 */
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { InterpModel } from "../../src/backends/interp/model.js";
import type { Tensor } from "../../src/reference/tensor.js";
import { elaborate } from "../../src/elaborate/index.js";
import { checkedModels } from "./helpers.js";

const TINY = readdirSync(new URL("../../specs/tiny/", import.meta.url)).filter((f) =>
  f.endsWith(".s2s"),
);

function row(t: Tensor, b: number, pos: number): number[] {
  const V = t.dims[t.dims.length - 1]!;
  const T = t.dims.length === 3 ? t.dims[1]! : 1;
  const data = t.data as Float32Array;
  const start = (b * T + pos) * V;
  return Array.from(data.subarray(start, start + V));
}

function expectClose(a: number[], b: number[], tol = 2e-5): void {
  expect(a.length).toBe(b.length);
  const worst = Math.max(...a.map((x, i) => Math.abs(x - b[i]!)));
  expect(worst).toBeLessThan(tol);
}

describe.each(TINY)("%s", (file) => {
  const model = checkedModels(`specs/tiny/${file}`)[0]!;
  const module = elaborate(model).module!;
  const im = InterpModel.fromSeed(module, 7);
  const src = [
    [4, 5, 6, 7, 8],
    [9, 10, 11],
  ];
  const tgt = [
    [1, 4, 5, 6],
    [1, 7, 8, 9],
  ];

  it("decode_step reproduces teacher-forced decode", () => {
    const enc = im.encode(src);
    const logits = im.decode(enc, tgt);
    let states = enc.states;
    for (let t = 0; t < tgt[0]!.length; t++) {
      const r = im.step(
        enc,
        states,
        tgt.map((s) => s[t]!),
        t,
      );
      states = r.states;
      for (let b = 0; b < src.length; b++) expectClose(row(r.logits, b, 0), row(logits, b, t));
    }
  });

  it("padding in the batch does not change a sequence's logits", () => {
    const alone = im.decode(im.encode([src[1]!]), [tgt[1]!]);
    const batched = im.decode(im.encode(src), tgt);
    for (let t = 0; t < tgt[1]!.length; t++) expectClose(row(batched, 1, t), row(alone, 0, t));
  });

  it("greedy decoding is deterministic and stops within the limit", () => {
    const a = im.greedy(src, 8);
    const b = InterpModel.fromSeed(module, 7).greedy(src, 8);
    expect(a).toEqual(b);
    for (const s of a) expect(s.length).toBeLessThanOrEqual(8);
  });
});
