/**
 * What the TextMate grammar is generated from: the lexer's token table (the lexical
 * categories with their regexes and scopes, and the reserved words) and the language
 * schema (section heads, field names, enum and variant words, built-in functions). The
 * drift test passes modified copies of these to show that a word added to one side
 * and not the other is caught.
 */
import { BUILTINS } from "../../src/check/builtins.js";
import { SECTION_HEADS } from "../../src/check/schema.js";
import { ENUM_WORDS, FIELD_NAMES, VARIANT_WORDS } from "../../src/check/schema-query.js";
import { RESERVED_WORDS, TOKEN_CATEGORIES, type TokenCategory } from "../../src/parser/index.js";

export interface GrammarSources {
  /** The lexer's lexical categories (src/parser/tokens.ts). */
  categories: readonly TokenCategory[];
  /** The lexer's reserved words. */
  reservedWords: readonly string[];
  sectionHeads: readonly string[];
  fieldNames: readonly string[];
  enumWords: readonly string[];
  variantWords: readonly string[];
  builtins: readonly string[];
}

export function currentSources(): GrammarSources {
  return {
    categories: TOKEN_CATEGORIES,
    reservedWords: RESERVED_WORDS,
    sectionHeads: SECTION_HEADS,
    fieldNames: [...FIELD_NAMES],
    enumWords: [...ENUM_WORDS],
    variantWords: [...VARIANT_WORDS],
    builtins: Object.keys(BUILTINS),
  };
}

/** The category named `name`, or an error naming it (a category the grammar needs is gone). */
export function category(sources: GrammarSources, name: string): TokenCategory {
  const c = sources.categories.find((x) => x.category === name);
  if (c === undefined) throw new Error(`the token table has no category \`${name}\``);
  return c;
}

/** The `words` of a category that lists words. */
export function wordsOfCategory(sources: GrammarSources, name: string): readonly string[] {
  const c = category(sources, name);
  if (!("words" in c)) throw new Error(`token category \`${name}\` lists no words`);
  return c.words;
}
