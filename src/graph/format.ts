/** How numbers and shapes are written in labels, the same in every format. */
import type { Dim } from "../ir/index.js";

/** 37000 → "37,000": digits grouped by three, independent of the machine's locale. */
export function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

/** A tensor shape as `[B, S, 512]`. */
export function shape(dims: readonly Dim[]): string {
  return `[${dims.join(", ")}]`;
}

/** "1 head", "8 heads". */
export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}
