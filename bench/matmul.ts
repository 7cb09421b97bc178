/**
 * Float32 matmul throughput: the naive triple loop, the "four rows per pass" loop, and
 * the interpreter's packed kernel (packing included), on square n×n×n products.
 *
 *   npx tsx bench/matmul.ts            # n = 256, 512, 1024
 *   npx tsx bench/matmul.ts 384 768    # other sizes
 *
 * Each figure is the median of several timed runs after one warm-up run; GFLOP/s
 * counts 2·n³ floating-point operations per product.
 */
import { matmulF32 } from "../src/reference/matmul.js";
import { Rng } from "../src/reference/random.js";

type MatmulFn = (a: Float32Array, b: Float32Array, c: Float32Array, n: number) => void;

/** i-j-k with a dot product per output: the textbook loop. */
const naive: MatmulFn = (a, b, c, n) => {
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += a[i * n + k]! * b[k * n + j]!;
      c[i * n + j] = s;
    }
  }
};

/** Four output rows per pass over contiguous columns of B (the usual first improvement). */
const fourRows: MatmulFn = (a, b, c, n) => {
  c.fill(0);
  for (let i = 0; i < n; i += 4) {
    const rows = Math.min(4, n - i);
    for (let k = 0; k < n; k++) {
      const a0 = a[i * n + k]!;
      const a1 = rows > 1 ? a[(i + 1) * n + k]! : 0;
      const a2 = rows > 2 ? a[(i + 2) * n + k]! : 0;
      const a3 = rows > 3 ? a[(i + 3) * n + k]! : 0;
      const o = k * n;
      for (let j = 0; j < n; j++) {
        const bv = b[o + j]!;
        const at = i * n + j;
        c[at] = c[at]! + a0 * bv;
        if (rows > 1) c[at + n] = c[at + n]! + a1 * bv;
        if (rows > 2) c[at + 2 * n] = c[at + 2 * n]! + a2 * bv;
        if (rows > 3) c[at + 3 * n] = c[at + 3 * n]! + a3 * bv;
      }
    }
  }
};

const kernel: MatmulFn = (a, b, c, n) => {
  matmulF32({ data: a }, { data: b }, n, n, n, c);
};

function median(xs: number[]): number {
  const s = [...xs].sort((x, y) => x - y);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * GFLOP/s by wall-clock time and by this process's CPU time (user + system). On a
 * shared machine the wall figure drops with other load while the CPU figure mostly
 * does not; on an idle machine the two agree.
 */
function gflops(fn: MatmulFn, n: number, runs: number): { wall: number; cpu: number } {
  const rng = new Rng(n);
  const a = Float32Array.from({ length: n * n }, () => rng.uniform(-1, 1));
  const b = Float32Array.from({ length: n * n }, () => rng.uniform(-1, 1));
  const c = new Float32Array(n * n);
  fn(a, b, c, n); // warm-up: lets V8 optimise before timing
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    fn(a, b, c, n);
    wall.push(performance.now() - t0);
    const used = process.cpuUsage(c0);
    cpu.push((used.user + used.system) / 1000);
  }
  const flop = 2 * n ** 3;
  return { wall: flop / (median(wall) * 1e6), cpu: flop / (median(cpu) * 1e6) };
}

const sizes = process.argv.slice(2).map(Number);
const ns = sizes.length > 0 ? sizes : [256, 512, 1024];
const variants: [string, MatmulFn][] = [
  ["naive i-j-k", naive],
  ["four rows per pass", fourRows],
  ["interp kernel (packed 4×4)", kernel],
];
console.log(
  `node ${process.version}; GFLOP/s as wall / cpu time, median of timed runs after a warm-up`,
);
console.log(["n", ...variants.map(([name]) => name)].join(" | "));
for (const n of ns) {
  const runs = n >= 1024 ? 3 : 7;
  const row = variants.map(([, fn]) => {
    const g = gflops(fn, n, runs);
    return `${g.wall.toFixed(2)} / ${g.cpu.toFixed(2)}`;
  });
  console.log([String(n), ...row].join(" | "));
}
