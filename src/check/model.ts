/**
 * The checked model: what the checker hands to elaboration. Names are resolved,
 * `extends` and instantiations are merged, expressions are folded to values, every
 * setting is type-checked against the schema, and defaults from the schema are filled in
 * (with `origin` saying where a value came from, so `diff` and `summary` can tell a
 * written value from a default).
 *
 * Invariant: a `CheckedModel` is only produced for a model with no error diagnostics;
 * every setting the schema declares for a section (and its variant) is present with the
 * declared type, except optional fields without a default (`key_dim`, `max_length`,
 * model-level `vocab`), which are present only when written or inherited. Variants are
 * canonical (`concat` is stored as `additive`). The JSON Schema of this shape is
 * generated from the schema table (check/json-schema.ts).
 */
import type { SourceRange } from "../diagnostics/index.js";

export type Value =
  | { type: "int"; value: number }
  | { type: "float"; value: number }
  | { type: "bool"; value: boolean }
  | { type: "string"; value: string }
  | { type: "enum"; value: string }
  | { type: "list"; items: Value[] };

export interface ResolvedSetting {
  value: Value;
  /**
   * `spec`: written in the spec (possibly in a parent through `extends`);
   * `inherited`: taken from an enclosing level (e.g. model-level `residual` in the encoder);
   * `default`: the schema's default.
   */
  origin: "spec" | "inherited" | "default";
  /** Where the value was written (for `spec` and `inherited`); undefined for defaults. */
  range: SourceRange | undefined;
}

export interface ResolvedSection {
  kind: "section";
  /** `encoder`, `lstm`, `self_attention`, ... (`model` for the root). */
  head: string;
  /** The variant word, with the schema's default variant filled in (`scaled_dot`). */
  variant: string | undefined;
  /** The whole section as written (the child's range when merged through `extends`). */
  range: SourceRange;
  /** The head word (or variant) — where diagnostics about the section point. */
  nameRange: SourceRange;
  settings: Record<string, ResolvedSetting>;
  /** Sub-sections and stacks in source order (after `extends` merging). */
  children: ResolvedItem[];
  /**
   * True for an optional part the spec does not write (`output`, `train`): it is added
   * after the written children with every setting at its default, so consumers always
   * find it. `range` and `nameRange` are then the model's name.
   */
  implicit?: boolean;
}

export interface ResolvedStack {
  kind: "stack";
  /** The folded repeat count (a positive integer). */
  count: number;
  range: SourceRange;
  /** The body's layers, once; elaboration repeats them `count` times. */
  children: ResolvedItem[];
}

export type ResolvedItem = ResolvedSection | ResolvedStack;

export interface CheckedModel {
  name: string;
  /** The file that declares the model. */
  file: string;
  /** The model's declaration (`model name ...`). */
  range: SourceRange;
  nameRange: SourceRange;
  /** Parameter values the model was resolved with (defaults or instantiation arguments). */
  params: Record<string, Value>;
  /** The model itself: head `model`, model-level settings, and its sections. */
  root: ResolvedSection;
}

/** The first child section with this head, if any. */
export function childSection(s: ResolvedSection, head: string): ResolvedSection | undefined {
  for (const c of s.children) if (c.kind === "section" && c.head === head) return c;
  return undefined;
}
