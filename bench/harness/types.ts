/**
 * The shape every benchmark group shares (see bench/README.md once written): a group is a
 * module in bench/groups/ exporting `group: BenchGroup`; `npm run bench` runs the groups in
 * order (or `--only NAME`), collects their results into bench/results.json (validated by
 * bench/results.schema.json) and regenerates BENCHMARKS.md from that file alone.
 */

/** Timing statistics of one measured task, in milliseconds. */
export interface Stats {
  /** Number of measured runs (after warm-up). */
  runs: number;
  median: number;
  min: number;
  max: number;
  /** Median absolute deviation, ms. */
  mad: number;
}

/** One measured row: a task, its timing, and derived numbers (GFLOP/s, tokens/s, ...). */
export interface Measurement {
  /** What was measured, unique within the group, e.g. "transformer_tiny/wasm/O2/b16/L64/forward". */
  id: string;
  /** Free-form labels used to lay out tables (model, backend, level, batch, length, ...). */
  labels: Record<string, string | number>;
  stats?: Stats;
  /** Derived values with units in the key name, e.g. { gflops: 12.3, tokensPerSecond: 4000 }. */
  values: Record<string, number>;
  /** Set when this row was not measured (over the time budget, ...): why, in words. */
  skipped?: string;
}

/** A ratio measured side by side in the same run (the only kind of comparison we report). */
export interface Ratio {
  id: string;
  /** What is divided by what, in words: "-O0 time / -O2 time". */
  description: string;
  value: number;
  /** A target from the issue, if any, and whether it was met. */
  target?: { op: ">=" | "<="; value: number; met: boolean };
}

export interface GroupResult {
  name: string;
  title: string;
  /** Wall time the group took, seconds. */
  seconds: number;
  measurements: Measurement[];
  ratios: Ratio[];
  /** Plain-language findings the report prints under the group's tables (why slower, ...). */
  notes: string[];
  /** Set when the group could not run (missing optional dependency, ...). */
  skipped?: string;
  /** When the group ran, ISO 8601 UTC (set by the harness; groups kept from an earlier run keep theirs). */
  date?: string;
}

export interface BenchContext {
  /** Quick mode for tests: smallest sizes, one or two runs. */
  quick: boolean;
  /** Extra slow parts enabled (e.g. time-to-99% training), from `--slow`. */
  slow: boolean;
  /** Progress lines for the person running the bench (stderr). */
  log(line: string): void;
  /**
   * Results of the groups that ran before this one in the same run, by name (e.g. the
   * roofline's rates for the forward group's fractions). Absent when run alone.
   */
  earlier?: ReadonlyMap<string, GroupResult>;
}

export interface BenchGroup {
  /** Short name for `--only`: "frontend", "roofline", "forward", "peers", "training", "decoding". */
  name: string;
  title: string;
  run(ctx: BenchContext): Promise<Omit<GroupResult, "name" | "title" | "seconds">>;
}

/**
 * The rows of a pair that was not measured, one per variant (`-O0`/`-O2`, with/without
 * cache), each saying why: the report shows them as skipped rather than leaving a gap.
 */
export function skippedRows(
  id: string,
  labels: Record<string, string | number>,
  key: string,
  variants: readonly string[],
  why: string,
): Measurement[] {
  return variants.map((v) => ({
    id: `${id}/${v}`,
    labels: { ...labels, [key]: v },
    values: {},
    skipped: why,
  }));
}
