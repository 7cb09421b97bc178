/**
 * Group 2: the matmul roofline of this machine as each backend sees it — square n×n×n
 * float32 products through tfjs-wasm's and tfjs-cpu's `tf.matMul` (result read back)
 * and through the interpreter's MatMul kernel (packing included). GFLOP/s = 2n³ / time.
 * These rates are the denominators of the forward group's "fraction of the roofline".
 */
import * as tf from "@tensorflow/tfjs";
import { MatMul } from "../../src/reference/kernels/matmul.js";
import { Rng } from "../../src/reference/random.js";
import { makeTensor } from "../../src/reference/tensor.js";
import { useTfBackend } from "../../src/runtime/index.js";
import { measure, measurePair, type Budget, type Task } from "../harness/measure.js";
import { BACKEND_LABEL, BACKENDS, type Backend } from "../harness/models.js";
import type {
  BenchContext,
  BenchGroup,
  GroupResult,
  Measurement,
  Ratio,
} from "../harness/types.js";

function operands(n: number): [Float32Array, Float32Array] {
  const rng = new Rng(n);
  const draw = () => Float32Array.from({ length: n * n }, () => rng.uniform(-1, 1));
  return [draw(), draw()];
}

/** A timed n×n×n product on `backend`, and what to release afterwards. */
async function product(
  backend: (typeof BACKENDS)[number],
  n: number,
): Promise<{ task: Task; dispose(): void }> {
  const [a, b] = operands(n);
  if (backend === "interp") {
    const ta = makeTensor("float32", [n, n], a);
    const tb = makeTensor("float32", [n, n], b);
    const ctx = { rng: new Rng(0), outputs: 1 };
    return { task: () => void MatMul([ta, tb], {}, ctx), dispose: () => {} };
  }
  await useTfBackend(backend);
  const ta = tf.tensor2d(a, [n, n]);
  const tb = tf.tensor2d(b, [n, n]);
  return {
    task: {
      before: () => useTfBackend(backend),
      run: async () => {
        const c = tf.matMul(ta, tb);
        await c.data();
        c.dispose();
      },
    },
    dispose: () => {
      ta.dispose();
      tb.dispose();
    },
  };
}

const gflops = (n: number, ms: number) => (2 * n ** 3) / (ms * 1e6);

/** The best rate per backend over the sizes measured: the roofline the forward group divides by. */
export function peakRates(r: Pick<GroupResult, "measurements">): Partial<Record<Backend, number>> {
  const out: Partial<Record<Backend, number>> = {};
  for (const m of r.measurements) {
    const b = m.id.split("/")[0] as Backend;
    const g = m.values["gflops"];
    if (g !== undefined && (out[b] === undefined || g > out[b]!)) out[b] = g;
  }
  return out;
}

/** Measures the roofline rates (also used by the forward group when run alone). */
export async function measureRoofline(
  ctx: BenchContext,
  sizes: readonly number[],
): Promise<Measurement[]> {
  const out: Measurement[] = [];
  for (const n of sizes) {
    for (const backend of BACKENDS) {
      // tfjs-cpu and the interpreter take seconds per 1024³ product: few runs there.
      const budget: Budget = ctx.quick
        ? { minRuns: 2, maxRuns: 3, budgetMs: 200 }
        : { minRuns: 3, maxRuns: 15, budgetMs: 2500, capMs: 15_000 };
      const p = await product(backend, n);
      const r = await measure(p.task, budget);
      p.dispose();
      const row: Measurement = {
        id: `${backend}/n${n}`,
        labels: { backend: BACKEND_LABEL[backend], n },
        values: {},
      };
      if ("skipped" in r) row.skipped = r.skipped;
      else {
        row.stats = r.stats;
        row.values["gflops"] = gflops(n, r.stats.median);
      }
      ctx.log(`roofline ${row.id}: ${row.values["gflops"]?.toFixed(2) ?? row.skipped} GFLOP/s`);
      out.push(row);
    }
  }
  return out;
}

export const group: BenchGroup = {
  name: "roofline",
  title: "Matmul roofline (GFLOP/s of an n×n×n product)",
  async run(ctx) {
    const sizes = ctx.quick ? [64, 128] : [256, 512, 1024];
    const measurements = await measureRoofline(ctx, sizes);
    // Backend against backend, side by side at the middle size.
    const n = sizes[Math.floor(sizes.length / 2)]!;
    const ratios: Ratio[] = [];
    const budget: Budget = ctx.quick
      ? { minRuns: 2, maxRuns: 2, budgetMs: 100 }
      : { minRuns: 3, maxRuns: 9, budgetMs: 4000 };
    for (const [x, y] of [
      ["wasm", "cpu"],
      ["wasm", "interp"],
      ["interp", "cpu"],
    ] as const) {
      const [px, py] = [await product(x, n), await product(y, n)];
      const r = await measurePair(py.task, px.task, budget);
      px.dispose();
      py.dispose();
      if ("skipped" in r) continue;
      ratios.push({
        id: `${x}-vs-${y}/n${n}`,
        description: `${BACKEND_LABEL[y]} time / ${BACKEND_LABEL[x]} time, ${n}³ matmul`,
        value: r.ratio,
      });
    }
    const peaks = peakRates({ measurements });
    const notes = [
      `Peak rates (the denominators of the forward group): ${BACKENDS.map(
        (b) => `${BACKEND_LABEL[b]} ${peaks[b]?.toFixed(2) ?? "n/a"} GFLOP/s`,
      ).join(", ")}.`,
    ];
    if (peaks.wasm !== undefined && peaks.cpu !== undefined)
      notes.push(
        `tfjs-cpu runs matmul ${(peaks.wasm / peaks.cpu).toFixed(0)}× slower than tfjs-wasm: it is plain JavaScript without SIMD or blocking, so training or serving on tfjs-cpu is only sensible for tiny models.`,
      );
    if (peaks.wasm !== undefined && peaks.interp !== undefined)
      notes.push(
        `The interpreter's packed kernel reaches ${((100 * peaks.interp) / peaks.wasm).toFixed(0)}% of tfjs-wasm (XNNPACK with SIMD): it is scalar JavaScript, meant to be the reference, not the fast path.`,
      );
    return { measurements, ratios, notes };
  },
};
