/**
 * The packed matmul and the MatMul/Gemm kernels against a naive float64 reference:
 * odd sizes that leave partial 4×4 tiles, vectors, empty dims, transposed and offset
 * operands, and batched broadcasting.
 */
import { describe, expect, test } from "vitest";
import { matmulF32, matmulPacked, packA, packB } from "../../src/reference/matmul.js";
import { Rng } from "../../src/reference/random.js";
import type { Tensor } from "../../src/reference/tensor.js";
import { broadcastIndex, broadcastShapes, sizeOf } from "../../src/reference/tensor.js";
import { f32, maxAbsDiff, randomF32, run, t } from "./helpers.js";

/** C = A·B in float64 for row-major A [m, k] and B [k, n]. */
function reference(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  m: number,
  n: number,
  k: number,
): Float64Array {
  const c = new Float64Array(m * n);
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let q = 0; q < k; q++) s += a[i * k + q]! * b[q * n + j]!;
      c[i * n + j] = s;
    }
  }
  return c;
}

/** numpy matmul on tensors of rank ≥ 2, by definition (no 1-D promotion). */
function referenceBatched(a: Tensor, b: Tensor): { dims: number[]; data: Float64Array } {
  const [m, k] = a.dims.slice(-2) as [number, number];
  const n = b.dims[b.dims.length - 1]!;
  const batch = broadcastShapes(a.dims.slice(0, -2), b.dims.slice(0, -2));
  const ia = broadcastIndex(a.dims.slice(0, -2), batch);
  const ib = broadcastIndex(b.dims.slice(0, -2), batch);
  const out = new Float64Array(sizeOf(batch) * m * n);
  for (let t = 0; t < sizeOf(batch); t++) {
    const c = reference(
      a.data.subarray(ia[t]! * m * k, (ia[t]! + 1) * m * k),
      b.data.subarray(ib[t]! * k * n, (ib[t]! + 1) * k * n),
      m,
      n,
      k,
    );
    out.set(c, t * m * n);
  }
  return { dims: [...batch, m, n], data: out };
}

/** Float32 storage plus sums of k products of values in (−1, 1): errors stay far below this. */
const tol = (k: number): number => 1e-6 * Math.max(1, k);

describe("matmulF32", () => {
  const rng = new Rng(1);
  const sizes = [1, 2, 3, 4, 5, 7, 8, 9, 13, 17, 33, 64, 65];
  test.each(
    sizes.flatMap((m) => [1, 3, 4, 6, 17, 64].map((n) => [m, n, ((m * 7 + n * 3) % 37) + 1])),
  )("%i×%i with k = %i", (m, n, k) => {
    const a = randomF32(rng, [m, k]).data as Float32Array;
    const b = randomF32(rng, [k, n]).data as Float32Array;
    expect(
      maxAbsDiff(matmulF32({ data: a }, { data: b }, m, n, k), reference(a, b, m, n, k)),
    ).toBeLessThan(tol(k));
  });

  test("1×N and N×1 products and a dot product", () => {
    const a = randomF32(rng, [1, 300]).data as Float32Array;
    const b = randomF32(rng, [300, 9]).data as Float32Array;
    expect(
      maxAbsDiff(matmulF32({ data: a }, { data: b }, 1, 9, 300), reference(a, b, 1, 9, 300)),
    ).toBeLessThan(tol(300));
    const col = randomF32(rng, [300, 1]).data as Float32Array;
    expect(
      maxAbsDiff(matmulF32({ data: a }, { data: col }, 1, 1, 300), reference(a, col, 1, 1, 300)),
    ).toBeLessThan(tol(300));
    const outer = matmulF32({ data: col }, { data: a }, 300, 300, 1);
    expect(maxAbsDiff(outer, reference(col, a, 300, 300, 1))).toBeLessThan(1e-7);
  });

  test("k = 0 gives zeros; m = 0 or n = 0 gives an empty result", () => {
    const c = matmulF32({ data: new Float32Array(0) }, { data: new Float32Array(0) }, 3, 5, 0);
    expect([...c]).toEqual(new Array(15).fill(0));
    expect(
      matmulF32({ data: new Float32Array(0) }, { data: new Float32Array(12) }, 0, 3, 4).length,
    ).toBe(0);
    expect(
      matmulF32({ data: new Float32Array(12) }, { data: new Float32Array(0) }, 3, 0, 4).length,
    ).toBe(0);
  });

  test("transposed and offset operands, output at an offset", () => {
    const [m, n, k] = [6, 7, 5];
    const a = randomF32(rng, [m, k]).data as Float32Array;
    const b = randomF32(rng, [k, n]).data as Float32Array;
    const aT = new Float32Array(3 + k * m); // Aᵀ stored [k, m] after 3 junk values
    const bT = new Float32Array(2 + n * k); // Bᵀ stored [n, k] after 2 junk values
    aT.fill(99, 0, 3);
    bT.fill(99, 0, 2);
    for (let i = 0; i < m; i++) for (let q = 0; q < k; q++) aT[3 + q * m + i] = a[i * k + q]!;
    for (let q = 0; q < k; q++) for (let j = 0; j < n; j++) bT[2 + j * k + q] = b[q * n + j]!;
    const c = new Float32Array(4 + m * n).fill(-5);
    matmulF32(
      { data: aT, offset: 3, transposed: true },
      { data: bT, offset: 2, transposed: true },
      m,
      n,
      k,
      c,
      4,
    );
    expect([...c.subarray(0, 4)]).toEqual([-5, -5, -5, -5]);
    expect(maxAbsDiff(c.subarray(4), reference(a, b, m, n, k))).toBeLessThan(tol(k));
  });

  test("a packed right operand is reusable", () => {
    const b = randomF32(rng, [9, 10]).data as Float32Array;
    const pb = packB({ data: b }, 9, 10);
    for (const m of [1, 5, 70]) {
      const a = randomF32(rng, [m, 9]).data as Float32Array;
      const c = new Float32Array(m * 10);
      matmulPacked(packA({ data: a }, m, 9), pb, c);
      expect(maxAbsDiff(c, reference(a, b, m, 10, 9))).toBeLessThan(tol(9));
    }
  });

  test("accumulates in float64: no float32 drift over a long k", () => {
    // 1 + 2^-24 + … cannot be summed exactly in float32; in float64 it is exact here.
    const k = 4097;
    const a = new Float32Array(k).fill(1);
    const b = new Float32Array(k).fill(2 ** -24);
    b[0] = 1;
    const c = matmulF32({ data: a }, { data: b }, 1, 1, k);
    expect(c[0]).toBe(Math.fround(1 + 4096 * 2 ** -24));
  });
});

