/**
 * Property test: random edits of every spec (deleting, duplicating and swapping tokens,
 * inserting random characters) never make `parse` throw, and every diagnostic and every
 * AST node has a valid range inside the file. Seeded, so a failure reproduces.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parse } from "../../src/parser/index.js";
import { allRangeProblems, specFiles } from "./helpers.js";

/** A spec split into tokens-ish pieces (words, numbers, strings, punctuation, space). */
function pieces(text: string): string[] {
  return (
    text.match(
      /"(?:[^"\\\n]|\\.)*"?|\/\/[^\n]*|\/\*[\s\S]*?\*\/|[A-Za-z_0-9.]+|\*\*|\s+|[\s\S]/g,
    ) ?? []
  );
}

const ALPHABET = [
  ..."{}()[]=,;+-*/%\"\\\n\t $#'.:_eE019xé\u00a0\uFEFF",
  "**",
  "/*",
  "*/",
  "//",
  "model",
  "let",
  "stack",
  "import",
  "extends",
  "true",
];

type Edit =
  | { op: "delete"; at: number; length: number }
  | { op: "duplicate"; at: number; length: number }
  | { op: "swap"; a: number; b: number }
  | { op: "insert"; at: number; text: string };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({
    op: fc.constant("delete" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    op: fc.constant("duplicate" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 8 }),
  }),
  fc.record({ op: fc.constant("swap" as const), a: fc.nat(), b: fc.nat() }),
  fc.record({
    op: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc
      .array(fc.constantFrom(...ALPHABET), { minLength: 1, maxLength: 3 })
      .map((xs) => xs.join("")),
  }),
);

function apply(text: string, edits: readonly Edit[]): string {
  const ps = pieces(text);
  for (const e of edits) {
    if (ps.length === 0) break;
    switch (e.op) {
      case "delete":
        ps.splice(e.at % ps.length, e.length);
        break;
      case "duplicate": {
        const at = e.at % ps.length;
        ps.splice(at, 0, ...ps.slice(at, at + e.length));
        break;
      }
      case "swap": {
        const a = e.a % ps.length;
        const b = e.b % ps.length;
        [ps[a], ps[b]] = [ps[b]!, ps[a]!];
        break;
      }
      case "insert":
        ps.splice(e.at % (ps.length + 1), 0, e.text);
        break;
    }
  }
  return ps.join("");
}

describe("parsing edited specs", () => {
  const specs = specFiles().map(([, text]) => text);

  it("never throws and always gives valid ranges", () => {
    fc.assert(
      fc.property(
        fc.nat({ max: specs.length - 1 }),
        fc.array(edit, { minLength: 1, maxLength: 5 }),
        (index, edits) => {
          const text = apply(specs[index]!, edits);
          const { ast, diagnostics } = parse(text, "fuzz.s2s");
          expect(allRangeProblems(ast, diagnostics, text)).toEqual([]);
          for (const d of diagnostics) {
            expect(d.code).not.toBe("S2S1099");
            expect(d.message).not.toMatch(/\n|\.$/);
          }
          // Diagnostics come sorted by position.
          const offsets = diagnostics.map((d) => d.range.start.offset);
          expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
        },
      ),
      { seed: 42, numRuns: 500 },
    );
  });

  it("never throws on text made of random language fragments", () => {
    const fragment = fc.constantFrom(...ALPHABET, "a", "b = 1", "{ x }", "0.5", '"s"', "\n");
    fc.assert(
      fc.property(
        fc.array(fragment, { maxLength: 40 }).map((xs) => xs.join(" ")),
        (text) => {
          const { ast, diagnostics } = parse(text, "fuzz.s2s");
          expect(allRangeProblems(ast, diagnostics, text)).toEqual([]);
        },
      ),
      { seed: 42, numRuns: 300 },
    );
  });

  it("reports at least one error for a spec with an unbalanced brace", () => {
    fc.assert(
      fc.property(fc.nat({ max: specs.length - 1 }), (index) => {
        const text = specs[index]!.replace(/\}(?![\s\S]*\})/, "");
        expect(parse(text, "fuzz.s2s").diagnostics.length).toBeGreaterThan(0);
      }),
      { seed: 42, numRuns: specs.length * 2 },
    );
  });
});
