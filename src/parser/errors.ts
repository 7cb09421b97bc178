/**
 * Syntax errors: from chevrotain's recognition exceptions to diagnostics S2S1010–S2S1013.
 *
 * Chevrotain builds an error's message at the moment of the error, through the message
 * provider, and that is the only place that knows *what was expected*. But a good message
 * also needs context the provider does not see (the tokens around the error, the
 * unclosed `{`). So the provider below only records the facts, as JSON in the message
 * string, and `syntaxDiagnostics` turns facts plus context into the final code, message,
 * hint and range.
 */
import {
  EOF,
  type IParserErrorMessageProvider,
  type IRecognitionException,
  type IToken,
  type TokenType,
  tokenMatcher,
} from "chevrotain";
import type { Code, Diagnostic, Related } from "../diagnostics/index.js";
import { Diagnostics } from "../diagnostics/index.js";
import type { LineMap } from "./line-map.js";
import {
  ALL_TOKENS,
  Identifier,
  LBrace,
  LBracket,
  LParen,
  RBrace,
  RBracket,
  ReservedWord,
  RParen,
  Separator,
  Stack,
  StringLiteral,
} from "./tokens.js";

/** What the provider records about an error. */
interface ErrorFacts {
  kind: "mismatch" | "noViableAlt" | "earlyExit" | "redundant";
  rule: string;
  /** Names of the token types that could have come next. */
  expected: string[];
}

function record(facts: ErrorFacts): string {
  return JSON.stringify(facts);
}

/** The first token type of each expected path, without duplicates. */
function firstTypes(paths: TokenType[][]): string[] {
  const names = paths.map((p) => p[0]?.name).filter((n): n is string => n !== undefined);
  return [...new Set(names)];
}

export const errorMessageProvider: IParserErrorMessageProvider = {
  buildMismatchTokenMessage: ({ expected, ruleName }) =>
    record({ kind: "mismatch", rule: ruleName, expected: [expected.name] }),
  buildNotAllInputParsedMessage: ({ ruleName }) =>
    record({ kind: "redundant", rule: ruleName, expected: ["EOF"] }),
  buildNoViableAltMessage: ({ expectedPathsPerAlt, ruleName }) =>
    record({
      kind: "noViableAlt",
      rule: ruleName,
      expected: firstTypes(expectedPathsPerAlt.flat()),
    }),
  buildEarlyExitMessage: ({ expectedIterationPaths, ruleName }) =>
    record({ kind: "earlyExit", rule: ruleName, expected: firstTypes(expectedIterationPaths) }),
};

function readFacts(message: string): ErrorFacts | undefined {
  try {
    const facts = JSON.parse(message) as Partial<ErrorFacts>;
    if (
      typeof facts.kind === "string" &&
      typeof facts.rule === "string" &&
      Array.isArray(facts.expected)
    ) {
      return facts as ErrorFacts;
    }
  } catch {
    // Not ours: fall through to the generic message.
  }
  return undefined;
}

/** How expected token types are named in messages. */
const EXPECTED_TEXT: Record<string, string> = {
  EOF: "the end of the file",
  Identifier: "a name",
  ReservedWord: "a name",
  NumberLiteral: "a number",
  IntLiteral: "a number",
  FloatLiteral: "a number",
  MalformedNumber: "a number",
  StringLiteral: "a string",
  Separator: "`,` or `;`",
  BinaryOperator: "an operator",
};

function expectedText(name: string): string {
  return EXPECTED_TEXT[name] ?? labelOf(name);
}

/** The labels of the vocabulary (`\`=\``, `\`model\``), by token name. */
const LABELS = new Map(
  ALL_TOKENS.filter((t) => t.LABEL !== undefined).map((t) => [t.name, t.LABEL!] as const),
);
function labelOf(name: string): string {
  return LABELS.get(name) ?? name;
}

function orList(items: string[]): string {
  const unique = [...new Set(items)];
  if (unique.length <= 1) return unique[0] ?? "something else";
  return `${unique.slice(0, -1).join(", ")} or ${unique[unique.length - 1]}`;
}

function isEof(tok: IToken): boolean {
  return tok.tokenType === EOF;
}

