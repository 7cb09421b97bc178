/**
 * The grammar over real files, tokenized by vscode-textmate + vscode-oniguruma:
 *
 * - a scope snapshot of every spec (snapshots/, in the `vscode-tmgrammar-snap` layout:
 *   each source line, then a `^` marker line per token with its scopes);
 * - agreement with the lexer over every spec and every formatter fixture: each token
 *   the lexer finds is covered by TextMate tokens with its category's scope (a comment
 *   is a comment, `37_000` one integer, `model` a keyword, a name one of the name
 *   scopes);
 * - agreement with the parser on names (specs and fixtures/roles.s2s): each name gets
 *   the scope of the role the AST gives it (a model, a parameter, a section head, a
 *   field, an enum word, ...).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { BUILTINS } from "../../src/check/builtins.js";
import { SECTION_HEADS } from "../../src/check/schema.js";
import { ENUM_WORDS, FIELD_NAMES } from "../../src/check/schema-query.js";
import type * as Ast from "../../src/parser/ast.js";
import { parse, TOKEN_CATEGORIES, tokenize } from "../../src/parser/index.js";
import { FIXTURES, ROOT, fixtures, specs } from "../format/helpers.js";
import { tokenizer, type ScopedToken, type Tokenizer } from "./textmate.js";

let tm: Tokenizer;
beforeAll(async () => {
  tm = await tokenizer();
});

const ROLES_FIXTURE = join(ROOT, "test/grammar/fixtures/roles.s2s");
const formatted = (): [string, string][] =>
  fixtures().map(([n]) => [`formatted/${n}`, readFileSync(join(FIXTURES, "formatted", n), "utf8")]);

/** The tmgrammar-snap layout, without `source.s2s` and the `meta.*` region scopes. */
function snapshot(text: string, tokens: ScopedToken[]): string {
  const lines = text.split("\n");
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (i === lines.length - 1 && line === "") return;
    out.push(`>${line}`);
    for (const t of tokens.filter((x) => x.line === i + 1 && x.text.trim() !== "")) {
      const scopes = t.scopes.filter((s) => s !== "source.s2s" && !s.startsWith("meta."));
      out.push(`#${" ".repeat(t.startColumn - 1)}${"^".repeat(t.text.length)} ${scopes.join(" ")}`);
    }
  });
  return out.join("\n") + "\n";
}

describe("scope snapshots", () => {
  it.each(specs())("%s", async (path, text) => {
    await expect(snapshot(text, tm(text))).toMatchFileSnapshot(
      join(ROOT, "test/grammar/snapshots", `${path.replace(/^specs\//, "")}.scopes`),
    );
  });
});

/** Scopes a name may have, whatever its role. */
const NAME_SCOPES = new Set([
  "variable.other.s2s",
  "variable.other.constant.s2s",
  "variable.other.property.s2s",
  "variable.parameter.s2s",
  "entity.name.type.model.s2s",
  "entity.other.inherited-class.s2s",
  "entity.name.section.s2s",
  "entity.name.function.s2s",
  "support.class.section.s2s",
  "support.constant.variant.s2s",
  "support.type.property-name.s2s",
  "support.constant.enum.s2s",
  "support.function.builtin.s2s",
]);

/** The scope every TextMate token over a lexer token of `type` must have. */
function expectedScopes(type: string): (scopes: string[]) => boolean {
  if (type === "Identifier") return (scopes) => scopes.some((s) => NAME_SCOPES.has(s));
  const c = TOKEN_CATEGORIES.find((x) => x.tokens.includes(type));
  if (c === undefined) throw new Error(`no category for token ${type}`);
  return (scopes) => scopes.includes(c.scope);
}

/** The TextMate tokens over [line:column, +length) (one line). */
function covering(tokens: ScopedToken[], line: number, column: number, length: number) {
  return tokens.filter(
    (t) =>
      t.line === line && t.startColumn < column + length && t.startColumn + t.text.length > column,
  );
}

