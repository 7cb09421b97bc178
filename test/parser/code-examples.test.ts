/**
 * The `example` of every S2S1xxx code in src/diagnostics/codes.ts produces exactly that
 * code (and nothing else) at the stated line and column when parsed. (The repository-
 * wide table test runs the examples through the checker too; this one pins the parser.)
 */
import { describe, expect, it } from "vitest";
import { CODES, type CodeInfo } from "../../src/diagnostics/codes.js";
import { parse } from "../../src/parser/index.js";

const parserCodes = Object.entries(CODES as Record<string, CodeInfo>).filter(([code]) =>
  code.startsWith("S2S1"),
);

describe("S2S1xxx code examples", () => {
  it("cover every parser code a spec can trigger", () => {
    const withoutExample = parserCodes
      .filter(([, info]) => info.example === undefined)
      .map(([code]) => code);
    expect(withoutExample).toEqual(["S2S1099"]); // an internal error has no example input
  });

  it.each(parserCodes.filter(([, info]) => info.example !== undefined))("%s", (code, info) => {
    const ex = info.example!;
    const { diagnostics } = parse(ex.source, "example.s2s");
    expect(
      diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`),
    ).toEqual([`${code} ${ex.line}:${ex.column}`]);
    expect(diagnostics[0]!.severity).toBe(info.severity);
  });
});
