/**
 * The TextMate grammar of `.s2s` (scope `source.s2s`), built from the lexer's token
 * table and the language schema (sources.ts); scripts/gen-grammar.ts writes it to
 * grammar/s2s.tmLanguage.json and test/grammar/drift.test.ts checks that the file is
 * what this function returns.
 *
 * Lexical rules (comments, strings, numbers, reserved words, operators, punctuation)
 * take their regexes and scopes from the token table, so they match what the lexer
 * matches. On top of them, a few rules use position to give words their role, as
 * conventional scopes:
 *
 *   model NAME / extends PARENT / = MODEL(   entity.name.type.model, entity.other.inherited-class
 *   let NAME                                  variable.other.constant
 *   NAME = inside ( )                         variable.parameter
 *   HEAD [VARIANT] {                          support.class.section (a schema head) or
 *                                             entity.name.section; support.constant.variant
 *   FIELD =   in a body                       support.type.property-name (a schema field) or
 *                                             variable.other.property
 *   ENUM word in a value                      support.constant.enum
 *   min( max( ...                             support.function.builtin, else entity.name.function
 *
 * The schema's words are lists in the grammar (`section-heads`, `field-names`,
 * `enum-words`, `variant-words`, `builtins`), which the drift check compares with the
 * schema. TextMate matches a line at a time, so a head whose `{` is on the next line is
 * not recognised as a head (the formatter never writes one that way).
 */
import { category, wordsOfCategory, type GrammarSources } from "./sources.js";
import { symbolsRegex, wordsRegex } from "./regex.js";

export interface Captures {
  [group: string]: { name?: string; patterns?: Rule[] };
}

export interface Rule {
  name?: string;
  match?: string;
  begin?: string;
  end?: string;
  captures?: Captures;
  beginCaptures?: Captures;
  endCaptures?: Captures;
  patterns?: Rule[];
  include?: string;
}

export interface TmGrammar {
  $schema: string;
  name: string;
  scopeName: string;
  fileTypes: string[];
  patterns: Rule[];
  repository: Record<string, Rule>;
}

const IDENT = "[A-Za-z_][A-Za-z0-9_]*";
/** White space or block comments, in a lookahead (`source /* note *\/ {`). */
const GAP = "(?:\\s|/\\*.*?\\*/)*";
const include = (name: string): Rule => ({ include: `#${name}` });

/** The scope of a lexical category, from the token table. */
function scope(sources: GrammarSources, name: string): string {
  return category(sources, name).scope;
}

/** The `match` regex of a lexical category, from the token table. */
function match(sources: GrammarSources, name: string): string {
  const c = category(sources, name);
  if (!("match" in c)) throw new Error(`token category \`${name}\` has no match regex`);
  return c.match;
}

function delimited(sources: GrammarSources, name: string) {
  const c = category(sources, name);
  if (!("begin" in c)) throw new Error(`token category \`${name}\` has no begin/end`);
  return c;
}

/** A bracketed region: `{ }`, `( )` or `[ ]`, with the token table's punctuation scope. */
function region(
  sources: GrammarSources,
  open: string,
  close: string,
  meta: string,
  patterns: Rule[],
): Rule {
  const brackets = wordsOfCategory(sources, "punctuation.brackets");
  if (!brackets.includes(open) || !brackets.includes(close))
    throw new Error(`the token table has no brackets \`${open}\` \`${close}\``);
  const punctuation = { "0": { name: scope(sources, "punctuation.brackets") } };
  return {
    name: meta,
    begin: symbolsRegex([open]),
    end: symbolsRegex([close]),
    beginCaptures: punctuation,
    endCaptures: punctuation,
    patterns,
  };
}

