/**
 * Timing with tinybench, under a time budget.
 *
 * Every task is called once untimed first (the warm-up: JIT, tfjs kernel setup, first
 * allocations); that call's duration decides how many measured runs fit the row's
 * budget (between `minRuns` and `maxRuns`), and a task whose warm-up exceeds `capMs` is
 * not measured at all (the row says so). This keeps `npm run bench` within its 15
 * minutes on a slow or busy machine without hand-tuning run counts per row.
 *
 * Comparisons are measured side by side: `measurePair` alternates the two tasks run by
 * run (A B, then B A, ...) so that drift from other processes hits both alike, and its
 * ratio is the median of the per-round ratios, not a ratio of medians taken at
 * different moments.
 */
import { performance } from "node:perf_hooks";
import { Bench } from "tinybench";
import { median, statsOf } from "./stats.js";
import type { Stats } from "./types.js";

/**
 * What is timed: a function, or a function with an untimed `before` (run before each
 * call, e.g. switching the active tfjs backend when two backends alternate).
 */
export type Task = (() => unknown) | { run: () => unknown; before: () => unknown };

function parts(t: Task): { run: () => unknown; before?: () => unknown } {
  return typeof t === "function" ? { run: t } : t;
}

/**
 * What a run's time is: wall-clock time, or the CPU time (user + system) of this
 * process — steadier on a shared machine for synchronous, single-threaded work such as
 * the front end, since time other processes hold the cores is not counted.
 */
export type Clock = "wall" | "cpu";

export function cpuNow(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function clockOf(c: Clock | undefined): () => number {
  return c === "cpu" ? cpuNow : () => performance.now();
}

export interface Budget {
  /** Default wall. */
  clock?: Clock;
  minRuns: number;
  maxRuns: number;
  /** Time the measured runs of the row may take together, ms. */
  budgetMs: number;
  /** A warm-up longer than this skips the row, ms. */
  capMs?: number;
}

export type Single = { stats: Stats; warmupMs: number } | { skipped: string };
export type Paired =
  | { a: Stats; b: Stats; ratio: number; ratioRange: [number, number]; warmupMs: number }
  | { skipped: string; warmupMs?: [number, number] };

/** One untimed-by-tinybench call of `t` (its `before` excluded), ms: a warm-up. */
export async function timeOnce(t: Task, clock?: Clock): Promise<number> {
  const { run, before } = parts(t);
  const now = clockOf(clock);
  await before?.();
  const t0 = now();
  await run();
  return now() - t0;
}

function add(bench: Bench, name: string, t: Task): void {
  const { run, before } = parts(t);
  // `async` stated, because tinybench would otherwise call the task once more to find out.
  bench.add(name, async () => void (await run()), {
    async: true,
    ...(before === undefined ? {} : { beforeEach: before as () => void }),
  });
}

function runsFor(b: Budget, perRunMs: number): number {
  const fit = Math.floor(b.budgetMs / Math.max(perRunMs, 1e-3));
  return Math.max(b.minRuns, Math.min(b.maxRuns, fit));
}

function overCap(b: Budget, ms: number): string | undefined {
  return b.capMs !== undefined && ms > b.capMs
    ? `one run takes ${(ms / 1000).toFixed(1)} s, over this row's ${(b.capMs / 1000).toFixed(1)} s cap`
    : undefined;
}

/** One tinybench pass: each task once, in the given order, no warm-up; their latencies. */
async function round(tasks: readonly Task[], clock?: Clock): Promise<number[]> {
  const bench = new Bench({
    now: clockOf(clock),
    iterations: 1,
    time: 0,
    warmup: false,
    retainSamples: true,
    throws: true,
  });
  tasks.forEach((t, i) => add(bench, String(i), t));
  await bench.run();
  return bench.tasks.map((t) => {
    const r = t.result;
    if (r.state !== "completed") throw new Error(`benchmark task ended as ${r.state}`);
    return r.latency.samples?.[0] ?? r.latency.p50;
  });
}

/**
 * Median, min, max and MAD of `f` over as many runs as the budget allows. `warmedMs`:
 * the caller already ran `f` once (untimed by us) and it took that long.
 */
export async function measure(f: Task, budget: Budget, warmedMs?: number): Promise<Single> {
  const warmupMs = warmedMs ?? (await timeOnce(f, budget.clock));
  const skip = overCap(budget, warmupMs);
  if (skip !== undefined) return { skipped: skip };
  const runs = runsFor(budget, warmupMs);
  const bench = new Bench({
    now: clockOf(budget.clock),
    iterations: runs,
    time: 0,
    warmup: false,
    retainSamples: true,
    throws: true,
  });
  add(bench, "task", f);
  await bench.run();
  const r = bench.tasks[0]!.result;
  if (r.state !== "completed") throw new Error(`benchmark task ended as ${r.state}`);
  return { stats: statsOf(r.latency.samples ?? [r.latency.p50]), warmupMs };
}

/**
 * `a` and `b` alternately; `ratio` is the median over rounds of time(a) / time(b)
 * (above 1: b is faster), `ratioRange` its min and max.
 */
export async function measurePair(
  a: Task,
  b: Task,
  budget: Budget,
  warmedMs?: [number, number],
): Promise<Paired> {
  const wa = warmedMs?.[0] ?? (await timeOnce(a, budget.clock));
  const wb = warmedMs?.[1] ?? (await timeOnce(b, budget.clock));
  const skip = overCap(budget, wa + wb);
  if (skip !== undefined) return { skipped: skip, warmupMs: [wa, wb] };
  const runs = runsFor(budget, wa + wb);
  const xa: number[] = [];
  const xb: number[] = [];
  for (let r = 0; r < runs; r++) {
    if (r % 2 === 0) {
      const [ta, tb] = await round([a, b], budget.clock);
      xa.push(ta!);
      xb.push(tb!);
    } else {
      const [tb, ta] = await round([b, a], budget.clock);
      xa.push(ta!);
      xb.push(tb!);
    }
  }
  const ratios = xa.map((t, i) => t / xb[i]!);
  return {
    a: statsOf(xa),
    b: statsOf(xb),
    ratio: median(ratios),
    ratioRange: [Math.min(...ratios), Math.max(...ratios)],
    warmupMs: wa + wb,
  };
}