/** How the token that was found is named in messages. */
function foundText(tok: IToken): string {
  if (isEof(tok)) return "the end of the file";
  if (tok.tokenType === StringLiteral && tok.image.length > 24) return "a string";
  const image = tok.image.length > 24 ? `${tok.image.slice(0, 24)}…` : tok.image;
  return `\`${image}\``;
}

/** The message of S2S1013, shared with to-ast.ts (which reports accepted reserved names). */
export function reservedNameMessage(word: string): { message: string; hint: string } {
  return {
    message: `\`${word}\` is a reserved word and cannot be used as a name`,
    hint: `choose another name, such as \`${word}_\``,
  };
}

const DECLARATION = "a declaration (`import`, `let` or `model`)";
const MEMBER = "a setting, section, `stack`, `let` or `}`";

export interface SyntaxContext {
  map: LineMap;
  tokens: readonly IToken[];
  quietOffsets: ReadonlySet<number>;
}

/**
 * Converts the parser's errors into diagnostics: one per token at most (recovery can
 * stumble more than once at the same place), none where a lexical error already
 * explains the problem.
 */
export function syntaxDiagnostics(
  errors: readonly IRecognitionException[],
  ctx: SyntaxContext,
): Diagnostic[] {
  const out = new Diagnostics();
  const seen = new Set<number>();
  for (const e of errors) {
    const tok = e.token;
    const at = isEof(tok) || Number.isNaN(tok.startOffset) ? ctx.map.text.length : tok.startOffset;
    if (seen.has(at) || ctx.quietOffsets.has(at)) continue;
    seen.add(at);
    const range = isEof(tok) ? ctx.map.endOfFile() : ctx.map.range(at, at + tok.image.length);
    const facts = readFacts(e.message);
    const d = describe(facts, tok, e.context?.ruleStack ?? [], ctx);
    const extra: { hint?: string; related?: Related[] } = {};
    if (d.hint !== undefined) extra.hint = d.hint;
    if (d.related !== undefined) extra.related = d.related;
    out.add(d.code, range, d.message, extra);
  }
  return out.items;
}

interface Described {
  code: Code;
  message: string;
  hint?: string;
  related?: Related[];
}

function describe(
  facts: ErrorFacts | undefined,
  tok: IToken,
  ruleStack: readonly string[],
  ctx: SyntaxContext,
): Described {
  const found = foundText(tok);
  if (facts === undefined) return { code: "S2S1010", message: `unexpected ${found}` };
  const { kind, rule, expected } = facts;
  const index = tokenIndex(ctx.tokens, tok);
  const previous = index > 0 ? ctx.tokens[index - 1] : undefined;
  const what = expectation(facts, previous, ruleStack, isEof(tok));

  // Junk between declarations: the top-level repetition wanted another declaration
  // (or the end of the file) and skipped ahead to the next `import`, `let` or `model`.
  if (rule === "file" && (kind === "redundant" || expected.includes("EOF"))) {
    return {
      code: "S2S1011",
      message: `expected ${DECLARATION} but found ${found}`,
      ...topLevelHint(ctx.tokens, index),
    };
  }

  if (isEof(tok)) {
    const d: Described = { code: "S2S1012", message: `unexpected end of file: expected ${what}` };
    return { ...d, ...unclosed(ctx, ctx.tokens.length, expected) };
  }

  if (expected.includes("Identifier") && tokenMatcher(tok, ReservedWord)) {
    return { code: "S2S1013", ...reservedNameMessage(tok.image) };
  }

  const d: Described = { code: "S2S1010", message: `expected ${what} but found ${found}` };
  if (rule === "body" && expected.includes("RBrace")) {
    return { ...d, ...unclosed(ctx, index, expected), ...memberHint(tok) };
  }
  if (rule === "operand" && previous?.tokenType === Stack) {
    return { ...d, hint: "`stack` is a reserved word: `stack N { ... }` repeats layers N times" };
  }
  if (rule === "name" && ruleStack.includes("args")) {
    return { ...d, hint: "model arguments are passed by name: `name = value`" };
  }
  if (expected.includes("Equals") && (rule === "param" || rule === "params")) {
    return { ...d, hint: "every parameter needs a default: `name = value`" };
  }
  if (rule === "body" && expected.includes("LBrace") && previous?.tokenType === Identifier) {
    return { ...d, hint: "a setting is written `name = value`, a section `name { ... }`" };
  }
  if (expected.some((t) => t === "RParen" || t === "RBracket" || t === "RBrace")) {
    return { ...d, ...unclosed(ctx, index, expected) };
  }
  return d;
}

