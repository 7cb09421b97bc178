/**
 * The token vocabulary of `.s2s` (language brief §1), shared by the lexer and the parser.
 *
 * Order matters in `ALL_TOKENS`: chevrotain tries patterns in list order and takes the
 * first match (not the longest), so white space comes first (it is the most common),
 * comments come before `/`, `**` before `*`, and reserved words before `Identifier`
 * (with `longer_alt: Identifier` so that `models` or `letter` stay identifiers).
 *
 * Malformed numbers, unterminated strings and unclosed block comments are lexed as
 * ordinary tokens of their kind on purpose; `lexer.ts` reports them (see literals.ts).
 */
import { createToken, Lexer, type TokenType } from "chevrotain";
import {
  classifyNumber,
  FLOAT_SOURCE,
  IDENTIFIER_SOURCE,
  INT_SOURCE,
  scanBlockComment,
  scanNumberRun,
  scanString,
} from "./literals.js";

const DIGIT_CHARS = "0123456789".split("");

/** A custom pattern that matches the number-like run at `offset` if it has `shape`. */
function numberPattern(shape: "int" | "float" | "malformed") {
  return {
    exec(text: string, offset: number): [string] | null {
      const end = scanNumberRun(text, offset);
      if (end < 0) return null;
      const image = text.slice(offset, end);
      return classifyNumber(image) === shape ? [image] : null;
    },
  };
}

// --- Abstract categories (no pattern): what the parser consumes -------------------------

/** Any number literal; the concrete type says int, float or malformed. */
export const NumberLiteral = createToken({ name: "NumberLiteral", pattern: Lexer.NA });
/** The reserved words, so the parser can accept one where a name is expected and report it. */
export const ReservedWord = createToken({ name: "ReservedWord", pattern: Lexer.NA });
/** `;` and `,` between members: allowed and ignored. */
export const Separator = createToken({ name: "Separator", pattern: Lexer.NA });
/** The binary operators; their precedence is applied when the AST is built. */
export const BinaryOperator = createToken({ name: "BinaryOperator", pattern: Lexer.NA });

// --- Trivia -----------------------------------------------------------------------------

/** The chevrotain token group that collects comments (`lexResult.groups.comments`). */
export const COMMENTS_GROUP = "comments";

export const WhiteSpace = createToken({
  name: "WhiteSpace",
  // U+FEFF: a byte-order mark is invisible and harmless, so it is just white space.
  pattern: /[ \t\r\n\f\v\uFEFF]+/,
  group: Lexer.SKIPPED,
  line_breaks: true,
});
export const LineComment = createToken({
  name: "LineComment",
  pattern: /\/\/[^\n\r]*/,
  group: COMMENTS_GROUP,
});
export const BlockComment = createToken({
  name: "BlockComment",
  pattern: {
    exec: (text: string, offset: number): [string] | null =>
      text.startsWith("/*", offset) ? [text.slice(offset, scanBlockComment(text, offset))] : null,
  },
  start_chars_hint: ["/"],
  group: COMMENTS_GROUP,
  line_breaks: true,
});

// --- Literals ---------------------------------------------------------------------------

export const StringLiteral = createToken({
  name: "StringLiteral",
  label: "a string",
  pattern: {
    exec: (text: string, offset: number): [string] | null =>
      text.charCodeAt(offset) === 34 ? [text.slice(offset, scanString(text, offset))] : null,
  },
  start_chars_hint: ['"'],
  line_breaks: false,
});
export const FloatLiteral = createToken({
  name: "FloatLiteral",
  label: "a number",
  pattern: numberPattern("float"),
  start_chars_hint: DIGIT_CHARS,
  line_breaks: false,
  categories: [NumberLiteral],
});
export const IntLiteral = createToken({
  name: "IntLiteral",
  label: "a number",
  pattern: numberPattern("int"),
  start_chars_hint: DIGIT_CHARS,
  line_breaks: false,
  categories: [NumberLiteral],
});
/** A number-like run that is neither an int nor a float (`1_`, `1e`, `0x1F`). */
export const MalformedNumber = createToken({
  name: "MalformedNumber",
  label: "a number",
  pattern: numberPattern("malformed"),
  start_chars_hint: DIGIT_CHARS,
  line_breaks: false,
  categories: [NumberLiteral],
});

// --- Words ------------------------------------------------------------------------------

export const Identifier = createToken({
  name: "Identifier",
  label: "a name",
  pattern: new RegExp(IDENTIFIER_SOURCE),
});

function keyword(word: string): TokenType {
  const name = word[0]!.toUpperCase() + word.slice(1);
  return createToken({
    name,
    label: `\`${word}\``,
    pattern: new RegExp(`${word}`),
    longer_alt: Identifier,
    categories: [ReservedWord],
  });
}

export const Model = keyword("model");
export const Extends = keyword("extends");
export const Import = keyword("import");
export const Let = keyword("let");
export const Stack = keyword("stack");
export const True = keyword("true");
export const False = keyword("false");

/** The reserved words of the language, in the brief's order. */
export const RESERVED_WORDS = [
  "model",
  "extends",
  "import",
  "let",
  "stack",
  "true",
  "false",
] as const;

const KEYWORD_TOKENS: readonly TokenType[] = [Model, Extends, Import, Let, Stack, True, False];

