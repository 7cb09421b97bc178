/**
 * The reference tables of docs/language.md, generated from the schema table. The docs
 * test (test/check/docs.test.ts) fails when the document's tables differ from these, and
 * `UPDATE_DOCS=1 npx vitest run test/check/docs.test.ts` rewrites them.
 */
import type { Value } from "./model.js";
import { SCHEMA, SECTION_HEADS } from "./schema.js";
import { containersOf, describeType } from "./schema-query.js";
import type { FieldSpec, SectionHead, SectionSpec } from "./schema-types.js";
import { formatValue } from "./values.js";

export const BEGIN_MARK = "<!-- BEGIN GENERATED: schema tables (src/check/doc-tables.ts) -->";
export const END_MARK = "<!-- END GENERATED: schema tables -->";

/** The sections a field is inherited from, nearest first (`encoder`, `decoder`, `model`). */
export function inheritedFrom(head: SectionHead, field: string): SectionHead[] {
  const out: SectionHead[] = [];
  let level: SectionHead[] = [head];
  while (level.length > 0) {
    const next: SectionHead[] = [];
    for (const h of level) {
      for (const c of containersOf(h)) {
        if (!SCHEMA[c].fields.some((f) => f.name === field) || out.includes(c)) continue;
        out.push(c);
        next.push(c);
      }
    }
    level = next;
  }
  return out;
}

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, "\\|");

function defaultText(spec: SectionSpec, f: FieldSpec): string {
  const show = (v: Value) => code(formatValue(v));
  const parts: string[] = [];
  if (f.default !== undefined) parts.push(show(f.default));
  for (const [part, v] of Object.entries(f.defaultIn ?? {})) parts.push(`${show(v)} in a ${part}`);
  if (f.inherit) {
    const from = inheritedFrom(spec.head, f.name);
    if (from.length > 0) parts.unshift(`from ${from.map(code).join(" / ")}`);
  }
  if (f.required) parts.push("required");
  else if (f.default === undefined && parts.length > 0) parts.push("unset");
  return parts.length > 0 ? parts.join(", else ") : "optional";
}

function fieldRow(spec: SectionSpec, f: FieldSpec): string {
  const only = f.variants === undefined ? "" : ` (${f.variants.map(code).join(", ")} only)`;
  return `| ${code(f.name)} | ${cell(describeType(f.type))} | ${cell(defaultText(spec, f))} | ${cell(f.doc)}${only} |`;
}

function sectionText(spec: SectionSpec): string[] {
  const lines = [`### ${code(spec.head)}`, ""];
  lines.push(`${spec.doc[0]!.toUpperCase()}${spec.doc.slice(1)}.`);
  const where = containersOf(spec.head);
  const facts: string[] = [];
  if (spec.kind === "root") facts.push("Declared with `model NAME { ... }`.");
  else {
    const stacks = spec.kind === "layer" ? " (directly or in a `stack`)" : "";
    facts.push(
      `Appears in ${where.map(code).join(", ")}${stacks}${spec.kind === "part" ? ", at most once" : ""}.`,
    );
  }
  if (spec.children.length > 0) {
    facts.push(
      `Contains ${spec.children.map(code).join(", ")}${spec.stacks ? " and `stack`" : ""}.`,
    );
  }
  if (spec.requiredChildren !== undefined) {
    facts.push(`Requires ${spec.requiredChildren.map(code).join(", ")}.`);
  }
  lines.push("", facts.join(" "));
  const v = spec.variants;
  if (v !== undefined) {
    lines.push("", "| variant | meaning |", "| --- | --- |");
    for (const [w, doc] of Object.entries(v.words)) {
      const aliases = Object.entries(v.aliases ?? {})
        .filter(([, to]) => to === w)
        .map(([a]) => code(a));
      const name = [code(w), ...aliases].join(", ");
      lines.push(`| ${name}${v.default === w ? " (default)" : ""} | ${cell(doc)} |`);
    }
    if (v.default === undefined) lines.push("", "A variant must be written.");
  }
  if (spec.fields.length > 0) {
    lines.push("", "| field | type | default | meaning |", "| --- | --- | --- | --- |");
    for (const f of spec.fields) lines.push(fieldRow(spec, f));
  }
  return lines;
}

/** The generated block, markers included. */
export function schemaTablesMarkdown(): string {
  const lines = [BEGIN_MARK, ""];
  for (const h of SECTION_HEADS) lines.push(...sectionText(SCHEMA[h]), "");
  lines.push(END_MARK);
  return lines.join("\n");
}
