/** How the text and Markdown reports write numbers and their changes. */
import { formatBytes } from "../elaborate/index.js";
import { formatCount, formatSi } from "../summary/index.js";
import type { Delta } from "./types.js";

export type Unit = "count" | "si" | "bytes";

export function formatAmount(n: number, unit: Unit): string {
  return unit === "count" ? formatCount(n) : unit === "si" ? formatSi(n) : formatBytes(n);
}

/** `+1,024`, `-3.2M`, `0`. */
export function formatSigned(n: number, unit: Unit): string {
  if (n === 0) return "0";
  const body = formatAmount(Math.abs(n), unit);
  return n > 0 ? `+${body}` : `-${body}`;
}

/** `+25.0%`, `-3.1%`, `+<0.1%`; `new` when there was nothing before. */
export function formatRelative(d: Delta): string {
  if (d.relative === null) return "new";
  if (d.delta === 0) return "0%";
  const pct = Math.abs(d.relative * 100);
  const sign = d.delta > 0 ? "+" : "-";
  return pct < 0.05 ? `${sign}<0.1%` : `${sign}${pct.toFixed(1)}%`;
}

/** `512 → 1,024 (+512, +100.0%)`, or the one value when it did not change. */
export function formatChange(d: Delta, unit: Unit): string {
  if (d.delta === 0) return formatAmount(d.after, unit);
  return `${formatAmount(d.before, unit)} → ${formatAmount(d.after, unit)} (${formatSigned(d.delta, unit)}, ${formatRelative(d)})`;
}
