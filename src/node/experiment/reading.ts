/**
 * The reading of a result: sentences generated from the run's numbers, so the report's
 * verdict can never disagree with its tables. Two kinds (the file's `reading`):
 *
 * - `longest-bucket`: does every other model beat the baseline by at least `margin` at
 *   the longest lengths trained on (Bahdanau et al. 2015, Fig. 2)? Also how each model
 *   falls from its shortest to its longest bucket, and what happens beyond training.
 * - `compare`: within each group, the spread of final accuracy and of steps to the
 *   threshold, next to the sampling noise of the evaluation.
 */
import type { ExperimentResult } from "./result.js";
import type { ModelResult } from "./run.js";

export const pct = (x: number | null | undefined): string =>
  x === null || x === undefined ? "–" : `${(100 * x).toFixed(1)}%`;

const bucketName = (b: { lo: number; hi: number }) =>
  b.lo === b.hi ? `${b.lo}` : `${b.lo}–${b.hi}`;

const finalAcc = (m: ModelResult) => m.curve.at(-1)?.sequenceAccuracy ?? 0;

const list = (xs: string[]) =>
  xs.length <= 1 ? xs.join("") : `${xs.slice(0, -1).join(", ")} and ${xs.at(-1)}`;

/** 95% half-width of a proportion measured on n pairs, at its least favourable p = 0.5. */
export function noise(n: number): number {
  return 1.96 * Math.sqrt(0.25 / Math.max(n, 1));
}

function longestBucket(r: ExperimentResult, baseline: string, margin: number): string[] {
  const base = r.models.find((m) => m.label === baseline)!;
  const others = r.models.filter((m) => m !== base);
  const trained = base.buckets
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => !b.beyondTraining && b.sequenceAccuracy !== null);
  if (trained.length === 0)
    return ["No bucket lies within the training lengths, so there is nothing to read."];
  const { b: last, i: li } = trained.at(-1)!;
  const first = trained[0]!;
  const acc = (m: ModelResult, i: number) => m.buckets[i]!.sequenceAccuracy ?? 0;
  const out: string[] = [];
  out.push(
    `At the longest trained lengths (${bucketName(last)}), \`${baseline}\` reaches ${pct(acc(base, li))}; ` +
      list(others.map((m) => `\`${m.label}\` ${pct(acc(m, li))}`)) +
      `. From the shortest bucket (${bucketName(first.b)}) to that one, ` +
      list(
        r.models.map((m) => `\`${m.label}\` goes ${pct(acc(m, first.i))} → ${pct(acc(m, li))}`),
      ) +
      ".",
  );
  const behind = others.filter((m) => acc(m, li) < acc(base, li) + margin);
  const n = last.pairs;
  if (behind.length === 0)
    out.push(
      `**Reproduced:** every other model beats \`${baseline}\` by at least ${Math.round(100 * margin)} points at the longest trained lengths ` +
        `(${n} pairs per bucket; sampling noise about ±${(100 * noise(n)).toFixed(0)} points).`,
    );
  else
    out.push(
      `**Not reproduced** as stated: ${list(behind.map((m) => `\`${m.label}\``))} ${behind.length === 1 ? "does" : "do"} not beat \`${baseline}\` by ${Math.round(100 * margin)} points at the longest trained lengths ` +
        `(${n} pairs per bucket; sampling noise about ±${(100 * noise(n)).toFixed(0)} points).` +
        (behind.every((m) => finalAcc(m) < 0.5)
          ? ` ${list(behind.map((m) => `\`${m.label}\``))} also ${behind.length === 1 ? "ends" : "end"} below 50% on validation: ${behind.length === 1 ? "it is" : "they are"} undertrained at this budget rather than limited by length.`
          : ""),
    );
  const beyond = base.buckets
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.beyondTraining && b.sequenceAccuracy !== null);
  if (beyond.length > 0) {
    const { b, i } = beyond.at(-1)!;
    const best = Math.max(...r.models.map((m) => acc(m, i)));
    out.push(
      `Beyond the training lengths (${bucketName(b)}): ` +
        list(r.models.map((m) => `\`${m.label}\` ${pct(acc(m, i))}`)) +
        "." +
        (best < 0.5
          ? " No model copes with lengths it never saw: exact match there asks every model to extrapolate (to emit more tokens than it ever produced in training)."
          : ""),
    );
  }
  return out;
}

