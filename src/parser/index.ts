/**
 * The parser's API: text in, AST and diagnostics out.
 *
 * Architecture invariant: parsing never fails. `parse` returns a tree (possibly with
 * constructs dropped, see to-ast.ts) and diagnostics for every input, and never throws:
 * an internal failure becomes diagnostic S2S1099 instead of escaping.
 *
 * Stages: lex (lexer.ts) → nesting guard → parse to a CST (parser.ts) → syntax
 * diagnostics (errors.ts) → AST (to-ast.ts).
 */
import type { IToken } from "chevrotain";
import { type Diagnostic, Diagnostics, sortDiagnostics } from "../diagnostics/index.js";
import type { SourceRange } from "../diagnostics/index.js";
import type { Comment, FileNode } from "./ast.js";
import type { FileCstNode } from "./cst.js";
import { syntaxDiagnostics } from "./errors.js";
import { lex } from "./lexer.js";
import { LineMap } from "./line-map.js";
import { discardParser, getParser } from "./parser.js";
import { AstBuilder } from "./to-ast.js";
import { LBrace, LBracket, LineComment, LParen, RBrace, RBracket, RParen } from "./tokens.js";

export { RESERVED_WORDS, TOKEN_CATEGORIES, type TokenCategory } from "./tokens.js";
export { MAX_EXPRESSION_DEPTH } from "./to-ast.js";
export { serializedGrammar } from "./parser.js";
export * from "./ast.js";

export interface ParseResult {
  ast: FileNode;
  /** Lexical and syntax diagnostics, sorted by position. */
  diagnostics: Diagnostic[];
}

/**
 * Brackets (`{`, `(`, `[`) may nest at most this deep. The parser is recursive, so a
 * pathological input (thousands of `(`) would otherwise exhaust the stack; real specs
 * nest a handful of levels. Measured with Node's default stack, the parser survives
 * about twice this depth even when recovering from an error at the innermost level
 * (the most stack-hungry case); should it still overflow (a smaller stack), that is
 * reported as S2S1014 too, never as an exception.
 */
export const MAX_NESTING = 64;

/** Parses one file. Never throws. */
export function parse(text: string, path: string): ParseResult {
  try {
    return parseOrThrow(text, path);
  } catch (e) {
    // The instance may be in a bad state after an exception escaped a rule.
    discardParser();
    try {
      if (e instanceof RangeError && typeof text === "string") return stackExhausted(text, path);
    } catch {
      // Reported below as what it is: an internal error.
    }
    return internalError(text, path, e);
  }
}

function parseOrThrow(text: string, path: string): ParseResult {
  const map = new LineMap(path, text);
  const lexed = lex(map);
  const diagnostics = lexed.diagnostics;
  const comments = lexed.comments.map((t) => toComment(t, map));

  const tooDeep = nestingViolation(lexed.tokens);
  if (tooDeep !== undefined) {
    diagnostics.add(
      "S2S1014",
      map.range(tooDeep.startOffset, tooDeep.startOffset + 1),
      NESTING_MESSAGE,
      {
        hint: "the file was not parsed further",
      },
    );
    return { ast: emptyFile(map, comments), diagnostics: sortDiagnostics(diagnostics.items) };
  }

  const parser = getParser();
  parser.input = lexed.tokens;
  const cst = parser.file() as FileCstNode;
  const errors = parser.errors;
  parser.input = []; // do not keep the tokens alive until the next parse

  diagnostics.push(
    ...syntaxDiagnostics(errors, { map, tokens: lexed.tokens, quietOffsets: lexed.quietOffsets }),
  );
  const ast = new AstBuilder(map, diagnostics).file(cst, comments);
  return { ast, diagnostics: sortDiagnostics(diagnostics.items) };
}

const NESTING_MESSAGE = `brackets are nested more than ${MAX_NESTING} levels deep`;

const OPENERS = new Set([LBrace, LParen, LBracket]);
const CLOSERS = new Set([RBrace, RParen, RBracket]);

