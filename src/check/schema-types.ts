/**
 * The shape of the language schema (schema.ts). The schema is plain data so that the
 * checker, the JSON Schema generator, the formatter, the TextMate grammar and the docs
 * all read one list of sections, fields and words.
 */
import type { Value } from "./model.js";

/** An interval on numbers; bounds are inclusive unless marked exclusive. */
export interface NumberRange {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
  /** The hint for a value outside the range, when the bound needs a reason. */
  why?: string;
  /** The hint for a value above `max`, when it differs from `why` (a limit of s2sc). */
  maxWhy?: string;
}

export type FieldType =
  | ({ kind: "int" } & NumberRange)
  | ({ kind: "float" } & NumberRange)
  | { kind: "bool" }
  | { kind: "string" }
  | { kind: "enum"; words: readonly string[] }
  | { kind: "list"; of: FieldType; minLength?: number; maxLength?: number };

/** The parts of a model that layers live in (contextual defaults are keyed by them). */
export type Part = "encoder" | "decoder";

export interface FieldSpec {
  name: string;
  type: FieldType;
  /** One line for docs and hovers. */
  doc: string;
  /**
   * The value when the field is not written (and not inherited). A field with neither a
   * default nor `required` is optional: it is absent from the checked model when not
   * written (e.g. `key_dim`, `max_length`).
   */
  default?: Value;
  /** A different default inside the encoder or decoder (`causal` is true in a decoder). */
  defaultIn?: Partial<Record<Part, Value>>;
  /** Must have a value after inheritance (a missing one is S2S2027). */
  required?: boolean;
  /**
   * When not written, take the value of the nearest enclosing section whose schema has a
   * field of the same name (model → encoder → layer): `dropout`, `residual`, `vocab`.
   */
  inherit?: boolean;
  /** The canonical variants the field applies to (all when absent). */
  variants?: readonly string[];
}

export interface VariantSpec {
  /** Canonical variant words with their one-line docs. */
  words: Readonly<Record<string, string>>;
  /** Other spellings of a canonical word (`concat` → `additive`). */
  aliases?: Readonly<Record<string, string>>;
  /** Filled in when no variant is written; when absent a variant must be written. */
  default?: string;
  /** Words that look like variants but are not, with the hint to give instead. */
  notVariants?: Readonly<Record<string, string>>;
}

export type SectionHead =
  | "model"
  | "source"
  | "target"
  | "encoder"
  | "decoder"
  | "output"
  | "train"
  | "lstm"
  | "gru"
  | "rnn"
  | "attention"
  | "self_attention"
  | "cross_attention"
  | "feed_forward";

export interface SectionSpec {
  head: SectionHead;
  /** `root` is the model itself, `part` a fixed part of it, `layer` a repeatable layer. */
  kind: "root" | "part" | "layer";
  doc: string;
  /** Absent when the section takes no variant word. */
  variants?: VariantSpec;
  fields: readonly FieldSpec[];
  /** Section heads allowed directly in this section's body (and in its stacks). */
  children: readonly SectionHead[];
  /** Whether `stack N { ... }` may appear in the body. */
  stacks: boolean;
  /** Children that must be present (S2S2029). */
  requiredChildren?: readonly SectionHead[];
  /**
   * Children that are added with their defaults when not written, so that consumers
   * always find them (`output`, `train`).
   */
  implicitChildren?: readonly SectionHead[];
}
