/**
 * Evaluation per input-length bucket: exact-match accuracy of greedy decoding (and the
 * teacher-forced token accuracy) on held-out pairs whose source length falls in each
 * bucket. The per-pair work is src/runtime/evaluate.ts's, run once per bucket (imported
 * on first use, so importing the experiment modules does not start tfjs).
 *
 * Held-out pairs: for copy/reverse/sort, the fixed test set (its own seed, never the
 * training stream's) of the same task with the bucket's lengths, so a bucket may lie
 * beyond the training lengths; for dates, the test days (never trained on) whose
 * written form has a length in the bucket.
 */
import type { Dataset, Example } from "../../data/index.js";
import { makeTask, type TaskName, type TaskOptions } from "../../data/index.js";
import type { TfjsModel } from "../../runtime/index.js";
import type { Range } from "./load.js";

export interface BucketResult {
  lo: number;
  hi: number;
  /** Pairs evaluated (dates: as many test dates as have such lengths, up to the limit). */
  pairs: number;
  /** Exact-match accuracy of greedy decoding; null for a bucket without pairs. */
  sequenceAccuracy: number | null;
  tokenAccuracy: number | null;
  /** Whether the bucket lies (partly) beyond the training lengths. */
  beyondTraining: boolean;
}

// Building the dates task walks two centuries of days; one copy serves every bucket.
let datesTest: Example[] | undefined;

/** The held-out pairs of one bucket, at most `limit`. */
export function bucketPairs(
  task: TaskName,
  options: TaskOptions,
  r: Range,
  limit: number,
): Example[] {
  if (task === "dates")
    return (datesTest ??= makeTask("dates").test)
      .filter((e) => e.src.length >= r.lo && e.src.length <= r.hi)
      .slice(0, limit);
  return makeTask(task, { ...options, minLength: r.lo, maxLength: r.hi }).test.slice(0, limit);
}

export async function evaluateBuckets(
  model: TfjsModel,
  data: Pick<Dataset, "srcVocab" | "tgtVocab" | "tokenizer">,
  task: TaskName,
  options: TaskOptions,
  buckets: readonly Range[],
  limit: number,
  trainMax: number | undefined,
): Promise<BucketResult[]> {
  const { evaluate } = await import("../../runtime/index.js");
  const out: BucketResult[] = [];
  for (const r of buckets) {
    const pairs = bucketPairs(task, options, r, limit);
    const beyondTraining = trainMax !== undefined && r.hi > trainMax;
    if (pairs.length === 0) {
      out.push({ ...r, pairs: 0, sequenceAccuracy: null, tokenAccuracy: null, beyondTraining });
      continue;
    }
    const e = await evaluate(model, data, pairs, { examples: 0 });
    out.push({
      ...r,
      pairs: pairs.length,
      sequenceAccuracy: e.sequenceAccuracy,
      tokenAccuracy: e.tokenAccuracy,
      beyondTraining,
    });
  }
  return out;
}
