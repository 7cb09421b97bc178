/**
 * The drift check: does a grammar say what the lexer and the schema say? Reads the word
 * lists and lexical rules back out of the grammar (regex.ts) and compares them with the
 * sources, both ways, so that a keyword or field added to one and not the other is
 * reported by name. (test/grammar/drift.test.ts also checks that the committed file is
 * exactly what the generator writes; this check says *what* differs.)
 */
import type { Captures, Rule, TmGrammar } from "./build.js";
import { alternatives } from "./regex.js";
import type { GrammarSources } from "./sources.js";

/** The words of the grammar rule `rule`, or a problem when it is missing or unreadable. */
function grammarWords(grammar: TmGrammar, rule: string, problems: string[]): string[] {
  const r = grammar.repository[rule];
  const words = r?.match === undefined ? undefined : alternatives(r.match);
  if (words === undefined) {
    problems.push(`the grammar has no readable word list \`${rule}\``);
    return [];
  }
  return words;
}

function compare(
  what: string,
  inGrammar: readonly string[],
  inSource: readonly string[],
  source: string,
  problems: string[],
): void {
  const g = new Set(inGrammar);
  const s = new Set(inSource);
  for (const w of [...s].sort())
    if (!g.has(w)) problems.push(`\`${w}\` is ${what} of the ${source} but not of the grammar`);
  for (const w of [...g].sort())
    if (!s.has(w)) problems.push(`\`${w}\` is ${what} of the grammar but not of the ${source}`);
}

/** Every way `grammar` disagrees with the lexer and the schema; empty when it agrees. */
export function grammarDrift(grammar: TmGrammar, sources: GrammarSources): string[] {
  const problems: string[] = [];
  const words = (rule: string) => grammarWords(grammar, rule, problems);
  const tokenWords = (name: string): string[] => {
    const c = sources.categories.find((x) => x.category === name);
    return c !== undefined && "words" in c ? c.words : [];
  };

  compare(
    "a reserved word",
    [...words("reserved-words"), ...words("booleans")],
    sources.reservedWords,
    "lexer",
    problems,
  );
  compare(
    "a keyword",
    [...words("reserved-words"), ...words("booleans")],
    [...tokenWords("keyword"), ...tokenWords("constant.boolean")],
    "token table",
    problems,
  );
  compare("a section head", words("section-heads"), sources.sectionHeads, "schema", problems);
  compare("a field name", words("field-names"), sources.fieldNames, "schema", problems);
  compare("an enum word", words("enum-words"), sources.enumWords, "schema", problems);
  compare("a variant word", words("variant-words"), sources.variantWords, "schema", problems);
  compare("a built-in function", words("builtins"), sources.builtins, "checker", problems);
  compare(
    "an operator",
    [...words("arithmetic-operators"), ...words("assignment-operator")],
    [...tokenWords("operator.arithmetic"), ...tokenWords("operator.assignment")],
    "token table",
    problems,
  );
  compare(
    "a separator",
    words("separators"),
    tokenWords("punctuation.separator"),
    "token table",
    problems,
  );
  compare(
    "a bracket",
    ["body", "parens", "list"].flatMap((r) => {
      const rule = grammar.repository[r];
      return [rule?.begin, rule?.end].flatMap((x) =>
        x === undefined ? [] : (alternatives(x) ?? []),
      );
    }),
    tokenWords("punctuation.brackets"),
    "token table",
    problems,
  );

  // The lexical regexes are the token table's, and every category has a rule with its scope.
  for (const [rule, name] of [
    ["number-float", "number.float"],
    ["number-int", "number.int"],
    ["identifier", "identifier"],
  ] as const) {
    const c = sources.categories.find((x) => x.category === name);
    const expected = c !== undefined && "match" in c ? c.match : undefined;
    if (grammar.repository[rule]?.match !== expected)
      problems.push(`the grammar's \`${rule}\` regex is not the token table's \`${name}\` regex`);
  }
  for (const [rule, name] of [
    ["comment-line", "comment.line"],
    ["comment-block", "comment.block"],
    ["string", "string"],
  ] as const) {
    const c = sources.categories.find((x) => x.category === name);
    const r = grammar.repository[rule];
    if (c === undefined || !("begin" in c) || r?.begin !== c.begin || r.end !== c.end)
      problems.push(`the grammar's \`${rule}\` delimiters are not the token table's \`${name}\``);
  }
  const scopes = new Set(Object.values(grammar.repository).flatMap(scopesOf));
  for (const c of sources.categories)
    if (!scopes.has(c.scope))
      problems.push(`token category \`${c.category}\` (${c.scope}) has no rule in the grammar`);
  return problems;
}

/** The scopes a rule gives, its own and its captures'. */
function scopesOf(rule: Rule): string[] {
  const captured = (c: Captures | undefined) =>
    Object.values(c ?? {}).flatMap((x) => (x.name === undefined ? [] : [x.name]));
  return [
    ...(rule.name === undefined ? [] : [rule.name]),
    ...captured(rule.captures),
    ...captured(rule.beginCaptures),
    ...captured(rule.endCaptures),
  ];
}
