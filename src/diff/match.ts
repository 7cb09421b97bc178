/**
 * Pairs the layers of two models. Encoder and decoder layers are paired by aligning
 * their numbered layers (align.ts), so that a layer inserted into a stack is one added
 * layer and the layers after it are renumbered, not changed; within a paired numbered
 * layer, sublayers pair by name (`self_attention` with `self_attention`). Every other
 * row of the layer table (`embedding`, `source/position`, `bridge/layer0`, `output`)
 * pairs by path.
 */
import { align } from "./align.js";
import type { Side, SideRow } from "./side.js";
import { groupSignature, PARTS, type LayerGroup } from "./structure.js";
import type { Renumbering } from "./types.js";

export interface RowPair {
  before: SideRow | undefined;
  after: SideRow | undefined;
}

export interface Matching {
  /** Every row of either side once, in the after model's order with removed rows in place. */
  pairs: RowPair[];
  renumbered: Renumbering[];
}

// Costs for align(): a changed numbered layer (same sublayers, other settings) costs as
// much as one addition, so it is always preferred to a removal plus an addition; a
// layer whose sublayers differ is still cheaper than both, which keeps numbering
// stable when one kind replaces another (lstm → gru) in place.
const GAP = 2;
const SAME_SUBLAYERS = 2;
const OTHER_SUBLAYERS = 3;

function groupCost(x: LayerGroup, y: LayerGroup): number {
  const sx = groupSignature(x);
  const sy = groupSignature(y);
  if (sx.full === sy.full) return 0;
  return sx.names === sy.names ? SAME_SUBLAYERS : OTHER_SUBLAYERS;
}

export function matchLayers(before: Side, after: Side): Matching {
  const bToA = new Map<string, string>();
  const grouped = new Set<string>();
  const renumbered: Renumbering[] = [];
  const under = (side: Side, g: LayerGroup) =>
    [...side.rows.keys()].filter((p) => p.startsWith(g.path + "/"));

  for (const part of PARTS) {
    const ga = before.structure.groups[part];
    const gb = after.structure.groups[part];
    for (const g of ga) for (const p of under(before, g)) grouped.add(`a:${p}`);
    for (const g of gb) for (const p of under(after, g)) grouped.add(`b:${p}`);
    for (const step of align(ga, gb, groupCost, GAP)) {
      if (step.kind !== "match") continue;
      const x = ga[step.a]!;
      const y = gb[step.b]!;
      if (x.path !== y.path) renumbered.push({ before: x.path, after: y.path });
      const aRows = new Map(under(before, x).map((p) => [p.slice(x.path.length), p]));
      for (const p of under(after, y)) {
        const a = aRows.get(p.slice(y.path.length));
        if (a !== undefined) bToA.set(p, a);
      }
    }
  }
  // Rows outside the numbered layers pair by path.
  for (const p of after.rows.keys()) {
    if (!grouped.has(`b:${p}`) && before.rows.has(p) && !grouped.has(`a:${p}`)) bToA.set(p, p);
  }
  return { pairs: mergeOrder(before, after, bToA), renumbered };
}

/**
 * The after rows in order, with each removed row placed where it stood on the before
 * side: before the next row both sides have, and before the rows added in the same gap
 * (`-` then `+`, as in a text diff), so that a report reads top to bottom like a model.
 */
function mergeOrder(before: Side, after: Side, bToA: ReadonlyMap<string, string>): RowPair[] {
  const aOrder = [...before.rows.keys()];
  const aIndex = new Map(aOrder.map((p, i) => [p, i]));
  const matchedA = new Set(bToA.values());
  const bOrder = [...after.rows.keys()];
  // For each after row, the before index of the first paired row at or after it.
  const nextPaired = new Array<number>(bOrder.length + 1).fill(aOrder.length);
  for (let j = bOrder.length - 1; j >= 0; j--) {
    const a = bToA.get(bOrder[j]!);
    nextPaired[j] = a === undefined ? nextPaired[j + 1]! : aIndex.get(a)!;
  }
  const pairs: RowPair[] = [];
  let next = 0;
  const flushTo = (end: number) => {
    for (; next < end; next++) {
      const p = aOrder[next]!;
      if (!matchedA.has(p)) pairs.push({ before: before.rows.get(p), after: undefined });
    }
  };
  bOrder.forEach((p, j) => {
    flushTo(nextPaired[j]!);
    const a = bToA.get(p);
    if (a !== undefined) next = Math.max(next, aIndex.get(a)! + 1);
    pairs.push({
      before: a === undefined ? undefined : before.rows.get(a),
      after: after.rows.get(p),
    });
  });
  flushTo(aOrder.length);
  return pairs;
}