describe("MatMul kernel", () => {
  const rng = new Rng(2);
  const cases: [number[], number[]][] = [
    [
      [3, 4],
      [4, 5],
    ],
    [
      [2, 3, 4],
      [4, 5],
    ], // one weight matrix for every batch (folded into rows)
    [
      [2, 1, 3, 4],
      [1, 5, 4, 2],
    ], // both batch dims broadcast
    [
      [5, 3, 4],
      [5, 4, 2],
    ],
    [
      [1, 3, 4],
      [6, 4, 2],
    ], // left operand broadcast over the batch
    [
      [2, 3, 4],
      [1, 1, 4, 7],
    ], // right batch of ones, higher rank
  ];
  test.each(cases)("[%s] × [%s]", (ad, bd) => {
    const a = randomF32(rng, ad);
    const b = randomF32(rng, bd);
    const [y] = run("MatMul", [a, b]);
    const ref = referenceBatched(a, b);
    expect(y!.dims).toEqual(ref.dims);
    expect(maxAbsDiff(y!.data, ref.data)).toBeLessThan(tol(ad[ad.length - 1]!));
  });

  test("1-D operands are promoted and the added dim dropped", () => {
    const v = f32([3], [1, 2, 3]);
    const m = f32([3, 2], [1, 2, 3, 4, 5, 6]);
    expect(run("MatMul", [v, m])[0]).toMatchObject({ dims: [2], data: Float32Array.of(22, 28) });
    const m2 = f32([2, 3], [1, 2, 3, 4, 5, 6]);
    expect(run("MatMul", [m2, v])[0]).toMatchObject({ dims: [2], data: Float32Array.of(14, 32) });
    expect(run("MatMul", [v, v])[0]).toMatchObject({ dims: [], data: Float32Array.of(14) });
    const batched = randomF32(rng, [4, 3, 2]);
    const [y] = run("MatMul", [v, batched]);
    expect(y!.dims).toEqual([4, 2]);
  });

  test("int32 and int64 matmuls", () => {
    const a = t("int32", [2, 2], [1, 2, 3, 4]);
    const b = t("int32", [2, 2], [5, 6, 7, 8]);
    expect(run("MatMul", [a, b])[0]).toMatchObject({
      dtype: "int32",
      data: Int32Array.of(19, 22, 43, 50),
    });
    const c = t("int64", [1, 2], [2 ** 40, 1]);
    const d = t("int64", [2, 1], [3, 5]);
    expect([...run("MatMul", [c, d])[0]!.data]).toEqual([3 * 2 ** 40 + 5]);
  });

  test("mismatched inner dims throw", () => {
    expect(() =>
      run("MatMul", [f32([2, 3], new Array(6).fill(0)), f32([4, 2], new Array(8).fill(0))]),
    ).toThrow(/inner dims/);
  });
});

describe("Gemm kernel", () => {
  const rng = new Rng(3);
  test.each([
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ])("transA = %s, transB = %s, with alpha, beta and a broadcast C", (ta, tb) => {
    const [m, n, k] = [5, 6, 7];
    const a = randomF32(rng, ta ? [k, m] : [m, k]);
    const b = randomF32(rng, tb ? [n, k] : [k, n]);
    const c = randomF32(rng, [1, n]);
    const [y] = run("Gemm", [a, b, c], {
      alpha: 0.5,
      beta: 2,
      transA: ta ? 1 : 0,
      transB: tb ? 1 : 0,
    });
    const get = (x: Tensor, r: number, col: number, trans: boolean): number =>
      x.data[trans ? col * x.dims[1]! + r : r * x.dims[1]! + col]!;
    const expected = new Float64Array(m * n);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let q = 0; q < k; q++) s += get(a, i, q, ta) * get(b, q, j, tb);
        expected[i * n + j] = 0.5 * s + 2 * c.data[j]!;
      }
    }
    expect(y!.dims).toEqual([m, n]);
    expect(maxAbsDiff(y!.data, expected)).toBeLessThan(tol(k));
  });
});
