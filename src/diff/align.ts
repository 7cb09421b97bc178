/**
 * Sequence alignment with the smallest edit cost (Needleman–Wunsch in its plainest
 * form), used to pair the numbered layers of two encoders or decoders.
 *
 * Why not match by path alone: inserting a layer in the middle of a stack renumbers
 * every layer after it, and a path match would report each of them as changed. Why
 * not a plain LCS on equal layers: when every layer changed a little (base vs big),
 * nothing is equal and an LCS would report all layers removed and re-added. A cost
 * that makes a changed layer cheaper than a removal plus an addition covers both.
 *
 * Ties prefer pairing items in order, so that extra identical layers count as appended
 * at the end (a stack of 6 vs 7 adds `layer6`), as a reader expects.
 */

export type Step =
  | { kind: "match"; a: number; b: number }
  | { kind: "delete"; a: number }
  | { kind: "insert"; b: number };

/**
 * `cost(x, y)` is the cost of pairing x with y: 0 for equal items, and below
 * `2 * gap` for items worth reporting as one changed item rather than a removal and an
 * addition. Costs should be integers so that ties are exact.
 */
export function align<T>(
  a: readonly T[],
  b: readonly T[],
  cost: (x: T, y: T) => number,
  gap: number,
): Step[] {
  const n = a.length;
  const m = b.length;
  // best[i][j]: the cost of aligning a[i..] with b[j..].
  const best: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  const pair: number[][] = Array.from({ length: n }, () => new Array<number>(m).fill(0));
  for (let i = n; i >= 0; i--) {
    for (let j = m; j >= 0; j--) {
      if (i === n) best[i]![j] = (m - j) * gap;
      else if (j === m) best[i]![j] = (n - i) * gap;
      else {
        const c = cost(a[i]!, b[j]!);
        pair[i]![j] = c;
        best[i]![j] = Math.min(
          c + best[i + 1]![j + 1]!,
          gap + best[i + 1]![j]!,
          gap + best[i]![j + 1]!,
        );
      }
    }
  }
  const steps: Step[] = [];
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    const here = best[i]![j]!;
    if (i < n && j < m && pair[i]![j]! + best[i + 1]![j + 1]! === here) {
      steps.push({ kind: "match", a: i++, b: j++ });
    } else if (i < n && gap + best[i + 1]![j]! === here) {
      steps.push({ kind: "delete", a: i++ });
    } else {
      steps.push({ kind: "insert", b: j++ });
    }
  }
  return steps;
}
