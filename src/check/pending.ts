/**
 * The pending tree: a model's sections and stacks after `extends` and instantiation are
 * applied but before any expression is folded. Each setting keeps its expression and the
 * scope it must be evaluated in, because after merging a child's settings (child scope)
 * sit next to its parent's (parent scope, with the parent's parameter values).
 *
 * Building a pending tree from a body also reports what is wrong with the body as
 * written, independent of values: a `let` or setting given twice, a `let` shadowing an
 * enum word.
 */
import type { Diagnostics, SourceRange } from "../diagnostics/index.js";
import type { Body, Expr, Ident, LetDecl } from "../parser/index.js";
import { evaluateBinding } from "./evaluate.js";
import { ENUM_WORDS } from "./schema-query.js";
import { Scope } from "./scope.js";

export interface PendingSetting {
  name: Ident;
  value: Expr;
  scope: Scope;
  /** The whole `name = value`. */
  range: SourceRange;
}

export interface PendingSection {
  kind: "section";
  head: Ident;
  variant: Ident | undefined;
  /**
   * The scope the section is written in: a variant is a word, never a name, but a
   * variant that spells a parameter or `let` gets a hint saying so.
   */
  scope?: Scope;
  range: SourceRange;
  /** By name, in the order first written (an override keeps its parent's place). */
  settings: Map<string, PendingSetting>;
  children: PendingItem[];
}

export interface PendingStack {
  kind: "stack";
  count: Expr;
  /** The scope `count` is evaluated in. */
  scope: Scope;
  range: SourceRange;
  /** Settings written directly in a stack body (not allowed; kept to report them). */
  settings: Map<string, PendingSetting>;
  children: PendingItem[];
}

export type PendingItem = PendingSection | PendingStack;

/** Defines `let`s in `scope`, reporting duplicates (S2S2002) and shadowed enum words (S2S2010). */
export function defineLets(lets: readonly LetDecl[], scope: Scope, diags: Diagnostics): void {
  for (const l of lets) {
    const existing = scope.define({
      kind: "let",
      name: l.name,
      expr: l.value,
      scope,
      state: "pending",
      value: undefined,
      diagnostics: [],
    });
    if (existing !== undefined) {
      diags.add("S2S2002", l.name.range, `\`${l.name.name}\` is already defined in this scope`, {
        related: [{ message: "first defined here", range: existing.name.range }],
      });
      continue;
    }
    warnIfShadowsWord(l.name, diags);
  }
  // Every let is evaluated even when unused, so that its mistakes are reported.
  for (const b of scope.own()) if (b.kind === "let") evaluateBinding(b, diags);
}

/** S2S2010: a name that hides an enum word makes the word unusable in this scope. */
export function warnIfShadowsWord(name: Ident, diags: Diagnostics): void {
  if (!ENUM_WORDS.has(name.name)) return;
  diags.add("S2S2010", name.range, `\`${name.name}\` shadows the enum word \`${name.name}\``, {
    hint: `in this scope \`${name.name}\` means the name, not the word; pick another name`,
  });
}

/** Fills `into` with the members of `body`, evaluated later in `scope` (plus the body's lets). */
export function buildBody(
  body: Body,
  outer: Scope,
  into: { settings: Map<string, PendingSetting>; children: PendingItem[] },
  diags: Diagnostics,
): void {
  const lets = body.members.filter((m): m is LetDecl => m.kind === "Let");
  let scope = outer;
  if (lets.length > 0) {
    scope = new Scope(outer, "body");
    defineLets(lets, scope, diags);
  }
  for (const m of body.members) {
    switch (m.kind) {
      case "Let":
        break;
      case "Setting": {
        const first = into.settings.get(m.name.name);
        if (first !== undefined) {
          diags.add("S2S2028", m.name.range, `\`${m.name.name}\` is set twice`, {
            related: [{ message: "first set here", range: first.name.range }],
            hint: "remove one of them",
          });
          break;
        }
        into.settings.set(m.name.name, { name: m.name, value: m.value, scope, range: m.range });
        break;
      }
      case "Section": {
        const s: PendingSection = {
          kind: "section",
          head: m.head,
          variant: m.variant,
          scope,
          range: m.range,
          settings: new Map(),
          children: [],
        };
        buildBody(m.body, scope, s, diags);
        into.children.push(s);
        break;
      }
      case "Stack": {
        const s: PendingStack = {
          kind: "stack",
          count: m.count,
          scope,
          range: m.range,
          settings: new Map(),
          children: [],
        };
        buildBody(m.body, scope, s, diags);
        into.children.push(s);
        break;
      }
    }
  }
}
