/** Timing statistics of a sample set (ms), with tinybench's median absolute deviation. */
import { medianAbsoluteDeviation, type SortedSamples } from "tinybench";
import type { Stats } from "./types.js";

export function statsOf(samples: readonly number[]): Stats {
  if (samples.length === 0) throw new Error("no samples");
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    runs: sorted.length,
    median: medianOfSorted(sorted),
    min: sorted[0]!,
    max: sorted.at(-1)!,
    mad: medianAbsoluteDeviation(sorted as unknown as SortedSamples),
  };
}

export function median(xs: readonly number[]): number {
  return medianOfSorted([...xs].sort((a, b) => a - b));
}

function medianOfSorted(s: readonly number[]): number {
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}
