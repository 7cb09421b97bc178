/** Numbers on two sides, and the small helpers every part of the diff uses to compare them. */
import type { Delta } from "./types.js";

export function delta(before: number, after: number): Delta {
  const d = after - before;
  return { before, after, delta: d, relative: before === 0 ? (d === 0 ? 0 : null) : d / before };
}

export function isZero(d: Delta): boolean {
  return d.delta === 0;
}

/** Deltas for every key of either record (0 where a side lacks it), in `order`. */
export function deltasByKey(
  before: ReadonlyMap<string, number>,
  after: ReadonlyMap<string, number>,
  order: (a: string, b: string) => number = (a, b) => (a < b ? -1 : a > b ? 1 : 0),
): Record<string, Delta> {
  const keys = [...new Set([...before.keys(), ...after.keys()])].sort(order);
  return Object.fromEntries(keys.map((k) => [k, delta(before.get(k) ?? 0, after.get(k) ?? 0)]));
}

export function shapesEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
