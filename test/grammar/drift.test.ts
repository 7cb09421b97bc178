/**
 * The TextMate grammar cannot drift from the lexer and the schema: the committed file
 * is exactly what scripts/gen-grammar.ts generates from them, and the drift check
 * (scripts/grammar/drift.ts) names any word that one side has and the other lacks —
 * shown failing here on modified token tables and schemas.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildGrammar, type TmGrammar } from "../../scripts/grammar/build.js";
import { grammarDrift } from "../../scripts/grammar/drift.js";
import { GRAMMAR_PATH, grammarJson } from "../../scripts/grammar/output.js";
import { currentSources, type GrammarSources } from "../../scripts/grammar/sources.js";
import type { TokenCategory } from "../../src/parser/index.js";
import { tokenizer } from "./textmate.js";

const committed = (): TmGrammar => JSON.parse(readFileSync(GRAMMAR_PATH, "utf8")) as TmGrammar;

/** The sources with `word` added as a reserved word, in the lexer's list and its token table. */
function withKeyword(word: string): GrammarSources {
  const s = currentSources();
  const categories = s.categories.map((c): TokenCategory =>
    c.category === "keyword" && "words" in c
      ? { ...c, tokens: [...c.tokens, "Layer"], words: [...c.words, word] }
      : c,
  );
  return { ...s, categories, reservedWords: [...s.reservedWords, word] };
}

describe("the TextMate grammar", () => {
  it("is the generated file (else run `npx tsx scripts/gen-grammar.ts`)", async () => {
    expect(readFileSync(GRAMMAR_PATH, "utf8")).toBe(await grammarJson());
  });

  it("agrees with the lexer and the schema", () => {
    expect(grammarDrift(committed(), currentSources())).toEqual([]);
  });
});

describe("the drift check", () => {
  it("fails when the lexer gains a reserved word the grammar lacks", () => {
    expect(grammarDrift(committed(), withKeyword("layer"))).toEqual([
      "`layer` is a reserved word of the lexer but not of the grammar",
      "`layer` is a keyword of the token table but not of the grammar",
    ]);
  });

  it("fails when the schema gains a field, head, enum or variant word the grammar lacks", () => {
    const s = currentSources();
    const changed: GrammarSources = {
      ...s,
      sectionHeads: [...s.sectionHeads, "conv"],
      fieldNames: [...s.fieldNames, "temperature"],
      enumWords: [...s.enumWords, "mish"],
      variantWords: [...s.variantWords, "local"],
      builtins: [...s.builtins, "log"],
    };
    expect(grammarDrift(committed(), changed)).toEqual([
      "`conv` is a section head of the schema but not of the grammar",
      "`temperature` is a field name of the schema but not of the grammar",
      "`mish` is an enum word of the schema but not of the grammar",
      "`local` is a variant word of the schema but not of the grammar",
      "`log` is a built-in function of the checker but not of the grammar",
    ]);
  });

  it("fails when the grammar keeps a word the sources dropped", () => {
    const s = currentSources();
    const changed = { ...s, fieldNames: s.fieldNames.filter((f) => f !== "heads") };
    expect(grammarDrift(committed(), changed)).toEqual([
      "`heads` is a field name of the grammar but not of the schema",
    ]);
  });

  it("fails when the token table changes a regex or gains a category", () => {
    const s = currentSources();
    const categories = s.categories.map((c): TokenCategory =>
      c.category === "identifier" && "match" in c
        ? { ...c, match: "\\b[A-Za-z$_][A-Za-z0-9$_]*\\b" }
        : c,
    );
    categories.push({
      category: "at",
      scope: "keyword.operator.at.s2s",
      tokens: ["At"],
      words: ["@"],
    });
    expect(grammarDrift(committed(), { ...s, categories })).toEqual([
      "the grammar's `identifier` regex is not the token table's `identifier` regex",
      "token category `at` (keyword.operator.at.s2s) has no rule in the grammar",
    ]);
  });

  it("passes again once the grammar is regenerated, and the new word is highlighted", async () => {
    const sources = withKeyword("layer");
    const regenerated = buildGrammar(sources);
    expect(grammarDrift(regenerated, sources)).toEqual([]);
    const tokens = (await tokenizer(regenerated))("layer x");
    expect(tokens[0]).toMatchObject({ text: "layer", scopes: ["source.s2s", "keyword.other.s2s"] });
  });
});
