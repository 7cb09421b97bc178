/**
 * Printing the quantities s2sc reports: counts with thousands separators, and short SI
 * forms (`44.1M`) for MAC and FLOP figures. Parsing them from the command line is the
 * CLI's (src/cli/units.ts).
 */

/**
 * `1234567` → `1,234,567`; from 2⁵³ on an estimate, `~1.2e16`, not digits a double
 * cannot hold (the checker's messages use the same function).
 */
export { formatCount } from "../check/index.js";

/** Three significant digits with an SI suffix: `950`, `44.1K`, `1.05G`. */
export function formatSi(n: number): string {
  const abs = Math.abs(n);
  if (abs < 1000) return String(Math.round(n));
  const units = ["K", "M", "G", "T", "P", "E"];
  let v = n;
  let i = -1;
  while (Math.abs(v) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  // 999.95K would print as 1000K: move up a unit instead.
  if (Math.abs(Number(v.toPrecision(3))) >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${Number(v.toPrecision(3))}${units[i]}`;
}
