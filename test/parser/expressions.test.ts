/**
 * Expressions (brief §2): precedence and associativity, unary minus, calls, lists,
 * parentheses, and the ranges of the nodes built from a flat operator chain.
 */
import { describe, expect, it } from "vitest";
import type { Expr } from "../../src/parser/ast.js";
import { parseOk, slice } from "./helpers.js";

function value(src: string): Expr {
  const item = parseOk(`let a = ${src}\n`).items[0]!;
  if (item.kind !== "Let") throw new Error("not a let");
  return item.value;
}

/** Fully parenthesised form (parentheses written in the source shown as `{...}`). */
function show(e: Expr): string {
  switch (e.kind) {
    case "Number":
      return e.text;
    case "String":
      return JSON.stringify(e.value);
    case "Bool":
      return String(e.value);
    case "Name":
      return e.name;
    case "Call":
      return `${e.callee.name}(${e.args.map(show).join(", ")})`;
    case "Binary":
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case "Unary":
      return `(-${show(e.operand)})`;
    case "List":
      return `[${e.items.map(show).join(", ")}]`;
    case "Paren":
      return `{${show(e.expr)}}`;
    case "ErrorExpr":
      return "<error>";
  }
}

describe("precedence and associativity", () => {
  it.each([
    ["1 + 2 * 3", "(1 + (2 * 3))"],
    ["1 * 2 + 3", "((1 * 2) + 3)"],
    ["a - b - c", "((a - b) - c)"],
    ["a / b % c * d", "(((a / b) % c) * d)"],
    ["2 ** 3 ** 2", "(2 ** (3 ** 2))"],
    ["2 * 3 ** 2", "(2 * (3 ** 2))"],
    ["2 ** 3 * 2", "((2 ** 3) * 2)"],
    ["1 + 2 ** 3 ** 4 * 5 - 6", "((1 + ((2 ** (3 ** 4)) * 5)) - 6)"],
    ["-2 ** 2", "((-2) ** 2)"],
    ["2 ** -1", "(2 ** (-1))"],
    ["- -x", "(-(-x))"],
    ["a - -b", "(a - (-b))"],
    ["(1 + 2) * 3", "({(1 + 2)} * 3)"],
    ["-(a)", "(-{a})"],
  ])("%s is %s", (src, expected) => {
    expect(show(value(src))).toBe(expected);
  });
});

describe("primaries", () => {
  it.each([
    ["true", "true"],
    ["false", "false"],
    ['"s"', '"s"'],
    ["lstm", "lstm"],
    ["max(a, 2 * b)", "max(a, (2 * b))"],
    ["sqrt()", "sqrt()"],
    ["[]", "[]"],
    ["[1, 2.5, x]", "[1, 2.5, x]"],
    ["[[1], [2, 3]]", "[[1], [2, 3]]"],
    ["min(max(1, 2), floor(3.5))", "min(max(1, 2), floor(3.5))"],
  ])("%s", (src, expected) => {
    expect(show(value(src))).toBe(expected);
  });
});

describe("ranges", () => {
  const src = "1 + 2 * -x ** 3";
  const text = `let a = ${src}\n`;
  const e = value(src);

  it("span the whole expression and each operand", () => {
    expect(slice(text, e.range)).toBe(src);
    if (e.kind !== "Binary" || e.right.kind !== "Binary") throw new Error("shape");
    expect(slice(text, e.left.range)).toBe("1");
    expect(slice(text, e.right.range)).toBe("2 * -x ** 3");
    expect(slice(text, e.right.right.range)).toBe("-x ** 3");
  });

  it("of a call and a list include their brackets", () => {
    const t = "let a = f( [1 , 2] )\n";
    const item = parseOk(t).items[0]!;
    if (item.kind !== "Let" || item.value.kind !== "Call") throw new Error("shape");
    expect(slice(t, item.value.range)).toBe("f( [1 , 2] )");
    expect(slice(t, item.value.callee.range)).toBe("f");
    expect(slice(t, item.value.args[0]!.range)).toBe("[1 , 2]");
  });
});