const bestAcc = (m: ModelResult) => Math.max(0, ...m.curve.map((p) => p.sequenceAccuracy));

/**
 * The largest fall in validation exact match between two consecutive evaluations in the
 * second half of training, over the models: when it exceeds sampling noise, the last
 * value of a curve says more about where training stopped than about the model.
 */
function lateSwing(
  ms: ModelResult[],
  steps: number,
): { label: string; from: number; to: number; step: number; drop: number } | undefined {
  let worst: ReturnType<typeof lateSwing>;
  for (const m of ms)
    for (let i = 1; i < m.curve.length; i++) {
      const [a, b] = [m.curve[i - 1]!, m.curve[i]!];
      const drop = a.sequenceAccuracy - b.sequenceAccuracy;
      if (a.step > steps / 2 && drop > (worst?.drop ?? 0))
        worst = {
          label: m.label,
          from: a.sequenceAccuracy,
          to: b.sequenceAccuracy,
          step: b.step,
          drop,
        };
    }
  return worst;
}

function compare(r: ExperimentResult, groups: { label: string; models: string[] }[]): string[] {
  return groups.map((g) => {
    const ms = g.models.map((l) => r.models.find((m) => m.label === l)!);
    const sorted = [...ms].sort((a, b) => finalAcc(b) - finalAcc(a));
    const best = sorted[0]!;
    const worst = sorted.at(-1)!;
    const spread = finalAcc(best) - finalAcc(worst);
    const n = r.evalSize;
    const reached = ms
      .filter((m) => m.stepsToThreshold !== null)
      .sort((a, b) => a.stepsToThreshold! - b.stepsToThreshold!);
    const never = ms.filter((m) => m.stepsToThreshold === null);
    const thr = pct(r.threshold);
    const steps =
      reached.length === 0
        ? `no model reached ${thr} within ${r.settings.steps} steps`
        : `${thr} was reached first by \`${reached[0]!.label}\` (step ${reached[0]!.stepsToThreshold})` +
          (reached.length > 1
            ? `, then ${list(reached.slice(1).map((m) => `\`${m.label}\` (${m.stepsToThreshold})`))}`
            : "") +
          (never.length > 0 ? `; never by ${list(never.map((m) => `\`${m.label}\``))}` : "");
    const within = spread <= noise(n);
    const swing = lateSwing(ms, r.settings.steps);
    const unstable = swing !== undefined && swing.drop > noise(n);
    return (
      `**${g.label}:** final validation exact match ranges from ${pct(finalAcc(worst))} (\`${worst.label}\`) to ${pct(finalAcc(best))} (\`${best.label}\`), ` +
      `a spread of ${(100 * spread).toFixed(1)} points; ${steps}. ` +
      (unstable
        ? `The curves are unstable: \`${swing.label}\` fell from ${pct(swing.from)} to ${pct(swing.to)} between two evaluations in the second half of training (step ${swing.step}), more than sampling noise (±${(100 * noise(n)).toFixed(0)} points), so the final values depend on where training stopped; the best values reached were ${list(ms.map((m) => `\`${m.label}\` ${pct(bestAcc(m))}`))}. Read this ranking as inconclusive.`
        : within
          ? `With ${n} validation pairs the spread is within sampling noise (±${(100 * noise(n)).toFixed(0)} points): at this scale the choice makes no measurable difference to final accuracy.`
          : `With ${n} validation pairs (sampling noise about ±${(100 * noise(n)).toFixed(0)} points) the difference is larger than noise, from one seed.`)
    );
  });
}

export function reading(r: ExperimentResult): string[] {
  if (r.reading === undefined) return [];
  return r.reading.kind === "longest-bucket"
    ? longestBucket(r, r.reading.baseline, r.reading.margin ?? 0.2)
    : compare(r, r.reading.groups);
}
