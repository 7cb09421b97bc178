/**
 * Alignment of `=` in runs of `name = value` lines:
 *
 *     vocab            = 37_000
 *     share_embeddings = true
 *
 * A run is a maximal sequence of consecutive members of the same kind (settings, or
 * `let`s, or instantiations `model a = b(...)` at the top level), each on its own line.
 * A blank line or a member of another kind ends the run, so the author still groups
 * lines by leaving a blank line; a comment line between two members does not (it
 * annotates the next member, as in gofmt). Each member is padded after its name to the
 * widest name of its run.
 */

export interface AlignItem {
  /** Members of the same `run` kind align with each other; `undefined` never aligns. */
  run: string | undefined;
  /** The width of what stands before the `=`, without the padding. */
  width: number;
  /** Whether a blank line separates this item from the one before it. */
  blankBefore: boolean;
}

/** The padding (in spaces) after each item's name. */
export function alignmentPads(items: readonly AlignItem[]): number[] {
  const pads: number[] = items.map(() => 0);
  let start = 0;
  while (start < items.length) {
    let end = start + 1;
    const run = items[start]!.run;
    if (run !== undefined) {
      while (end < items.length && items[end]!.run === run && !items[end]!.blankBefore) end++;
      const widest = Math.max(...items.slice(start, end).map((x) => x.width));
      for (let i = start; i < end; i++) pads[i] = widest - items[i]!.width;
    }
    start = end;
  }
  return pads;
}
