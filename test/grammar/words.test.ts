/**
 * Every word of the lexer and the schema gets its scope in context, tokenized by
 * vscode-textmate (the lists come from the sources, so a new word is tested too).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { currentSources } from "../../scripts/grammar/sources.js";
import { tokenizer, type Tokenizer } from "./textmate.js";

let tokenize: Tokenizer;
beforeAll(async () => {
  tokenize = await tokenizer();
});

const sources = currentSources();

/** The innermost scope (the last) of the token whose text is `word` in `text`. */
function scopeOf(text: string, word: string, occurrence = 0): string {
  const found = tokenize(text).filter((t) => t.text === word)[occurrence];
  if (found === undefined) throw new Error(`no token \`${word}\` in ${text}`);
  return found.scopes[found.scopes.length - 1]!;
}

describe("schema words", () => {
  it.each(sources.sectionHeads)("section head %s", (head) => {
    expect(scopeOf(`model m { ${head} { } }`, head, head === "model" ? 1 : 0)).toBe(
      "support.class.section.s2s",
    );
  });

  it.each(sources.variantWords)("variant %s", (variant) => {
    expect(scopeOf(`model m { attention ${variant} { } }`, variant)).toBe(
      "support.constant.variant.s2s",
    );
  });

  it.each(sources.fieldNames)("field %s", (field) => {
    expect(scopeOf(`model m { lstm { ${field} = 1 } }`, field)).toBe(
      "support.type.property-name.s2s",
    );
  });

  it.each(sources.enumWords)("enum word %s", (word) => {
    expect(scopeOf(`model m { x = ${word} }`, word)).toBe("support.constant.enum.s2s");
  });

  it.each(sources.builtins)("built-in %s", (name) => {
    expect(scopeOf(`let x = ${name}(1)`, name)).toBe("support.function.builtin.s2s");
  });
});

describe("reserved words", () => {
  const contexts: Record<string, [string, string]> = {
    model: ["model m { }", "keyword.other.s2s"],
    extends: ["model m extends n { }", "keyword.other.s2s"],
    import: ['import "a.s2s"', "keyword.other.s2s"],
    let: ["let x = 1", "keyword.other.s2s"],
    stack: ["model m { encoder { stack 2 { } } }", "keyword.other.s2s"],
    true: ["let x = true", "constant.language.boolean.s2s"],
    false: ["let x = false", "constant.language.boolean.s2s"],
  };

  it("has a context for each reserved word of the lexer", () => {
    expect(Object.keys(contexts).sort()).toEqual([...sources.reservedWords].sort());
  });

  it.each(Object.entries(contexts))("%s", (word, [text, scope]) => {
    expect(scopeOf(text, word)).toBe(scope);
  });

  it("does not match inside longer names", () => {
    expect(scopeOf("let models = letter", "models")).toBe("variable.other.constant.s2s");
    expect(scopeOf("let models = letter", "letter")).toBe("variable.other.s2s");
  });
});

describe("names by role", () => {
  it.each([
    ["model transformer(N = 6) { }", "transformer", "entity.name.type.model.s2s"],
    ["model big = transformer(N = 6)", "transformer", "entity.name.type.model.s2s"],
    ["model pre extends base { }", "base", "entity.other.inherited-class.s2s"],
    ["model transformer(N = 6) { }", "N", "variable.parameter.s2s"],
    ["model big = transformer(d_model = 6)", "d_model", "variable.parameter.s2s"],
    ["let width = 1", "width", "variable.other.constant.s2s"],
    ["model m { x = width }", "width", "variable.other.s2s"],
    ["model m { lstmm { } }", "lstmm", "entity.name.section.s2s"],
    ["model m { lstm { hiden = 1 } }", "hiden", "variable.other.property.s2s"],
    ["model m { encoder { stack depth { } } }", "depth", "variable.other.s2s"],
    ["model m { source /* note */ { } }", "source", "support.class.section.s2s"],
    ["let x = f(1)", "f", "entity.name.function.s2s"],
  ])("%s: %s", (text, word, scope) => {
    expect(scopeOf(text, word)).toBe(scope);
  });
});

describe("literals, comments and punctuation", () => {
  it.each([
    ["let x = 37_000", "37_000", "constant.numeric.integer.s2s"],
    ["let x = 1e-6", "1e-6", "constant.numeric.float.s2s"],
    ["let x = 0.5", "0.5", "constant.numeric.float.s2s"],
    ['let x = "a\\"b"', '\\"', "constant.character.escape.s2s"],
    ['let x = "a\\qb"', "\\q", "invalid.illegal.unknown-escape.s2s"],
    ["let x = 2 ** 3", "**", "keyword.operator.arithmetic.s2s"],
    ["let x = 2 // two", " two", "comment.line.double-slash.s2s"],
    ["let x = /* two */ 2", " two ", "comment.block.s2s"],
    ["model m { a = 1; b = 2 }", ";", "punctuation.separator.s2s"],
  ])("%s: %s", (text, word, scope) => {
    expect(scopeOf(text, word)).toBe(scope);
  });

  it("keeps a block comment open across lines", () => {
    const tokens = tokenize("/* one\ntwo */ let x = 1");
    expect(tokens.find((t) => t.text === "two ")?.scopes).toContain("comment.block.s2s");
    expect(tokens.find((t) => t.text === "let")?.scopes).toEqual([
      "source.s2s",
      "keyword.other.s2s",
    ]);
  });

  it("ends an unterminated string at the end of its line, as the lexer does", () => {
    const tokens = tokenize('import "a.s2s\nlet x = 1');
    expect(tokens.find((t) => t.text === "let")?.scopes).toEqual([
      "source.s2s",
      "keyword.other.s2s",
    ]);
  });
});
