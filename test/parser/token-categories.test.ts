/**
 * TOKEN_CATEGORIES, the machine-readable description the TextMate grammar is built
 * from, agrees with the lexer: it covers every token, its words lex to the tokens it
 * names, and its regexes accept and reject what the lexer does.
 */
import { describe, expect, it } from "vitest";
import { Lexer } from "chevrotain";
import { RESERVED_WORDS, TOKEN_CATEGORIES, tokenize } from "../../src/parser/index.js";
import { ALL_TOKENS, UNDESCRIBED_TOKENS } from "../../src/parser/tokens.js";

function lexTypes(text: string): string[] {
  return tokenize(text, "t.s2s").tokens.map((t) => t.type);
}

describe("TOKEN_CATEGORIES", () => {
  it("describes every lexer token exactly once (or says why not)", () => {
    const described = TOKEN_CATEGORIES.flatMap((c) => c.tokens);
    expect(new Set(described).size).toBe(described.length);
    const concrete = ALL_TOKENS.filter((t) => t.PATTERN !== Lexer.NA).map((t) => t.name);
    const covered = new Set([...described, ...Object.keys(UNDESCRIBED_TOKENS)]);
    expect(concrete.filter((n) => !covered.has(n))).toEqual([]);
    expect([...covered].filter((n) => !concrete.includes(n))).toEqual([]);
  });

  it("lists the reserved words as keywords and constants", () => {
    const words = TOKEN_CATEGORIES.flatMap((c) =>
      "words" in c && /keyword\.other|boolean/.test(c.scope) ? c.words : [],
    );
    expect(words.sort()).toEqual([...RESERVED_WORDS].sort());
  });

  it("has words that lex to the tokens it names, in order", () => {
    for (const c of TOKEN_CATEGORIES) {
      if (!("words" in c)) continue;
      expect(c.words.map((w) => lexTypes(w))).toEqual(c.tokens.map((t) => [t]));
    }
  });

  const samples: Record<string, { accept: string[]; reject: string[] }> = {
    "number.int": { accept: ["0", "512", "37_000", "007"], reject: ["1_", "1__0", "_1", "1.0"] },
    "number.float": {
      accept: ["0.1", "1e-6", "2.5E+3", "1_000.000_1"],
      reject: ["1.", ".5", "1e", "1"],
    },
    identifier: { accept: ["a", "_x", "d_model", "A9"], reject: ["9a", "é"] },
  };

  it.each(Object.entries(samples))(
    "has a %s regex that agrees with the lexer",
    (category, { accept, reject }) => {
      const c = TOKEN_CATEGORIES.find((x) => x.category === category);
      if (c === undefined || !("match" in c)) throw new Error(`no match regex for ${category}`);
      const whole = new RegExp(`^(?:${c.match})$`);
      for (const s of accept) {
        expect(whole.test(s), s).toBe(true);
        expect(lexTypes(s), s).toEqual(c.tokens);
      }
      for (const s of reject) {
        expect(whole.test(s), s).toBe(false);
        expect(lexTypes(s), s).not.toEqual(c.tokens);
      }
    },
  );

  it("has comment and string delimiters that match the lexer's", () => {
    const byCategory = new Map(TOKEN_CATEGORIES.map((c) => [c.category, c]));
    for (const [category, sample] of [
      ["comment.line", "// note"],
      ["comment.block", "/* a\n b */"],
      ["string", '"a\\"b"'],
    ] as const) {
      const c = byCategory.get(category);
      if (c === undefined || !("begin" in c)) throw new Error(`no begin/end for ${category}`);
      expect(new RegExp(`^${c.begin}`).test(sample)).toBe(true);
      expect(new RegExp(`(?:${c.end})$`).test(sample)).toBe(true);
    }
    const string = byCategory.get("string");
    expect(string !== undefined && "escapes" in string ? string.escapes : []).toEqual([
      '\\"',
      "\\\\",
      "\\n",
    ]);
  });
});
