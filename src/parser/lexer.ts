/**
 * Lexing: text to tokens plus the lexical diagnostics S2S1001–S2S1006.
 *
 * Chevrotain's lexer finds the tokens and skips characters no token matches (each such
 * run becomes S2S1001). A second pass over the tokens validates literals and decodes
 * them into `token.payload` (the number value, the decoded string), so the AST builder
 * never re-parses literal text and each literal problem is reported exactly once.
 */
import { Lexer, type IToken } from "chevrotain";
import { Diagnostics } from "../diagnostics/index.js";
import type { LineMap } from "./line-map.js";
import {
  decodeString,
  explainMalformedNumber,
  isClosedBlockComment,
  numberValue,
} from "./literals.js";
import {
  ALL_TOKENS,
  BlockComment,
  COMMENTS_GROUP,
  FloatLiteral,
  IntLiteral,
  MalformedNumber,
  StringLiteral,
} from "./tokens.js";

let lexer: Lexer | undefined;

/** The one lexer instance, built on first use (construction validates the token set). */
function getLexer(): Lexer {
  lexer ??= new Lexer([...ALL_TOKENS], {
    positionTracking: "onlyOffset",
    // Fail loudly at start-up if a pattern defeats the first-character optimisation.
    ensureOptimizations: true,
  });
  return lexer;
}

export interface LexResult {
  /** The tokens the parser reads; literal tokens carry their decoded value in `payload`. */
  tokens: IToken[];
  /** Line and block comments in source order. */
  comments: IToken[];
  diagnostics: Diagnostics;
  /**
   * Offsets (of a token start, or the text length for end of file) where a parse error
   * would only be a consequence of a lexical error just before: a dropped character or an
   * unclosed comment that swallowed the rest of the file. The parser stays quiet there.
   */
  quietOffsets: Set<number>;
}

export function lex(map: LineMap): LexResult {
  const { text } = map;
  const result = getLexer().tokenize(text);
  const diagnostics = new Diagnostics();
  const quietOffsets = new Set<number>();
  const tokens = result.tokens;
  const comments = result.groups[COMMENTS_GROUP] ?? [];

  for (const err of result.errors) {
    const chars = text.slice(err.offset, err.offset + err.length);
    const hint = unexpectedCharHint(text, err.offset);
    diagnostics.add(
      "S2S1001",
      map.range(err.offset, err.offset + err.length),
      `unexpected ${[...chars].length === 1 ? "character" : "characters"} ${showChars(chars)}`,
      hint === undefined ? {} : { hint },
    );
    quietOffsets.add(nextTokenStart(tokens, err.offset, text.length));
  }

  for (const tok of tokens) checkLiteral(tok, map, diagnostics);

  for (const c of comments) {
    if (c.tokenType === BlockComment && !isClosedBlockComment(c.image)) {
      diagnostics.add(
        "S2S1003",
        map.range(c.startOffset, c.startOffset + 2),
        "unterminated block comment",
        { hint: "close it with `*/` (block comments do not nest)" },
      );
      quietOffsets.add(text.length);
    }
  }
  return { tokens, comments, diagnostics, quietOffsets };
}

/** Validates one literal token and stores its value in `payload`. */
function checkLiteral(tok: IToken, map: LineMap, diagnostics: Diagnostics): void {
  const start = tok.startOffset;
  const end = start + tok.image.length;
  switch (tok.tokenType) {
    case IntLiteral:
    case FloatLiteral: {
      const value = numberValue(tok.image);
      tok.payload = value;
      if (!Number.isFinite(value)) {
        diagnostics.add("S2S1006", map.range(start, end), `number \`${tok.image}\` is too large`);
      } else if (tok.tokenType === IntLiteral && !Number.isSafeInteger(value)) {
        diagnostics.add(
          "S2S1006",
          map.range(start, end),
          `integer \`${tok.image}\` is too large to be exact`,
          { hint: `integers must be at most ${Number.MAX_SAFE_INTEGER}` },
        );
      }
      return;
    }
    case MalformedNumber: {
      const { message, hint } = explainMalformedNumber(tok.image);
      diagnostics.add("S2S1005", map.range(start, end), message, { hint });
      return;
    }
    case StringLiteral: {
      const { value, problems } = decodeString(tok.image);
      tok.payload = value;
      for (const p of problems) {
        if (p.kind === "unterminated") {
          diagnostics.add("S2S1002", map.range(start, end), "unterminated string", {
            hint: 'close it with `"` before the end of the line',
          });
        } else {
          diagnostics.add(
            "S2S1004",
            map.range(start + p.start, start + p.end),
            `invalid escape \`${p.text}\` in string`,
            { hint: 'the escapes are `\\"`, `\\\\` and `\\n`' },
          );
        }
      }
      return;
    }
  }
}

/** The start of the first token at or after `offset` (binary search), or `eof`. */
function nextTokenStart(tokens: readonly IToken[], offset: number, eof: number): number {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo < tokens.length ? tokens[lo]!.startOffset : eof;
}

/** Characters in backticks, or as code points when invisible or awkward to quote. */
function showChars(chars: string): string {
  const shown = [...chars].slice(0, 16).join("");
  const more = shown.length < chars.length ? "…" : "";
  if (/^[\x21-\x5f\x61-\x7e\u00a1-\uffff]+$/u.test(shown) && !/[\s\p{Cf}]/u.test(shown)) {
    return `\`${shown}\`${more}`;
  }
  const codes = [...shown].map(
    (c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`,
  );
  return codes.join(" ") + more;
}

/** A hint for characters people commonly type by habit from other languages. */
function unexpectedCharHint(text: string, offset: number): string | undefined {
  const c = text[offset]!;
  switch (c) {
    case "'":
      return 'strings use double quotes: `"..."`';
    case "#":
      return "comments start with `//`";
    case ":":
      return "settings are written `name = value`";
    case "^":
      return "powers are written `**`";
    case ".":
      return /[0-9]/.test(text[offset + 1] ?? "") ? "write a digit before `.`: `0.5`" : undefined;
  }
  if (/\p{L}/u.test(c)) return "names use ASCII letters, digits and `_`";
  if (/\s/u.test(c)) return "only plain spaces, tabs and newlines count as white space";
  return undefined;
}
