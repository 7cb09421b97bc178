/**
 * The arithmetic of constant expressions, as pure functions on values.
 *
 * Numeric typing (docs/language.md, "Numbers"):
 * - `+ - *` and `%` on two ints give an int; with a float operand, a float.
 * - `/` on two ints gives an int when the division is exact (`512 / 8` is `64`) and a
 *   float otherwise (`7 / 2` is `3.5`). Every expression is a constant the checker knows,
 *   so sizes derived by division (`d_model / h`) stay ints, and an inexact one becomes a
 *   float that a size field rejects at the place it is used.
 * - `%` is the floored remainder (the sign of the divisor, as in Python), so that
 *   `a == floor(a / b) * b + a % b`.
 * - `**` on ints with a non-negative exponent gives an int, otherwise a float.
 * - Division or remainder by zero (and `0 ** -1`) is an error, never Infinity; an int
 *   result beyond ±2^53 − 1 or a float that is not finite is out of range.
 * - `+` also joins two strings.
 */
import type { Code } from "../diagnostics/index.js";
import type { BinaryOp } from "../parser/index.js";
import type { Value } from "./model.js";
import { describeValue, formatValue } from "./values.js";

export type OpResult =
  | { ok: true; value: Value }
  | {
      ok: false;
      code: Extract<Code, "S2S2025" | "S2S2040" | "S2S2041">;
      message: string;
      /** The operand to point at (the whole expression when undefined). */
      at: "left" | "right" | undefined;
    };

type Num = { type: "int" | "float"; value: number };

const isNum = (v: Value): v is Num => v.type === "int" || v.type === "float";

/** A number result, or out of range when it cannot be represented exactly. */
export function numberResult(value: number, isInt: boolean, what: string): OpResult {
  if (Number.isNaN(value)) {
    return { ok: false, code: "S2S2025", message: `${what} is not a real number`, at: undefined };
  }
  if (!Number.isFinite(value) || (isInt && !Number.isSafeInteger(value))) {
    return { ok: false, code: "S2S2025", message: `${what} is too large`, at: undefined };
  }
  // -0 is not a value anyone writes on purpose; normalise it away.
  const v = value === 0 ? 0 : value;
  return { ok: true, value: isInt ? { type: "int", value: v } : { type: "float", value: v } };
}

function typeError(op: string, a: Value, b: Value | undefined): OpResult {
  // Point at the operand that is not a number (the left one when both are wrong).
  const leftBad = !isNum(a) && !(op === "+" && a.type === "string");
  const bad = leftBad || b === undefined ? a : b;
  return {
    ok: false,
    code: "S2S2041",
    message: `\`${op}\` does not apply to ${describeValue(bad)}`,
    at: b === undefined ? undefined : leftBad ? "left" : "right",
  };
}

function divisionByZero(op: string, a: Num, b: Num): OpResult {
  return {
    ok: false,
    code: "S2S2040",
    message: `division by zero in ${formatValue(a)} ${op} ${formatValue(b)}`,
    at: "right",
  };
}

export function binary(op: BinaryOp, a: Value, b: Value): OpResult {
  if (op === "+" && a.type === "string" && b.type === "string") {
    return { ok: true, value: { type: "string", value: a.value + b.value } };
  }
  if (!isNum(a) || !isNum(b)) return typeError(op, a, b);
  const ints = a.type === "int" && b.type === "int";
  const what = `${formatValue(a)} ${op} ${formatValue(b)}`;
  switch (op) {
    case "+":
      return numberResult(a.value + b.value, ints, what);
    case "-":
      return numberResult(a.value - b.value, ints, what);
    case "*":
      return numberResult(a.value * b.value, ints, what);
    case "/": {
      if (b.value === 0) return divisionByZero(op, a, b);
      const exact = ints && a.value % b.value === 0;
      return numberResult(a.value / b.value, exact, what);
    }
    case "%": {
      if (b.value === 0) return divisionByZero(op, a, b);
      const r = a.value - Math.floor(a.value / b.value) * b.value;
      // Integer inputs take an exact path: the float formula can be off by rounding.
      const exact = ints ? ((a.value % b.value) + b.value) % b.value : r;
      return numberResult(exact, ints, what);
    }
    case "**": {
      if (a.value === 0 && b.value < 0) return divisionByZero(op, a, b);
      return numberResult(a.value ** b.value, ints && b.value >= 0, what);
    }
  }
}

export function negate(a: Value): OpResult {
  if (!isNum(a)) return typeError("-", a, undefined);
  return numberResult(-a.value, a.type === "int", `-${formatValue(a)}`);
}
