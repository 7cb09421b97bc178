/** Initial weights: deterministic per (seed, name), and each init rule does what it says. */
import { describe, expect, it } from "vitest";
import { initParameter, paramSeed, sinusoidalTable } from "../../src/backends/interp/weights.js";
import type { Init, Parameter } from "../../src/ir/types.js";

function param(name: string, shape: number[], init: Init): Parameter {
  return { name, path: name, dtype: "float32", shape, init, role: "projection", trainable: true };
}

describe("initial weights", () => {
  it("depend on the seed and the name only", () => {
    const a = initParameter(
      param("x/W", [4, 5], { kind: "glorot_uniform", fanIn: 4, fanOut: 5 }),
      3,
    );
    const b = initParameter(
      param("x/W", [4, 5], { kind: "glorot_uniform", fanIn: 4, fanOut: 5 }),
      3,
    );
    const c = initParameter(
      param("y/W", [4, 5], { kind: "glorot_uniform", fanIn: 4, fanOut: 5 }),
      3,
    );
    expect(Array.from(a.data)).toEqual(Array.from(b.data));
    expect(Array.from(a.data)).not.toEqual(Array.from(c.data));
    expect(paramSeed(3, "x/W")).not.toBe(paramSeed(4, "x/W"));
  });

  it("glorot_uniform stays within its limit", () => {
    const t = initParameter(
      param("w", [64, 32], { kind: "glorot_uniform", fanIn: 64, fanOut: 32 }),
      1,
    );
    const limit = Math.sqrt(6 / 96);
    expect(Math.max(...Array.from(t.data, Math.abs))).toBeLessThanOrEqual(limit);
  });

  it("lstm_bias sets exactly the forget-gate slice (ONNX order i, o, f, c) to one", () => {
    const t = initParameter(
      param("b", [2, 12], { kind: "lstm_bias", hidden: 3, directions: 2 }),
      1,
    );
    const row = [0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0];
    expect(Array.from(t.data)).toEqual([...row, ...row]);
  });

  it("orthogonal gives orthonormal rows per gate block", () => {
    const t = initParameter(param("R", [1, 8, 4], { kind: "orthogonal", blocks: 2 }), 9);
    const d = t.data as Float32Array;
    for (let g = 0; g < 2; g++) {
      for (let i = 0; i < 4; i++) {
        for (let j = 0; j < 4; j++) {
          let dot = 0;
          for (let k = 0; k < 4; k++) dot += d[g * 16 + i * 4 + k]! * d[g * 16 + j * 4 + k]!;
          expect(dot).toBeCloseTo(i === j ? 1 : 0, 5);
        }
      }
    }
  });

  it("sinusoidal table is the paper's interleaved sin/cos", () => {
    const t = sinusoidalTable(3, 4);
    expect(t[0]).toBe(0);
    expect(t[1]).toBe(1);
    expect(t[4 + 0]).toBeCloseTo(Math.sin(1), 6);
    expect(t[4 + 1]).toBeCloseTo(Math.cos(1), 6);
    expect(t[8 + 2]).toBeCloseTo(Math.sin(2 / 100), 6);
    expect(t[8 + 3]).toBeCloseTo(Math.cos(2 / 100), 6);
  });
});
