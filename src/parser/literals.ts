/**
 * The shapes of literal tokens (numbers, strings, block comments) and how their text is
 * turned into values.
 *
 * The lexer's patterns only find where a literal ends, and they deliberately accept
 * malformed literals (`1_`, `1e`, an unterminated string, an unclosed `/*`) as one
 * token: that way the error is reported once, precisely, by the lexer, and the parser
 * still sees a number or a string where the user meant one instead of a cascade of
 * unexpected-token errors. The checks live here, next to the decoding.
 */

/** Decimal digits with single `_` separators between them: `37_000`. */
const DIGITS = "[0-9](?:_?[0-9])*";
const EXPONENT = `[eE][+-]?${DIGITS}`;

/** Regex sources (no anchors, Oniguruma-compatible) shared with the token description. */
export const INT_SOURCE = DIGITS;
export const FLOAT_SOURCE = `${DIGITS}(?:\\.${DIGITS}(?:${EXPONENT})?|${EXPONENT})`;
export const IDENTIFIER_SOURCE = "[A-Za-z_][A-Za-z0-9_]*";

const INT_RE = new RegExp(`^${INT_SOURCE}$`);
const FLOAT_RE = new RegExp(`^${FLOAT_SOURCE}$`);

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Letters, digits and `_`: what may glue onto a number and make it one (bad) word. */
function isWordChar(c: number): boolean {
  return isDigit(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
}

/**
 * The end offset of the "number-like run" starting at `offset`, or -1 if there is no
 * digit there. The run is greedy on purpose: it swallows letters, `_`, `.` and an
 * exponent sign so that `1_`, `1e`, `1.`, `0x1F` and `2abc` each become one malformed
 * number rather than a number followed by confusing tokens.
 */
export function scanNumberRun(text: string, offset: number): number {
  if (!isDigit(text.charCodeAt(offset))) return -1;
  let i = offset + 1;
  let mantissaOnly = true; // only digits, `_` and `.` so far: an `e` may start an exponent
  let signed = false;
  for (;;) {
    const c = text.charCodeAt(i);
    if (isWordChar(c) || c === 46 /* . */) {
      if (!isDigit(c) && c !== 95 && c !== 46 && c !== 101 && c !== 69) mantissaOnly = false;
      i++;
      continue;
    }
    const prev = text.charCodeAt(i - 1);
    if ((c === 43 || c === 45) /* + - */ && (prev === 101 || prev === 69) && !signed) {
      // An exponent sign, but only right after an `e` that ends a plain mantissa
      // (`1e-6`); `2abe-1` is a malformed word followed by a minus.
      const before = text.slice(offset, i - 1);
      if (mantissaOnly && /^[0-9_.]*$/.test(before)) {
        signed = true;
        i++;
        continue;
      }
    }
    return i;
  }
}

export type NumberShape = "int" | "float" | "malformed";

export function classifyNumber(image: string): NumberShape {
  if (INT_RE.test(image)) return "int";
  if (FLOAT_RE.test(image)) return "float";
  return "malformed";
}

/** The value of a well-formed number literal (`_` separators removed). */
export function numberValue(image: string): number {
  return Number(image.replace(/_/g, ""));
}

/** Why a number-like run is malformed: a one-line message and a hint. */
export function explainMalformedNumber(image: string): { message: string; hint: string } {
  const message = `malformed number \`${image}\``;
  const forms = "numbers are written like `512`, `37_000`, `0.1` or `1e-6`";
  if (/^[0-9][0-9_]*[A-DF-Za-df-z]/.test(image) && !/^0[xXbBoO]/.test(image)) {
    return { message, hint: "a name cannot start with a digit" };
  }
  if (/__|_$|_\.|\._|_[eE]|[eE][+-]?_/.test(image)) {
    return { message, hint: "`_` may only stand between two digits" };
  }
  if (/[eE][+-]?$/.test(image)) return { message, hint: "the exponent needs digits: `1e-6`" };
  if (/\.$|\.[eE]/.test(image)) return { message, hint: "write a digit after `.`: `1.0`" };
  if ((image.match(/\./g) ?? []).length > 1) {
    return { message, hint: "a number has at most one `.`" };
  }
  return { message, hint: forms };
}

/**
 * The end offset of the string literal starting at `offset` (which holds `"`). A string
 * stops at its closing quote, or, unterminated, before the end of the line or file:
 * strings cannot span lines, so the rest of the file is not swallowed.
 */
export function scanString(text: string, offset: number): number {
  let i = offset + 1;
  for (;;) {
    const c = text.charCodeAt(i);
    if (Number.isNaN(c) || c === 10 || c === 13) return i;
    if (c === 34) return i + 1;
    if (c === 92 /* \ */) {
      const next = text.charCodeAt(i + 1);
      i += Number.isNaN(next) || next === 10 || next === 13 ? 1 : 2;
      continue;
    }
    i++;
  }
}

export interface StringProblem {
  kind: "unterminated" | "escape";
  /** Offsets relative to the start of the literal. */
  start: number;
  end: number;
  text: string;
}

/**
 * Decodes a string literal's image (quotes included). An invalid escape is kept as
 * written (both characters) so that the value stays close to what the user typed.
 */
export function decodeString(image: string): { value: string; problems: StringProblem[] } {
  const problems: StringProblem[] = [];
  let value = "";
  let i = 1;
  let closed = false;
  while (i < image.length) {
    const ch = image[i]!;
    if (ch === '"') {
      closed = true;
      break;
    }
    if (ch === "\\") {
      const next = image[i + 1];
      if (next === '"' || next === "\\") value += next;
      else if (next === "n") value += "\n";
      else if (next === undefined) {
        // A backslash right before the end of the line: the string is unterminated,
        // which is reported once; the backslash is not a second problem.
        value += ch;
      } else {
        const bad = `\\${next}`;
        problems.push({ kind: "escape", start: i, end: i + 2, text: bad });
        value += bad;
      }
      i += 2;
      continue;
    }
    value += ch;
    i++;
  }
  if (!closed) problems.unshift({ kind: "unterminated", start: 0, end: image.length, text: image });
  return { value, problems };
}

/** The end offset of a block comment starting at `offset` (which holds `/*`). */
export function scanBlockComment(text: string, offset: number): number {
  const close = text.indexOf("*/", offset + 2);
  return close < 0 ? text.length : close + 2;
}

export function isClosedBlockComment(image: string): boolean {
  return image.length >= 4 && image.endsWith("*/");
}
