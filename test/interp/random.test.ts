/**
 * The PRNG reproduces the xoshiro128** reference, seeded streams never change (golden
 * values), and the initialisers have the documented distributions.
 */
import { describe, expect, test } from "vitest";
import { INITIALIZERS, initTensor } from "../../src/backends/interp/init.js";
import { Rng } from "../../src/reference/random.js";

describe("Rng", () => {
  test("matches the reference C implementation of xoshiro128** from state {1, 2, 3, 4}", () => {
    const rng = new Rng([1, 2, 3, 4]);
    const got = Array.from({ length: 6 }, () => rng.nextUint32());
    expect(got).toEqual([11520, 0, 5927040, 70819200, 2031721883, 1637235492]);
  });

  test("a seed always gives the same stream (golden values)", () => {
    const rng = new Rng(42);
    // Changing these breaks every recorded seed; it needs a deliberate decision.
    expect(Array.from({ length: 4 }, () => rng.nextUint32())).toEqual([
      2837322924, 544945897, 479756282, 3500138142,
    ]);
  });

  test("nearby seeds give unrelated streams", () => {
    const a = new Rng(1).nextUint32();
    const b = new Rng(2).nextUint32();
    expect(a).not.toBe(b);
  });

  test("uniform and normal moments", () => {
    const rng = new Rng(7);
    const n = 20000;
    let su = 0;
    let sn = 0;
    let sn2 = 0;
    for (let i = 0; i < n; i++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      su += u;
      const z = rng.normal();
      sn += z;
      sn2 += z * z;
    }
    expect(Math.abs(su / n - 0.5)).toBeLessThan(0.01);
    expect(Math.abs(sn / n)).toBeLessThan(0.03);
    expect(Math.abs(sn2 / n - 1)).toBeLessThan(0.05);
  });
});

describe("initialisers", () => {
  test("every name in the table produces the requested shape", () => {
    const rng = new Rng(1);
    for (const name of Object.keys(INITIALIZERS)) {
      const spec =
        name === "glorot_uniform"
          ? { name, fanIn: 3, fanOut: 4 }
          : name === "normal"
            ? { name, std: 0.1 }
            : { name };
      const t = initTensor(spec as Parameters<typeof initTensor>[0], [3, 4], rng);
      expect(t.dims).toEqual([3, 4]);
      expect(t.dtype).toBe("float32");
    }
  });

  test("glorot_uniform stays within sqrt(6 / (fanIn + fanOut)) and fills the range", () => {
    const t = initTensor({ name: "glorot_uniform", fanIn: 20, fanOut: 30 }, [20, 30], new Rng(2));
    const limit = Math.sqrt(6 / 50);
    const values = [...t.data];
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(limit);
    expect(Math.max(...values)).toBeGreaterThan(0.9 * limit);
  });

  test("uniform defaults to ±0.08", () => {
    const t = initTensor({ name: "uniform" }, [1000], new Rng(3));
    const values = [...t.data];
    expect(Math.max(...values.map(Math.abs))).toBeLessThanOrEqual(0.08);
    expect(Math.max(...values)).toBeGreaterThan(0.07);
  });

  test("zeros and ones", () => {
    expect([...initTensor({ name: "zeros" }, [3], new Rng(0)).data]).toEqual([0, 0, 0]);
    expect([...initTensor({ name: "ones" }, [2], new Rng(0)).data]).toEqual([1, 1]);
  });

  test("normal has the requested mean and spread", () => {
    const t = initTensor({ name: "normal", std: 0.5, mean: 1 }, [10000], new Rng(4));
    const values = [...t.data];
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean - 1)).toBeLessThan(0.02);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.02);
  });

  test.each([
    [6, 6],
    [4, 9],
    [9, 4],
    [2, 3, 8], // flattened to [6, 8]
  ])("orthogonal %s has orthonormal rows or columns", (...dims) => {
    const t = initTensor({ name: "orthogonal", gain: 2 }, dims, new Rng(5));
    const cols = dims[dims.length - 1]!;
    const rows = t.data.length / cols;
    const at = (i: number, j: number): number => t.data[i * cols + j]! / 2;
    // The Gram matrix of the shorter side is the identity.
    const [k, n, get] =
      rows <= cols
        ? [rows, cols, (v: number, e: number) => at(v, e)]
        : [cols, rows, (v: number, e: number) => at(e, v)];
    for (let a = 0; a < k; a++) {
      for (let b = 0; b < k; b++) {
        let dot = 0;
        for (let e = 0; e < n; e++) dot += get(a, e) * get(b, e);
        expect(Math.abs(dot - (a === b ? 1 : 0))).toBeLessThan(1e-6);
      }
    }
  });

  test("initialisers are deterministic", () => {
    const a = initTensor({ name: "orthogonal" }, [5, 5], new Rng(9));
    const b = initTensor({ name: "orthogonal" }, [5, 5], new Rng(9));
    expect(a).toEqual(b);
  });
});
