/**
 * Questions asked of the schema table: which fields a section has for a variant, what a
 * variant word means, where a section may appear, and the word lists that the formatter
 * and the TextMate grammar use.
 */
import { SCHEMA, SECTION_HEADS } from "./schema.js";
import type { FieldSpec, FieldType, SectionHead, SectionSpec } from "./schema-types.js";

/** The fields of `spec` that apply to the (canonical) variant. */
export function fieldsFor(spec: SectionSpec, variant: string | undefined): FieldSpec[] {
  return spec.fields.filter(
    (f) => f.variants === undefined || (variant !== undefined && f.variants.includes(variant)),
  );
}

export type VariantLookup =
  | { ok: true; canonical: string | undefined }
  | { ok: false; reason: "none-allowed" | "unknown" | "missing" };

/**
 * The canonical variant for a written word (or for no word): aliases map to their
 * canonical word, and the default fills in a missing one.
 */
export function resolveVariant(spec: SectionSpec, written: string | undefined): VariantLookup {
  const v = spec.variants;
  if (v === undefined)
    return written === undefined
      ? { ok: true, canonical: undefined }
      : { ok: false, reason: "none-allowed" };
  if (written === undefined) {
    return v.default === undefined
      ? { ok: false, reason: "missing" }
      : { ok: true, canonical: v.default };
  }
  if (Object.prototype.hasOwnProperty.call(v.words, written))
    return { ok: true, canonical: written };
  const alias = v.aliases?.[written];
  if (alias !== undefined) return { ok: true, canonical: alias };
  return { ok: false, reason: "unknown" };
}

/** Every word that may follow the head as a variant (canonical words and aliases). */
export function variantSpellings(spec: SectionSpec): string[] {
  const v = spec.variants;
  if (v === undefined) return [];
  return [...Object.keys(v.words), ...Object.keys(v.aliases ?? {})];
}

/** The sections whose bodies may contain `head` directly. */
export function containersOf(head: SectionHead): SectionHead[] {
  return SECTION_HEADS.filter((h) => SCHEMA[h].children.includes(head));
}

/** Sections that may contain `stack`. */
export const STACK_CONTAINERS: readonly SectionHead[] = SECTION_HEADS.filter(
  (h) => SCHEMA[h].stacks,
);

function wordsOf(t: FieldType, out: Set<string>): void {
  if (t.kind === "enum") for (const w of t.words) out.add(w);
  else if (t.kind === "list") wordsOf(t.of, out);
}

function collect(f: (spec: SectionSpec, out: Set<string>) => void): ReadonlySet<string> {
  const out = new Set<string>();
  for (const h of SECTION_HEADS) f(SCHEMA[h], out);
  return out;
}

/** Every enum word any field accepts (a `let` of one of these names shadows it: S2S2010). */
export const ENUM_WORDS: ReadonlySet<string> = collect((s, out) => {
  for (const f of s.fields) wordsOf(f.type, out);
});

/** Every variant word and alias. */
export const VARIANT_WORDS: ReadonlySet<string> = collect((s, out) => {
  for (const w of variantSpellings(s)) out.add(w);
});

/** Every field name of every section. */
export const FIELD_NAMES: ReadonlySet<string> = collect((s, out) => {
  for (const f of s.fields) out.add(f.name);
});

/** The sections (other than `spec`) that have a field called `name`, for hints. */
export function sectionsWithField(name: string): SectionHead[] {
  return SECTION_HEADS.filter((h) => SCHEMA[h].fields.some((f) => f.name === name));
}

/** The type written as users read it: `int ≥ 1`, `float in [0, 1)`, `relu | gelu`. */
export function describeType(t: FieldType): string {
  switch (t.kind) {
    case "int":
    case "float": {
      const r = describeRange(t);
      return r === "" ? t.kind : `${t.kind} ${r}`;
    }
    case "bool":
      return "bool";
    case "string":
      return "string";
    case "enum":
      return t.words.join(" | ");
    case "list": {
      const fixed = t.minLength !== undefined && t.minLength === t.maxLength;
      return `list${fixed ? ` (${t.minLength} items)` : ""} of ${describeType(t.of)}`;
    }
  }
}

/** `≥ 1`, `> 0`, `in [0, 1)`, or `` for an unbounded number. */
export function describeRange(r: {
  min?: number;
  max?: number;
  minExclusive?: boolean;
  maxExclusive?: boolean;
}): string {
  if (r.min !== undefined && r.max !== undefined) {
    return `in ${r.minExclusive ? "(" : "["}${r.min}, ${r.max}${r.maxExclusive ? ")" : "]"}`;
  }
  if (r.min !== undefined) return `${r.minExclusive ? ">" : "≥"} ${r.min}`;
  if (r.max !== undefined) return `${r.maxExclusive ? "<" : "≤"} ${r.max}`;
  return "";
}

/** Whether `n` lies in the range. */
export function inRange(
  n: number,
  r: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean },
): boolean {
  if (r.min !== undefined && (r.minExclusive ? !(n > r.min) : !(n >= r.min))) return false;
  if (r.max !== undefined && (r.maxExclusive ? !(n < r.max) : !(n <= r.max))) return false;
  return true;
}