/** The first opening bracket deeper than `MAX_NESTING`, if any. */
function nestingViolation(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  for (const t of tokens) {
    if (OPENERS.has(t.tokenType)) {
      if (++depth > MAX_NESTING) return t;
    } else if (CLOSERS.has(t.tokenType)) {
      depth = Math.max(0, depth - 1);
    }
  }
  return undefined;
}

/** The first opening bracket at the greatest depth, if any. */
function deepestBracket(tokens: readonly IToken[]): IToken | undefined {
  let depth = 0;
  let max = 0;
  let deepest: IToken | undefined;
  for (const t of tokens) {
    if (OPENERS.has(t.tokenType)) {
      if (++depth > max) [max, deepest] = [depth, t];
    } else if (CLOSERS.has(t.tokenType)) {
      depth = Math.max(0, depth - 1);
    }
  }
  return deepest;
}

/**
 * The parser ran out of stack below `MAX_NESTING` (a smaller stack than Node's default):
 * report it like nesting that is too deep, at the deepest bracket, instead of crashing.
 */
function stackExhausted(text: string, path: string): ParseResult {
  const map = new LineMap(path, text);
  const lexed = lex(map);
  const deepest = deepestBracket(lexed.tokens);
  const at = deepest?.startOffset ?? 0;
  const diagnostics = lexed.diagnostics;
  diagnostics.add(
    "S2S1014",
    map.range(at, deepest === undefined ? at : at + 1),
    "brackets are nested too deeply to parse",
    { hint: "the file was not parsed further" },
  );
  const comments = lexed.comments.map((t) => toComment(t, map));
  return { ast: emptyFile(map, comments), diagnostics: sortDiagnostics(diagnostics.items) };
}

function toComment(tok: IToken, map: LineMap): Comment {
  return {
    kind: "Comment",
    style: tok.tokenType === LineComment ? "line" : "block",
    text: tok.image,
    range: map.range(tok.startOffset, tok.startOffset + tok.image.length),
  };
}

function emptyFile(map: LineMap, comments: Comment[]): FileNode {
  return {
    kind: "File",
    path: map.file,
    range: map.range(0, map.text.length),
    items: [],
    comments,
  };
}

function internalError(text: string, path: string, e: unknown): ParseResult {
  const map = new LineMap(path, typeof text === "string" ? text : "");
  const diagnostics = new Diagnostics();
  const detail = e instanceof Error ? e.message : String(e);
  diagnostics.add(
    "S2S1099",
    map.range(0, 0),
    `internal error in the parser: ${detail.split("\n")[0]}`,
    {
      hint: "this is a bug in s2sc; please report it with the input file",
    },
  );
  return { ast: emptyFile(map, []), diagnostics: diagnostics.items };
}

/** A token as the formatter and other tools see it. */
export interface Token {
  /** The token type's name: `Identifier`, `IntLiteral`, `LBrace`, `Model`, ... */
  type: string;
  /** The text as written. */
  text: string;
  range: SourceRange;
}

export interface TokenizeResult {
  /** Tokens in source order, without white space and comments. */
  tokens: Token[];
  /** Comments in source order. */
  comments: Comment[];
  /** Lexical diagnostics only (S2S1001–S2S1006). */
  diagnostics: Diagnostic[];
}

/** Lexes one file (for the formatter and editor tooling). Never throws. */
export function tokenize(text: string, path: string): TokenizeResult {
  try {
    const map = new LineMap(path, text);
    const lexed = lex(map);
    return {
      tokens: lexed.tokens.map((t) => ({
        type: t.tokenType.name,
        text: t.image,
        range: map.range(t.startOffset, t.startOffset + t.image.length),
      })),
      comments: lexed.comments.map((t) => toComment(t, map)),
      diagnostics: sortDiagnostics(lexed.diagnostics.items),
    };
  } catch (e) {
    return { tokens: [], comments: [], diagnostics: internalError(text, path, e).diagnostics };
  }
}
