/** Timing helpers for the benchmarks: medians over runs after a warm-up. */
import { performance } from "node:perf_hooks";

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function time(f: () => void, runs: number): number[] {
  f(); // warm-up: builds the parser and lets the JIT settle
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return out;
}

/**
 * CPU time (user + system, ms) of each run after a warm-up. On a shared machine this
 * moves much less than wall-clock time when other processes compete for the cores.
 */
export function cpuTime(f: () => void, runs: number): number[] {
  f();
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = process.cpuUsage();
    f();
    const d = process.cpuUsage(t0);
    out.push((d.user + d.system) / 1000);
  }
  return out;
}