function disagreements(text: string): string[] {
  const tokens = tm(text);
  const lexed = tokenize(text, "t.s2s");
  const problems: string[] = [];
  const check = (type: string, line: number, column: number, image: string) => {
    // A token spanning lines (a block comment) is checked line by line.
    image.split(/\r?\n/).forEach((part, i) => {
      const at = covering(tokens, line + i, i === 0 ? column : 1, part.length);
      const ok = expectedScopes(type);
      if (part.length > 0 && (at.length === 0 || !at.every((t) => ok(t.scopes))))
        problems.push(
          `${line + i}:${column} ${type} \`${part}\`: ${at.map((t) => t.scopes.join(" ")).join(" | ")}`,
        );
    });
  };
  for (const t of lexed.tokens) check(t.type, t.range.start.line, t.range.start.column, t.text);
  for (const c of lexed.comments)
    check(
      c.style === "line" ? "LineComment" : "BlockComment",
      c.range.start.line,
      c.range.start.column,
      c.text,
    );
  return problems;
}

describe("agreement with the lexer", () => {
  it.each([...specs(), ...fixtures(), ...formatted()])("%s", (_path, text) => {
    expect(disagreements(text)).toEqual([]);
  });
});

/** Each name of the AST with the scope its role calls for. */
function roles(
  file: Ast.FileNode,
): { ident: { range: Ast.Ident["range"]; name: string }; scope: string }[] {
  const out: { ident: { range: Ast.Ident["range"]; name: string }; scope: string }[] = [];
  const add = (ident: { range: Ast.Ident["range"]; name: string }, scope: string) =>
    out.push({ ident, scope });
  const known = (set: { has(x: string): boolean }, word: string, yes: string, no: string) =>
    set.has(word) ? yes : no;
  const expr = (e: Ast.Expr): void => {
    switch (e.kind) {
      case "Name":
        add(e, known(ENUM_WORDS, e.name, "support.constant.enum.s2s", "variable.other.s2s"));
        return;
      case "Call":
        add(
          e.callee,
          known(
            new Set(Object.keys(BUILTINS)),
            e.callee.name,
            "support.function.builtin.s2s",
            "entity.name.function.s2s",
          ),
        );
        return e.args.forEach(expr);
      case "Binary":
        return [e.left, e.right].forEach(expr);
      case "Unary":
        return expr(e.operand);
      case "Paren":
        return expr(e.expr);
      case "List":
        return e.items.forEach(expr);
    }
  };
  const ref = (r: Ast.ModelRef, scope: string) => {
    add(r.name, scope);
    for (const a of r.args ?? []) {
      add(a.name, "variable.parameter.s2s");
      expr(a.value);
    }
  };
  const member = (m: Ast.Member): void => {
    switch (m.kind) {
      case "Setting":
        add(
          m.name,
          known(
            FIELD_NAMES,
            m.name.name,
            "support.type.property-name.s2s",
            "variable.other.property.s2s",
          ),
        );
        return expr(m.value);
      case "Let":
        add(m.name, "variable.other.constant.s2s");
        return expr(m.value);
      case "Stack":
        expr(m.count);
        return m.body.members.forEach(member);
      case "Section":
        add(
          m.head,
          known(
            new Set<string>(SECTION_HEADS),
            m.head.name,
            "support.class.section.s2s",
            "entity.name.section.s2s",
          ),
        );
        if (m.variant !== undefined) add(m.variant, "support.constant.variant.s2s");
        return m.body.members.forEach(member);
    }
  };
  for (const item of file.items) {
    if (item.kind === "Let") member(item);
    if (item.kind !== "Model") continue;
    add(item.name, "entity.name.type.model.s2s");
    for (const p of item.params ?? []) {
      add(p.name, "variable.parameter.s2s");
      expr(p.default);
    }
    if (item.extends !== undefined) ref(item.extends, "entity.other.inherited-class.s2s");
    if (item.instance !== undefined) ref(item.instance, "entity.name.type.model.s2s");
    item.body?.members.forEach(member);
  }
  return out;
}

describe("agreement with the parser on names", () => {
  it.each([...specs(), ["test/grammar/fixtures/roles.s2s", readFileSync(ROLES_FIXTURE, "utf8")]])(
    "%s",
    (_path, text) => {
      const tokens = tm(text);
      const { ast } = parse(text, "t.s2s");
      const wrong = roles(ast).flatMap(({ ident, scope }) => {
        const at = covering(
          tokens,
          ident.range.start.line,
          ident.range.start.column,
          ident.name.length,
        );
        return at.length === 1 && at[0]!.text === ident.name && at[0]!.scopes.includes(scope)
          ? []
          : [
              `${ident.range.start.line}:${ident.range.start.column} ${ident.name}: want ${scope}, got ${at.map((t) => t.scopes.join(" ")).join(" | ")}`,
            ];
      });
      expect(wrong).toEqual([]);
    },
  );
});