// --- Punctuation ------------------------------------------------------------------------

function punct(name: string, text: string, categories: TokenType[] = []): TokenType {
  const escaped = text.replace(/[*+/()[\]{}]/g, "\\$&");
  return createToken({ name, label: `\`${text}\``, pattern: new RegExp(escaped), categories });
}

export const StarStar = punct("StarStar", "**", [BinaryOperator]);
export const Star = punct("Star", "*", [BinaryOperator]);
export const Slash = punct("Slash", "/", [BinaryOperator]);
export const Percent = punct("Percent", "%", [BinaryOperator]);
export const Plus = punct("Plus", "+", [BinaryOperator]);
export const Minus = punct("Minus", "-", [BinaryOperator]);
export const Equals = punct("Equals", "=");
export const LBrace = punct("LBrace", "{");
export const RBrace = punct("RBrace", "}");
export const LParen = punct("LParen", "(");
export const RParen = punct("RParen", ")");
export const LBracket = punct("LBracket", "[");
export const RBracket = punct("RBracket", "]");
export const Comma = punct("Comma", ",", [Separator]);
export const Semicolon = punct("Semicolon", ";", [Separator]);

/** Every token type, in lexing order (categories first; they have no pattern). */
export const ALL_TOKENS: readonly TokenType[] = [
  NumberLiteral,
  ReservedWord,
  Separator,
  BinaryOperator,
  WhiteSpace,
  LineComment,
  BlockComment,
  StringLiteral,
  FloatLiteral,
  IntLiteral,
  MalformedNumber,
  ...KEYWORD_TOKENS,
  Identifier,
  StarStar,
  Star,
  Slash,
  Percent,
  Plus,
  Minus,
  Equals,
  LBrace,
  RBrace,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Semicolon,
];

// --- Machine-readable description ---------------------------------------------------------

/**
 * One lexical category, described for tools that cannot run this lexer: the TextMate
 * grammar is generated from (and checked against) this list. Regex sources are
 * Oniguruma-compatible. `scope` is the suggested TextMate scope. `tokens` names the
 * lexer tokens the category covers (test/parser checks that every token is covered).
 */
export type TokenCategory =
  | { category: string; scope: string; tokens: string[]; words: string[] }
  | { category: string; scope: string; tokens: string[]; match: string }
  | {
      category: string;
      scope: string;
      tokens: string[];
      begin: string;
      end: string;
      escapes?: string[];
    };

export const TOKEN_CATEGORIES: readonly TokenCategory[] = [
  {
    category: "comment.line",
    scope: "comment.line.double-slash.s2s",
    tokens: ["LineComment"],
    begin: "//",
    end: "$",
  },
  {
    // Not nested: the first `*/` closes the comment.
    category: "comment.block",
    scope: "comment.block.s2s",
    tokens: ["BlockComment"],
    begin: "/\\*",
    end: "\\*/",
  },
  {
    // Strings do not span lines; the escapes are exactly these three.
    category: "string",
    scope: "string.quoted.double.s2s",
    tokens: ["StringLiteral"],
    begin: '"',
    end: '"|$',
    escapes: ['\\"', "\\\\", "\\n"],
  },
  {
    category: "keyword",
    scope: "keyword.other.s2s",
    tokens: ["Model", "Extends", "Import", "Let", "Stack"],
    words: ["model", "extends", "import", "let", "stack"],
  },
  {
    category: "constant.boolean",
    scope: "constant.language.boolean.s2s",
    tokens: ["True", "False"],
    words: ["true", "false"],
  },
  {
    // Listed before the integer so that a tool trying them in order matches `0.1` whole.
    category: "number.float",
    scope: "constant.numeric.float.s2s",
    tokens: ["FloatLiteral"],
    match: `\\b${FLOAT_SOURCE}\\b`,
  },
  {
    category: "number.int",
    scope: "constant.numeric.integer.s2s",
    tokens: ["IntLiteral"],
    match: `\\b${INT_SOURCE}\\b`,
  },
  {
    category: "identifier",
    scope: "variable.other.s2s",
    tokens: ["Identifier"],
    match: `\\b${IDENTIFIER_SOURCE}\\b`,
  },
  {
    category: "operator.arithmetic",
    scope: "keyword.operator.arithmetic.s2s",
    tokens: ["StarStar", "Star", "Slash", "Percent", "Plus", "Minus"],
    words: ["**", "*", "/", "%", "+", "-"],
  },
  {
    category: "operator.assignment",
    scope: "keyword.operator.assignment.s2s",
    tokens: ["Equals"],
    words: ["="],
  },
  {
    category: "punctuation.brackets",
    scope: "punctuation.section.brackets.s2s",
    tokens: ["LBrace", "RBrace", "LParen", "RParen", "LBracket", "RBracket"],
    words: ["{", "}", "(", ")", "[", "]"],
  },
  {
    category: "punctuation.separator",
    scope: "punctuation.separator.s2s",
    tokens: ["Comma", "Semicolon"],
    words: [",", ";"],
  },
];

/**
 * Tokens that no category describes, with the reason: white space is skipped and a
 * malformed number is an error token (highlighted as a number would be misleading).
 */
export const UNDESCRIBED_TOKENS: Readonly<Record<string, string>> = {
  WhiteSpace: "skipped",
  MalformedNumber: "error (S2S1005)",
};
