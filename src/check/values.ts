/** Small helpers on checked values: how they are shown in messages and compared. */
import type { Value } from "./model.js";

/** A number as the user would write it back (`512`, `0.1`, `1e-6`). */
export function formatNumber(n: number, isInt: boolean): string {
  if (isInt) return String(n);
  // Keep floats recognisable as floats: `4.0` rather than `4`.
  return Number.isInteger(n) && Math.abs(n) < 1e21 ? n.toFixed(1) : String(n);
}

/**
 * A count with thousands separators, `1,234,567` (rounded to an integer). From 2⁵³ on a
 * double no longer holds every integer, so its digits would be partly invented: such a
 * count prints as an estimate with two significant digits, `~1.2e16`.
 */
export function formatCount(n: number): string {
  if (Math.abs(n) >= 2 ** 53) return `~${n.toPrecision(2).replace("e+", "e")}`;
  return Math.round(n).toLocaleString("en-US");
}

/** The value in source syntax: `512`, `0.1`, `true`, `"x"`, `relu`, `[0.9, 0.98]`. */
export function formatValue(v: Value): string {
  switch (v.type) {
    case "int":
      return formatNumber(v.value, true);
    case "float":
      return formatNumber(v.value, false);
    case "bool":
      return String(v.value);
    case "string":
      return JSON.stringify(v.value);
    case "enum":
      return v.value;
    case "list":
      return `[${v.items.map(formatValue).join(", ")}]`;
  }
}

/** The value's type as a noun phrase for messages: `an int`, `a list`, `the word relu`. */
export function describeValue(v: Value): string {
  switch (v.type) {
    case "int":
      return `the integer ${formatValue(v)}`;
    case "float":
      return `the float ${formatValue(v)}`;
    case "bool":
      return `the boolean ${formatValue(v)}`;
    case "string":
      return `the string ${formatValue(v)}`;
    case "enum":
      return `the word \`${v.value}\``;
    case "list":
      return `a list of ${v.items.length}`;
  }
}

export function valuesEqual(a: Value, b: Value): boolean {
  if (a.type === "list" || b.type === "list") {
    return (
      a.type === "list" &&
      b.type === "list" &&
      a.items.length === b.items.length &&
      a.items.every((x, i) => valuesEqual(x, b.items[i]!))
    );
  }
  return a.type === b.type && a.value === b.value;
}
