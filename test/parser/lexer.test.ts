/**
 * The lexer (brief §1): token kinds, literal values, comments, and the lexical
 * diagnostics S2S1001–S2S1006 at exact positions.
 */
import { describe, expect, it } from "vitest";
import type { NumberLit, StringLit } from "../../src/parser/ast.js";
import { parse, RESERVED_WORDS, tokenize } from "../../src/parser/index.js";
import { expectOnly, parseOk } from "./helpers.js";

function types(text: string): string[] {
  return tokenize(text, "t.s2s").tokens.map((t) => t.type);
}

/** The value of `let a = <literal>` as parsed. */
function literal(src: string): NumberLit | StringLit {
  const ast = parseOk(`let a = ${src}\n`);
  const item = ast.items[0]!;
  if (item.kind !== "Let") throw new Error("not a let");
  return item.value as NumberLit | StringLit;
}

describe("tokens", () => {
  it("tells reserved words from identifiers that merely start like them", () => {
    expect(
      types("model models extends import importer let letter stack stack_ true truth false _x x1"),
    ).toEqual([
      "Model",
      "Identifier",
      "Extends",
      "Import",
      "Identifier",
      "Let",
      "Identifier",
      "Stack",
      "Identifier",
      "True",
      "Identifier",
      "False",
      "Identifier",
      "Identifier",
    ]);
  });

  it("lexes every reserved word as a keyword", () => {
    for (const w of RESERVED_WORDS) expect(types(w)).toEqual([w[0]!.toUpperCase() + w.slice(1)]);
  });

  it("lexes punctuation, with `**` as one token", () => {
    expect(types("= { } ( ) [ ] , ; + - * / % ** ***")).toEqual([
      "Equals",
      "LBrace",
      "RBrace",
      "LParen",
      "RParen",
      "LBracket",
      "RBracket",
      "Comma",
      "Semicolon",
      "Plus",
      "Minus",
      "Star",
      "Slash",
      "Percent",
      "StarStar",
      "StarStar",
      "Star",
    ]);
  });

  it("distinguishes integers from floats", () => {
    expect(types("512 37_000 0.1 1e-6 2.5E+3 1_000.000_1 007")).toEqual([
      "IntLiteral",
      "IntLiteral",
      "FloatLiteral",
      "FloatLiteral",
      "FloatLiteral",
      "FloatLiteral",
      "IntLiteral",
    ]);
  });

  it("gives token ranges with 1-based lines and columns", () => {
    const [, b] = tokenize("let\n  b = 1", "t.s2s").tokens;
    expect(b).toMatchObject({
      type: "Identifier",
      text: "b",
      range: {
        file: "t.s2s",
        start: { offset: 6, line: 2, column: 3 },
        end: { offset: 7, line: 2, column: 4 },
      },
    });
  });

  it("keeps `n-1` and `2-1` as three tokens (a sign only follows an exponent's `e`)", () => {
    expect(types("n-1 2-1 1e-1")).toEqual([
      "Identifier",
      "Minus",
      "IntLiteral",
      "IntLiteral",
      "Minus",
      "IntLiteral",
      "FloatLiteral",
    ]);
  });
});

describe("literal values", () => {
  it.each([
    ["512", 512, true],
    ["37_000", 37000, true],
    ["160_000", 160000, true],
    ["0.1", 0.1, false],
    ["1e-6", 1e-6, false],
    ["1E6", 1e6, false],
    ["1_0.5_0", 10.5, false],
  ])("%s is %d (int: %s)", (src, value, isInt) => {
    expect(literal(src)).toMatchObject({ kind: "Number", value, isInt, text: src });
  });

  it("decodes the three string escapes", () => {
    expect(literal(String.raw`"a\"b\\c\nd"`)).toMatchObject({ kind: "String", value: 'a"b\\c\nd' });
    expect(literal('""')).toMatchObject({ kind: "String", value: "" });
    expect(literal('"// not a comment"')).toMatchObject({
      kind: "String",
      value: "// not a comment",
    });
  });
});

describe("comments", () => {
  it("are collected in source order with style, text and range", () => {
    const text = "// one\nlet a = 1 /* two\n lines */ let b = 2 // three";
    const { comments } = parseOk(text);
    expect(
      comments.map((c) => [
        c.style,
        c.text,
        c.range.start.line,
        c.range.start.column,
        c.range.end.offset,
      ]),
    ).toEqual([
      ["line", "// one", 1, 1, 6],
      ["block", "/* two\n lines */", 2, 11, 33],
      ["line", "// three", 3, 21, text.length],
    ]);
  });

  it("do not nest: the first `*/` closes a block comment", () => {
    const { ast, diagnostics } = parse("/* a /* b */ let c = 1", "t.s2s");
    expect(diagnostics).toEqual([]);
    expect(ast.comments.map((c) => c.text)).toEqual(["/* a /* b */"]);
    // So a nested-looking comment leaves a stray `*/` behind.
    expect(parse("/* a /* b */ */ let c = 1", "t.s2s").diagnostics.map((d) => d.code)).toEqual([
      "S2S1011",
    ]);
  });

  it("are not tokens", () => {
    expect(types("a // b\n/* c */ d")).toEqual(["Identifier", "Identifier"]);
  });
});