export function buildGrammar(sources: GrammarSources): TmGrammar {
  const lineComment = delimited(sources, "comment.line");
  const blockComment = delimited(sources, "comment.block");
  const string = delimited(sources, "string");
  const keywords = wordsOfCategory(sources, "keyword");
  const booleans = wordsOfCategory(sources, "constant.boolean");
  const keyword = scope(sources, "keyword");
  const commentPunctuation = { "0": { name: "punctuation.definition.comment.s2s" } };
  const stringPunctuation = (edge: "begin" | "end") => ({
    "0": { name: `punctuation.definition.string.${edge}.s2s` },
  });

  const lists = {
    "section-heads": wordsRegex(sources.sectionHeads),
    "field-names": wordsRegex(sources.fieldNames),
    "enum-words": wordsRegex(sources.enumWords),
    "variant-words": wordsRegex(sources.variantWords),
    builtins: wordsRegex(sources.builtins),
  };
  // A captured word is classified by the word list (matched again on the captured text).
  const known = (list: keyof typeof lists, other: string): Rule[] => [
    include(list),
    { name: other, match: `\\b${IDENT}\\b` },
  ];

  const repository: Record<string, Rule> = {
    comments: { patterns: [include("comment-line"), include("comment-block")] },
    "comment-line": {
      name: lineComment.scope,
      begin: lineComment.begin,
      end: lineComment.end,
      beginCaptures: commentPunctuation,
    },
    "comment-block": {
      name: blockComment.scope,
      begin: blockComment.begin,
      end: blockComment.end,
      captures: commentPunctuation,
    },
    string: {
      name: string.scope,
      begin: string.begin,
      end: string.end,
      beginCaptures: stringPunctuation("begin"),
      endCaptures: stringPunctuation("end"),
      patterns: [
        { name: "constant.character.escape.s2s", match: symbolsRegex(string.escapes ?? []) },
        { name: "invalid.illegal.unknown-escape.s2s", match: "\\\\." },
      ],
    },
    "reserved-words": { name: keyword, match: wordsRegex(keywords) },
    booleans: { name: scope(sources, "constant.boolean"), match: wordsRegex(booleans) },
    "number-float": { name: scope(sources, "number.float"), match: match(sources, "number.float") },
    "number-int": { name: scope(sources, "number.int"), match: match(sources, "number.int") },
    identifier: { name: scope(sources, "identifier"), match: match(sources, "identifier") },
    "arithmetic-operators": {
      name: scope(sources, "operator.arithmetic"),
      match: symbolsRegex(wordsOfCategory(sources, "operator.arithmetic")),
    },
    "assignment-operator": {
      name: scope(sources, "operator.assignment"),
      match: symbolsRegex(wordsOfCategory(sources, "operator.assignment")),
    },
    separators: {
      name: scope(sources, "punctuation.separator"),
      match: symbolsRegex(wordsOfCategory(sources, "punctuation.separator")),
    },
    // The schema's word lists, each a rule of its own so that the drift check finds them.
    "section-heads": { name: "support.class.section.s2s", match: lists["section-heads"] },
    "field-names": { name: "support.type.property-name.s2s", match: lists["field-names"] },
    "enum-words": { name: "support.constant.enum.s2s", match: lists["enum-words"] },
    "variant-words": { name: "support.constant.variant.s2s", match: lists["variant-words"] },
    builtins: { name: "support.function.builtin.s2s", match: lists.builtins },

    // `model NAME`, optionally `= MODEL` (an instantiation) on the same line.
    "model-declaration": {
      match: `\\b(model)\\s+(${IDENT})(?:\\s*(=)\\s*(${IDENT}))?`,
      captures: {
        "1": { name: keyword },
        "2": { name: "entity.name.type.model.s2s" },
        "3": { name: scope(sources, "operator.assignment") },
        "4": { name: "entity.name.type.model.s2s" },
      },
    },
    "extends-clause": {
      match: `\\b(extends)\\s+(${IDENT})`,
      captures: { "1": { name: keyword }, "2": { name: "entity.other.inherited-class.s2s" } },
    },
    "let-declaration": {
      match: `\\b(let)\\s+(${IDENT})`,
      captures: { "1": { name: keyword }, "2": { name: "variable.other.constant.s2s" } },
    },
    // `stack COUNT {`: the count is an expression, not a section head.
    stack: {
      begin: `\\b(stack)\\b`,
      end: "(?=\\{)",
      beginCaptures: { "1": { name: keyword } },
      patterns: [include("comments"), include("expression")],
    },
    // `HEAD {` or `HEAD VARIANT {`; the variant rule comes first, so that in
    // `attention general {` the word `general` is the variant.
    "section-variant": {
      match: `\\b(${lists["variant-words"]})(?=${GAP}\\{)`,
      captures: { "1": { name: "support.constant.variant.s2s" } },
    },
    "section-head": {
      match: `\\b(${IDENT})(?=${GAP}(?:${lists["variant-words"]}${GAP})?\\{)`,
      captures: { "1": { patterns: known("section-heads", "entity.name.section.s2s") } },
    },
    // `FIELD =` in a body.
    "field-name": {
      match: `\\b(${IDENT})(?=${GAP}=)`,
      captures: { "1": { patterns: known("field-names", "variable.other.property.s2s") } },
    },
    // `NAME =` in parentheses: a model's parameter or an argument.
    "parameter-name": {
      match: `\\b(${IDENT})(?=${GAP}=)`,
      captures: { "1": { name: "variable.parameter.s2s" } },
    },
    call: {
      match: `\\b(${IDENT})(?=${GAP}\\()`,
      captures: {
        "1": { patterns: known("builtins", "entity.name.function.s2s") },
      },
    },
    body: region(sources, "{", "}", "meta.block.s2s", [
      include("comments"),
      include("let-declaration"),
      include("stack"),
      include("section-variant"),
      include("section-head"),
      include("field-name"),
      include("expression"),
    ]),
    parens: region(sources, "(", ")", "meta.parens.s2s", [
      include("comments"),
      include("parameter-name"),
      include("expression"),
    ]),
    list: region(sources, "[", "]", "meta.brackets.s2s", [
      include("comments"),
      include("expression"),
    ]),
    expression: {
      patterns: [
        include("comments"),
        include("string"),
        include("reserved-words"),
        include("booleans"),
        include("number-float"),
        include("number-int"),
        include("call"),
        include("enum-words"),
        include("identifier"),
        include("arithmetic-operators"),
        include("assignment-operator"),
        include("separators"),
        include("body"),
        include("parens"),
        include("list"),
      ],
    },
  };

  return {
    $schema: "https://raw.githubusercontent.com/martinring/tmlanguage/master/tmlanguage.json",
    name: "s2s",
    scopeName: "source.s2s",
    fileTypes: ["s2s"],
    patterns: [
      include("comments"),
      include("model-declaration"),
      include("extends-clause"),
      include("let-declaration"),
      include("expression"),
    ],
    repository,
  };
}
