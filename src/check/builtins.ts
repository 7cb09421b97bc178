/**
 * The built-in functions of expressions (brief §2): `min max sqrt floor ceil`.
 * `min`/`max` keep ints when every argument is an int; `sqrt` always gives a float (as
 * `/` does for an inexact result, it never silently truncates); `floor`/`ceil` give ints,
 * so `floor(d / 3)` is a usable size.
 */
import type { Value } from "./model.js";
import { numberResult, type OpResult } from "./arith.js";
import { describeValue, formatValue } from "./values.js";

export interface Builtin {
  /** Accepted argument counts: [min, max] (max Infinity for variadic). */
  arity: readonly [number, number];
  signature: string;
  doc: string;
  apply(args: Value[]): OpResult;
}

type Num = { type: "int" | "float"; value: number };
const isNum = (v: Value): v is Num => v.type === "int" || v.type === "float";

/** Checks that every argument is a number; the failure points at the first one that is not. */
function numbers(name: string, args: Value[]): OpResult | Num[] {
  for (const a of args) {
    if (!isNum(a)) {
      return {
        ok: false,
        code: "S2S2041",
        message: `\`${name}\` needs numbers, not ${describeValue(a)}`,
        at: undefined,
      };
    }
  }
  return args as Num[];
}

function extremum(name: string, pick: (a: number, b: number) => number): Builtin {
  return {
    arity: [1, Infinity],
    signature: `${name}(a, b, ...)`,
    doc: `the ${name === "min" ? "smallest" : "largest"} argument (an int when all are ints)`,
    apply(args) {
      const ns = numbers(name, args);
      if (!Array.isArray(ns)) return ns;
      const value = ns.map((n) => n.value).reduce((a, b) => pick(a, b));
      return numberResult(
        value,
        ns.every((n) => n.type === "int"),
        `${name}(...)`,
      );
    },
  };
}

function rounding(name: string, f: (x: number) => number, doc: string): Builtin {
  return {
    arity: [1, 1],
    signature: `${name}(x)`,
    doc,
    apply(args) {
      const ns = numbers(name, args);
      if (!Array.isArray(ns)) return ns;
      return numberResult(f(ns[0]!.value), true, `${name}(${formatValue(ns[0]!)})`);
    },
  };
}

export const BUILTINS: Readonly<Record<string, Builtin>> = {
  min: extremum("min", Math.min),
  max: extremum("max", Math.max),
  sqrt: {
    arity: [1, 1],
    signature: "sqrt(x)",
    doc: "the square root, a float (x ≥ 0)",
    apply(args) {
      const ns = numbers("sqrt", args);
      if (!Array.isArray(ns)) return ns;
      const x = ns[0]!;
      if (x.value < 0) {
        return {
          ok: false,
          code: "S2S2025",
          message: `sqrt(${formatValue(x)}) is not a real number`,
          at: undefined,
        };
      }
      return numberResult(Math.sqrt(x.value), false, `sqrt(${formatValue(x)})`);
    },
  },
  floor: rounding("floor", Math.floor, "the largest int ≤ x"),
  ceil: rounding("ceil", Math.ceil, "the smallest int ≥ x"),
};

export function isBuiltin(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(BUILTINS, name);
}
