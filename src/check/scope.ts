/**
 * Lexical scopes of names: a file's `let`s, a model's parameters, and the `let`s of a
 * body (visible in that body and the bodies inside it). Lookup walks outwards, so an
 * inner name shadows an outer one. Within one scope names are order-independent (the
 * language is declarative), which is why a binding is evaluated lazily on first use and
 * a binding that needs itself is a cycle.
 */
import type { Diagnostic, SourceRange } from "../diagnostics/index.js";
import type { Expr, Ident } from "../parser/index.js";
import type { Value } from "./model.js";

/** A folded expression: its value plus what diagnostics need to point back at it. */
export interface Folded {
  value: Value;
  /** Where the value was written (for a name, where its definition's value was written). */
  range: SourceRange;
  /**
   * Set when the value is a bare word that named no `let` or parameter: where it was
   * written and the scope there, so that a field that wants a number can report it as
   * an undefined name with a "did you mean" drawn from the names in scope.
   */
  word?: { range: SourceRange; scope: Scope };
  /** For lists: the folded items (their words and ranges). */
  items?: Folded[];
}

export type BindingState = "pending" | "evaluating" | "done";

export interface Binding {
  kind: "let" | "param";
  /** The declared name (where "defined here" points). */
  name: Ident;
  /** The expression to evaluate, in `scope`; absent for an argument's given value. */
  expr: Expr | undefined;
  scope: Scope;
  state: BindingState;
  /** The value once `done`; undefined when evaluating it failed (already reported). */
  value: Folded | undefined;
  /**
   * Diagnostics raised while evaluating the binding. They are replayed into the sink of
   * every later use, so that each model using a broken `let` is itself marked as failed
   * (the final list is de-duplicated).
   */
  diagnostics: Diagnostic[];
  /** Whether evaluating it met a syntax error's `ErrorExpr` (see evaluate.ts). */
  poisoned?: boolean;
}

export class Scope {
  private readonly bindings = new Map<string, Binding>();

  constructor(
    readonly parent: Scope | undefined,
    /** What the scope belongs to, for messages: `file`, `model`, `body`. */
    readonly kind: "file" | "model" | "body",
  ) {}

  /** Adds a binding; returns the existing one instead when the name is already defined here. */
  define(binding: Binding): Binding | undefined {
    const existing = this.bindings.get(binding.name.name);
    if (existing !== undefined) return existing;
    this.bindings.set(binding.name.name, binding);
    return undefined;
  }

  /** Adds a binding whose value is already known (a model argument). */
  defineValue(
    kind: Binding["kind"],
    name: Ident,
    value: Folded | undefined,
    diagnostics: Diagnostic[] = [],
  ): void {
    this.bindings.set(name.name, {
      kind,
      name,
      expr: undefined,
      scope: this,
      state: "done",
      value,
      diagnostics,
    });
  }

  lookup(name: string): Binding | undefined {
    for (let s: Scope | undefined = this; s !== undefined; s = s.parent) {
      const b = s.bindings.get(name);
      if (b !== undefined) return b;
    }
    return undefined;
  }

  /** The bindings of this scope alone, in definition order. */
  own(): Binding[] {
    return [...this.bindings.values()];
  }

  /** Every name visible here (for "did you mean"). */
  visibleNames(): string[] {
    const out = new Set<string>();
    for (let s: Scope | undefined = this; s !== undefined; s = s.parent) {
      for (const n of s.bindings.keys()) out.add(n);
    }
    return [...out];
  }
}
