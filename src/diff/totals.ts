/**
 * Parameter and compute deltas, per section and in total, taken from the two summaries
 * (cli/summary-data.ts) rather than recounted, so that `diff` and `summary` cannot
 * disagree: every figure here is `summary(after) − summary(before)`.
 */
import { COUNTED, type SectionCost, type SummaryData } from "../summary/index.js";
import { compareSections } from "../ir/index.js";
import { delta, deltasByKey } from "./delta.js";
import type { ComputeDiff, ParamsDiff, TokenFigures, TokenFiguresBySection } from "./types.js";

export function paramsDiff(a: SummaryData, b: SummaryData): ParamsDiff {
  return {
    total: delta(a.params.trainable, b.params.trainable),
    buffers: delta(a.params.buffers, b.params.buffers),
    weightBytes: delta(a.params.weightBytes, b.params.weightBytes),
    bySection: deltasByKey(
      new Map(a.params.bySection),
      new Map(b.params.bySection),
      compareSections,
    ),
  };
}

type Figure = keyof TokenFigures;

export function computeDiff(a: SummaryData, b: SummaryData): ComputeDiff {
  return {
    batch: 1,
    referenceLength: b.tokens.length,
    counted: COUNTED,
    macs: figures(a, b, 1),
    flops: figures(a, b, 2),
  };
}

/** The three token figures, each from its (before, after) pair. */
function tokenFigures(pairOf: (f: Figure) => [number, number]): TokenFigures {
  const d = (f: Figure) => delta(...pairOf(f));
  return {
    perSourceToken: d("perSourceToken"),
    perTargetToken: d("perTargetToken"),
    perGeneratedToken: d("perGeneratedToken"),
  };
}

/** Token figures scaled by `k` (1 for MACs, 2 for FLOPs), in total and by section. */
function figures(a: SummaryData, b: SummaryData, k: number): TokenFiguresBySection {
  const sa = new Map(a.sections.map((s) => [s.section, s]));
  const sb = new Map(b.sections.map((s) => [s.section, s]));
  const names = [...new Set([...sa.keys(), ...sb.keys()])].sort(compareSections);
  const of = (s: SectionCost | undefined, f: Figure) => k * (s?.[f] ?? 0);
  return {
    ...tokenFigures((f) => [k * a.tokens[f], k * b.tokens[f]]),
    perSequencePair: delta(k * a.tokens.perSequencePair, k * b.tokens.perSequencePair),
    bySection: Object.fromEntries(
      names.map((n) => [n, tokenFigures((f) => [of(sa.get(n), f), of(sb.get(n), f)])]),
    ),
  };
}
