/**
 * The settings of one section: each written setting folded and checked against its
 * field, then every field that is not written filled in — from the nearest enclosing
 * section that has the field (for inherited fields), else from the schema's default —
 * with an `origin` that says which.
 */
import type { Diagnostics } from "../diagnostics/index.js";
import { coerce } from "./coerce.js";
import { evaluate } from "./evaluate.js";
import type { ResolvedSection, ResolvedSetting } from "./model.js";
import type { PendingSection, PendingSetting } from "./pending.js";
import { SCHEMA, isSectionHead } from "./schema.js";
import { fieldsFor, sectionsWithField } from "./schema-query.js";
import type { FieldSpec, Part, SectionSpec } from "./schema-types.js";
import { closest, didYouMean } from "./suggest.js";

export interface SectionContext {
  /** The enclosing sections, nearest first (stacks are transparent). */
  ancestors: readonly ResolvedSection[];
  /** The encoder or decoder this section is in, if any. */
  part: Part | undefined;
  /**
   * Fields an enclosing section wrote with a rejected value (`vocab = 3` on the model):
   * not reported missing where they would have been inherited, so that one mistake is
   * one diagnostic.
   */
  rejectedAbove?: ReadonlySet<string>;
}

/** The fields `p` writes whose values `settings` does not hold (rejected, reported). */
export function rejectedFields(
  p: PendingSection,
  settings: Record<string, ResolvedSetting>,
  above: ReadonlySet<string> | undefined,
): ReadonlySet<string> {
  const rejected = new Set(above);
  for (const name of p.settings.keys()) if (settings[name] === undefined) rejected.add(name);
  return rejected;
}

/**
 * Resolves the settings of `p`. `variant` is the canonical variant, or `null` when the
 * written variant was wrong (already reported): then any field of the section is
 * accepted and nothing is reported missing, to avoid a cascade from one mistake.
 */
export function resolveSettings(
  p: PendingSection,
  spec: SectionSpec,
  variant: string | undefined | null,
  ctx: SectionContext,
  diags: Diagnostics,
): Record<string, ResolvedSetting> {
  const fields = variant === null ? spec.fields : fieldsFor(spec, variant);
  const out: Record<string, ResolvedSetting> = {};
  // Fields an unknown name was probably meant as (`hiden` → `hidden`): not reported
  // missing as well, so that one typo is one diagnostic.
  const meant = new Set<string>();
  for (const s of p.settings.values()) {
    const field = fields.find((f) => f.name === s.name.name);
    if (field === undefined) {
      reportUnknownField(s, spec, fields, variant, diags);
      const near = closest(
        s.name.name,
        fields.map((f) => f.name),
      );
      if (near !== undefined) meant.add(near);
      continue;
    }
    const folded = evaluate(s.value, s.scope, diags);
    if (folded === undefined) continue;
    const value = coerce(folded, field.type, `\`${field.name}\``, s.value.range, diags);
    if (value !== undefined) out[field.name] = { value, origin: "spec", range: s.range };
  }
  if (variant === null) return out;
  for (const field of fields) {
    if (out[field.name] !== undefined || p.settings.has(field.name)) continue;
    const filled = fill(field, ctx);
    if (filled !== undefined) out[field.name] = filled;
    else if (
      field.required &&
      !meant.has(field.name) &&
      !(field.inherit === true && ctx.rejectedAbove?.has(field.name))
    )
      reportMissing(p, spec, field, diags);
  }
  // In the schema's field order, whatever order they were written in: consumers that
  // print or compare settings get a stable order.
  const ordered: Record<string, ResolvedSetting> = {};
  for (const f of fields) if (out[f.name] !== undefined) ordered[f.name] = out[f.name]!;
  return ordered;
}

/** The value of an unwritten field: inherited, then the default; undefined if neither. */
function fill(field: FieldSpec, ctx: SectionContext): ResolvedSetting | undefined {
  if (field.inherit) {
    for (const a of ctx.ancestors) {
      const has = isSectionHead(a.head) && SCHEMA[a.head].fields.some((f) => f.name === field.name);
      if (!has) continue;
      const up = a.settings[field.name];
      // An ancestor's default is this field's default too (inherited fields share them);
      // only a written value makes this one "inherited".
      if (up !== undefined && up.origin !== "default") {
        return { value: up.value, origin: "inherited", range: up.range };
      }
      break;
    }
  }
  const d = (ctx.part !== undefined ? field.defaultIn?.[ctx.part] : undefined) ?? field.default;
  return d === undefined ? undefined : { value: d, origin: "default", range: undefined };
}

function reportUnknownField(
  s: PendingSetting,
  spec: SectionSpec,
  fields: readonly FieldSpec[],
  variant: string | undefined | null,
  diags: Diagnostics,
): void {
  const name = s.name.name;
  // The variant is named only where it decides the fields (`attention dot` has no
  // `hidden`); `self_attention scaled_dot` would name a default the user never wrote.
  const byVariant = spec.fields.some((f) => f.variants !== undefined);
  const where = `\`${spec.head}${byVariant && variant ? ` ${variant}` : ""}\``;
  const other = spec.fields.find((f) => f.name === name);
  let hint = didYouMean(
    name,
    fields.map((f) => f.name),
  );
  if (isSectionHead(name) && name !== "model") {
    hint = `\`${name}\` is a section: write \`${name} { ... }\``;
  } else if (other?.variants !== undefined) {
    hint = `\`${name}\` applies to ${other.variants.map((v) => `\`${spec.head} ${v}\``).join(", ")} only`;
  } else if (hint === undefined) {
    const elsewhere = sectionsWithField(name).filter((h) => h !== spec.head);
    if (elsewhere.length > 0) {
      hint = `\`${name}\` is a field of ${elsewhere.map((h) => `\`${h}\``).join(", ")}`;
    } else if (fields.length > 0) {
      hint = `the fields of ${where} are ${fields.map((f) => f.name).join(", ")}`;
    }
  }
  diags.add(
    "S2S2020",
    s.name.range,
    `${where} has no field \`${name}\``,
    hint === undefined ? {} : { hint },
  );
}

function reportMissing(
  p: PendingSection,
  spec: SectionSpec,
  field: FieldSpec,
  diags: Diagnostics,
): void {
  const up =
    field.inherit === true
      ? Object.values(SCHEMA).filter(
          (s) => s.children.includes(spec.head) && s.fields.some((f) => f.name === field.name),
        )
      : [];
  const alt =
    up.length > 0 ? ` (or set it on the ${up.map((s) => `\`${s.head}\``).join(" or ")})` : "";
  diags.add("S2S2027", p.head.range, `\`${spec.head}\` needs \`${field.name}\``, {
    hint: `add \`${field.name} = ...\`${alt}: ${field.doc}`,
  });
}