/** The phrase for what was expected, specialised for the rules where a list misleads. */
function expectation(
  facts: ErrorFacts,
  previous: IToken | undefined,
  ruleStack: readonly string[],
  atEof: boolean,
): string {
  const { kind, rule, expected } = facts;
  const after =
    previous !== undefined && previous.tokenType === Identifier
      ? ` after \`${previous.image}\``
      : "";
  if (rule === "operand") return "an expression";
  if (rule === "name") return "a name";
  if (rule === "modelDecl" && kind === "noViableAlt")
    return `\`=\`, \`(\`, \`extends\` or \`{\`${after}`;
  // At the end of the file, the useful news is the missing `}`, not what else could be.
  if (rule === "body" && expected.includes("RBrace")) return atEof ? "`}`" : MEMBER;
  if (rule === "body" && expected.includes("LBrace")) {
    // A section's variant is only read when `{` follows it, so here `previous` is the
    // head: it may as well have been meant as a setting.
    const inSection = ruleStack[ruleStack.length - 2] === "section";
    return `${inSection ? "`=` or `{`" : "`{`"}${after}`;
  }
  if (
    (rule === "params" || rule === "args" || rule === "nameOrCall") &&
    expected.includes("RParen")
  ) {
    return "`,` or `)`";
  }
  if (rule === "listExpr" && expected.includes("RBracket")) return "`,` or `]`";
  if (expected.includes("Equals") && after !== "") return `\`=\`${after}`;
  return orList(expected.map(expectedText));
}

function topLevelHint(tokens: readonly IToken[], index: number): { hint?: string } {
  const tok = tokens[index];
  if (tok === undefined) return {};
  const next = tokens[index + 1]?.tokenType;
  if (tok.tokenType === Identifier && (next === LBrace || next?.name === "Equals")) {
    return { hint: "settings and sections belong inside a model: `model name { ... }`" };
  }
  if (tok.tokenType === RBrace) return { hint: "this `}` has no matching `{`" };
  if (tokenMatcher(tok, Separator))
    return { hint: "`;` and `,` only separate members inside `{ }`" };
  if (tok.tokenType === Stack)
    return { hint: "`stack` belongs inside an `encoder` or `decoder` body" };
  return {};
}

function memberHint(tok: IToken): { hint?: string } {
  const name = tok.tokenType.name;
  if (name === "Model" || name === "Import") {
    return {
      hint: `\`${tok.image}\` declarations go at the top level: is a \`}\` missing before it?`,
    };
  }
  if (name === "Equals") return { hint: "a setting is written `name = value`" };
  return {};
}

const CLOSERS: Record<string, [TokenType, TokenType, string]> = {
  RBrace: [LBrace, RBrace, "{"],
  RParen: [LParen, RParen, "("],
  RBracket: [LBracket, RBracket, "["],
};

/**
 * When a closing bracket is expected, points (as related information) at the opening
 * bracket it would close: the innermost one still open before token `index`.
 */
function unclosed(ctx: SyntaxContext, index: number, expected: string[]): { related?: Related[] } {
  const closer = expected.map((e) => CLOSERS[e]).find((c) => c !== undefined);
  if (closer === undefined) return {};
  const [open, close, text] = closer;
  let depth = 0;
  for (let i = Math.min(index, ctx.tokens.length) - 1; i >= 0; i--) {
    const t = ctx.tokens[i]!;
    if (t.tokenType === close) depth++;
    else if (t.tokenType === open) {
      if (depth === 0) {
        const range = ctx.map.range(t.startOffset, t.startOffset + 1);
        return { related: [{ message: `\`${text}\` opened here`, range }] };
      }
      depth--;
    }
  }
  return {};
}

/** The index of `tok` in `tokens` (binary search by offset); `tokens.length` for EOF. */
function tokenIndex(tokens: readonly IToken[], tok: IToken): number {
  if (isEof(tok) || Number.isNaN(tok.startOffset)) return tokens.length;
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.startOffset < tok.startOffset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
