// The numeric rules of constant expressions (docs/language.md, "Numbers").
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { binary, negate } from "../../src/check/arith.js";
import { BUILTINS } from "../../src/check/builtins.js";
import type { Value } from "../../src/check/model.js";

const i = (value: number): Value => ({ type: "int", value });
const f = (value: number): Value => ({ type: "float", value });
const smallInt = fc.integer({ min: -1_000_000, max: 1_000_000 });

describe("arithmetic", () => {
  it("keeps ints for + - * and exact /", () => {
    expect(binary("+", i(2), i(3))).toEqual({ ok: true, value: i(5) });
    expect(binary("*", i(4), i(64))).toEqual({ ok: true, value: i(256) });
    expect(binary("/", i(512), i(8))).toEqual({ ok: true, value: i(64) });
    expect(binary("/", i(7), i(2))).toEqual({ ok: true, value: f(3.5) });
    expect(binary("/", f(8), i(2))).toEqual({ ok: true, value: f(4) });
    expect(binary("+", i(1), f(0.5))).toEqual({ ok: true, value: f(1.5) });
  });

  it("uses the floored remainder", () => {
    expect(binary("%", i(7), i(3))).toEqual({ ok: true, value: i(1) });
    expect(binary("%", i(-7), i(3))).toEqual({ ok: true, value: i(2) });
    expect(binary("%", i(7), i(-3))).toEqual({ ok: true, value: i(-2) });
  });

  it("satisfies a == floor(a / b) * b + a % b for ints", () => {
    fc.assert(
      fc.property(
        smallInt,
        smallInt.filter((b) => b !== 0),
        (a, b) => {
          const q = binary("/", i(a), i(b));
          const r = binary("%", i(a), i(b));
          if (!q.ok || !r.ok || r.value.type !== "int") return false;
          const qv = (q.value as { value: number }).value;
          return Math.floor(qv) * b + r.value.value === a;
        },
      ),
    );
  });

  it("gives int / int an int exactly when it divides", () => {
    fc.assert(
      fc.property(
        smallInt,
        smallInt.filter((b) => b !== 0),
        (a, b) => {
          const q = binary("/", i(a), i(b));
          return q.ok && q.value.type === (a % b === 0 ? "int" : "float");
        },
      ),
    );
  });

  it("powers: int with a non-negative exponent, float otherwise", () => {
    expect(binary("**", i(2), i(10))).toEqual({ ok: true, value: i(1024) });
    expect(binary("**", i(2), i(-1))).toEqual({ ok: true, value: f(0.5) });
    expect(binary("**", i(2), i(60))).toMatchObject({ ok: false, code: "S2S2025" });
    expect(binary("**", i(0), i(-1))).toMatchObject({ ok: false, code: "S2S2040" });
    expect(binary("**", i(-8), f(0.5))).toMatchObject({ ok: false, code: "S2S2025" });
  });

  it("reports division by zero at the divisor", () => {
    expect(binary("/", i(1), i(0))).toMatchObject({ ok: false, code: "S2S2040", at: "right" });
    expect(binary("%", f(1), f(0))).toMatchObject({ ok: false, code: "S2S2040", at: "right" });
  });

  it("rejects operators on non-numbers, pointing at the bad operand", () => {
    expect(binary("*", { type: "bool", value: true }, i(2))).toMatchObject({
      code: "S2S2041",
      at: "left",
    });
    expect(binary("-", i(2), { type: "string", value: "a" })).toMatchObject({
      code: "S2S2041",
      at: "right",
    });
    expect(binary("+", { type: "string", value: "a" }, { type: "string", value: "b" })).toEqual({
      ok: true,
      value: { type: "string", value: "ab" },
    });
    expect(negate({ type: "enum", value: "relu" })).toMatchObject({ code: "S2S2041" });
    expect(negate(i(3))).toEqual({ ok: true, value: i(-3) });
  });

  it("reports int overflow instead of losing precision", () => {
    expect(binary("*", i(2 ** 40), i(2 ** 20))).toMatchObject({ ok: false, code: "S2S2025" });
    expect(binary("*", f(1e308), f(10))).toMatchObject({ ok: false, code: "S2S2025" });
  });
});

describe("built-in functions", () => {
  it("min and max keep ints", () => {
    expect(BUILTINS["min"]!.apply([i(3), i(1), i(2)])).toEqual({ ok: true, value: i(1) });
    expect(BUILTINS["max"]!.apply([i(3), f(3.5)])).toEqual({ ok: true, value: f(3.5) });
  });
  it("sqrt gives a float, floor and ceil give ints", () => {
    expect(BUILTINS["sqrt"]!.apply([i(64)])).toEqual({ ok: true, value: f(8) });
    expect(BUILTINS["sqrt"]!.apply([i(-1)])).toMatchObject({ ok: false, code: "S2S2025" });
    expect(BUILTINS["floor"]!.apply([f(2.7)])).toEqual({ ok: true, value: i(2) });
    expect(BUILTINS["ceil"]!.apply([f(2.1)])).toEqual({ ok: true, value: i(3) });
    expect(BUILTINS["floor"]!.apply([{ type: "bool", value: true }])).toMatchObject({
      code: "S2S2041",
    });
  });
});