describe("lexical diagnostics", () => {
  it("S2S1001 unexpected character, with the parse continuing quietly after it", () => {
    const [d] = expectOnly("let a = 1 $ 2\nlet b = 2\n", ["S2S1001 1:11"]);
    expect(d!.message).toBe("unexpected character `$`");
    expect(d!.range.end.column).toBe(12);
  });

  it("S2S1001 reports a run of unexpected characters once", () => {
    const [d] = expectOnly("model m { a = 1 }\n@@@\n", ["S2S1001 2:1"]);
    expect(d!.message).toBe("unexpected characters `@@@`");
  });

  it("S2S1001 hints at habits from other languages", () => {
    expect(parse("let a = 'x'\n", "t").diagnostics[0]?.hint).toMatch(/double quotes/);
    expect(parse("# comment\n", "t").diagnostics[0]?.hint).toMatch(/`\/\/`/);
    expect(parse("let a = .5\n", "t").diagnostics[0]?.hint).toMatch(/0\.5/);
  });

  it("S2S1001 shows invisible characters as code points", () => {
    const { diagnostics } = parse("let a\u00a0= 1\n", "t");
    expect(diagnostics[0]).toMatchObject({
      code: "S2S1001",
      message: "unexpected character U+00A0",
    });
  });

  it("S2S1002 unterminated string, stopping at the end of the line", () => {
    const [d] = expectOnly('import "a.s2s\nlet b = 2\n', ["S2S1002 1:8"]);
    expect(d!.range.end).toMatchObject({ line: 1, column: 14 });
    expect(parse('import "a.s2s\nlet b = 2\n', "t").ast.items).toHaveLength(2);
  });

  it("S2S1002 at the end of the file", () => {
    expectOnly('let a = "abc', ["S2S1002 1:9"]);
  });

  it("S2S1003 unterminated block comment, pointing at its `/*`", () => {
    const [d] = expectOnly("let a = 1\n/* never closed\nmodel m {\n", ["S2S1003 2:1"]);
    expect(d!.range.end).toMatchObject({ line: 2, column: 3 });
  });

  it("S2S1004 invalid escape, pointing at the backslash", () => {
    const [d] = expectOnly('import "a\\q.s2s"\n', ["S2S1004 1:10"]);
    expect(d!.message).toBe("invalid escape `\\q` in string");
    expect(d!.range.end.column).toBe(12);
  });

  it("S2S1004 for each bad escape of a string", () => {
    expectOnly('let a = "\\t and \\u0041"\n', ["S2S1004 1:10", "S2S1004 1:17"]);
  });

  it.each([
    ["1_", "`_` may only stand"],
    ["1__000", "`_` may only stand"],
    ["1_.5", "`_` may only stand"],
    ["1e", "exponent needs digits"],
    ["1e+", "exponent needs digits"],
    ["1.", "digit after `.`"],
    ["1.e5", "digit after `.`"],
    ["1.2.3", "at most one `.`"],
    ["2abc", "cannot start with a digit"],
    ["0x1F", "written like"],
  ])("S2S1005 malformed number %s as one token", (src, hint) => {
    const [d] = expectOnly(`let a = ${src}\nlet b = 2\n`, ["S2S1005 1:9"]);
    expect(d!.message).toBe(`malformed number \`${src}\``);
    expect(d!.hint).toContain(hint);
    expect(d!.range.end.column).toBe(9 + src.length);
  });

  it("S2S1006 number too large", () => {
    expectOnly("let a = 1e999\n", ["S2S1006 1:9"]);
    expectOnly("let a = 90071992547409930\n", ["S2S1006 1:9"]);
    parseOk("let a = 9007199254740991\nlet b = 1e300\n");
  });
});

describe("tokenize (for the formatter)", () => {
  it("returns tokens, comments and lexical diagnostics separately", () => {
    const { tokens, comments, diagnostics } = tokenize("let a = 1_ // c\n$", "t.s2s");
    expect(tokens.map((t) => `${t.type}:${t.text}`)).toEqual([
      "Let:let",
      "Identifier:a",
      "Equals:=",
      "MalformedNumber:1_",
    ]);
    expect(comments.map((c) => c.text)).toEqual(["// c"]);
    expect(diagnostics.map((d) => d.code)).toEqual(["S2S1005", "S2S1001"]);
  });

  it("never throws", () => {
    expect(
      tokenize(undefined as unknown as string, "t.s2s").diagnostics.map((d) => d.code),
    ).toEqual(["S2S1099"]);
  });
});

describe("line ends and invisible characters", () => {
  it("counts columns after CRLF line ends from the start of the line", () => {
    const [d] = expectOnly("let a = 1\r\nlet b = $\r\n", ["S2S1001 2:9"]);
    expect(d!.range.start.offset).toBe(19);
  });

  it("treats a byte-order mark as white space", () => {
    parseOk("\uFEFFlet a = 1\n");
  });

  it("accepts tabs and form feeds as white space", () => {
    parseOk("model m {\n\tvocab = 1\f}\n");
  });
});
