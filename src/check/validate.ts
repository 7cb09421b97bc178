/**
 * Checks a model's pending tree against the schema and produces the resolved tree:
 * section heads and where they may appear, variants, stacks, settings (settings.ts),
 * required and repeated sections. Problems are reported and the offending member is
 * left out, so checking continues with the rest of the model.
 */
import type { Diagnostics, SourceRange } from "../diagnostics/index.js";
import { evaluate, reportUndefinedName } from "./evaluate.js";
import type { ResolvedItem, ResolvedSection, ResolvedStack } from "./model.js";
import type { PendingItem, PendingSection, PendingStack } from "./pending.js";
import { SCHEMA, SECTION_HEADS, isSectionHead } from "./schema.js";
import {
  FIELD_NAMES,
  containersOf,
  fieldsFor,
  resolveVariant,
  variantSpellings,
} from "./schema-query.js";
import type { Part, SectionHead, SectionSpec } from "./schema-types.js";
import { rejectedFields, resolveSettings, type SectionContext } from "./settings.js";
import { didYouMean } from "./suggest.js";
import { describeValue, formatValue } from "./values.js";

/** Resolves the model root. `nameRange` is the checked model's name (where S2S2029 points). */
export function validateModel(
  root: PendingSection,
  modelName: string,
  diags: Diagnostics,
): ResolvedSection {
  const spec = SCHEMA.model;
  const settings = resolveSettings(
    root,
    spec,
    undefined,
    { ancestors: [], part: undefined },
    diags,
  );
  const section: ResolvedSection = {
    kind: "section",
    head: "model",
    variant: undefined,
    range: root.range,
    nameRange: root.head.range,
    settings,
    children: [],
  };
  section.children = validateChildren(
    root.children,
    spec,
    {
      ancestors: [section],
      part: undefined,
      rejectedAbove: rejectedFields(root, settings, undefined),
    },
    diags,
  );
  for (const need of spec.requiredChildren ?? []) {
    if (!section.children.some((c) => c.kind === "section" && c.head === need)) {
      diags.add("S2S2029", root.head.range, `model \`${modelName}\` has no \`${need}\` section`, {
        hint: `add \`${need} { ... }\`: ${SCHEMA[need].doc}`,
      });
    }
  }
  addImplicit(section, spec, diags);
  return section;
}

/** Adds the optional parts that are not written (`output`, `train`) with their defaults. */
function addImplicit(section: ResolvedSection, spec: SectionSpec, diags: Diagnostics): void {
  for (const head of spec.implicitChildren ?? []) {
    if (section.children.some((c) => c.kind === "section" && c.head === head)) continue;
    const empty: PendingSection = {
      kind: "section",
      head: { kind: "Ident", name: head, range: section.nameRange },
      variant: undefined,
      range: section.nameRange,
      settings: new Map(),
      children: [],
    };
    const s = validateSection(
      empty,
      SCHEMA[head],
      { ancestors: [section], part: undefined },
      diags,
    );
    if (s !== undefined) section.children.push({ ...s, implicit: true });
  }
}

function validateChildren(
  items: readonly PendingItem[],
  container: SectionSpec,
  ctx: SectionContext,
  diags: Diagnostics,
): ResolvedItem[] {
  const out: ResolvedItem[] = [];
  const firstOf = new Map<string, PendingSection>();
  for (const item of items) {
    if (item.kind === "stack") {
      const s = validateStack(item, container, ctx, diags);
      if (s !== undefined) out.push(s);
      continue;
    }
    const head = item.head.name;
    if (!placeable(item, container, diags)) continue;
    const spec = SCHEMA[head as SectionHead];
    if (spec.kind !== "layer") {
      const first = firstOf.get(head);
      if (first !== undefined) {
        diags.add("S2S2030", item.head.range, `\`${head}\` is given twice`, {
          related: [{ message: "first given here", range: first.head.range }],
          hint: `merge the two \`${head}\` sections into one`,
        });
        continue;
      }
      firstOf.set(head, item);
    }
    const part: Part | undefined = head === "encoder" || head === "decoder" ? head : ctx.part;
    const s = validateSection(item, spec, { ...ctx, part }, diags);
    if (s !== undefined) out.push(s);
  }
  return out;
}

/** Whether a section head is known (S2S2021) and allowed in `container` (S2S2022). */
function placeable(item: PendingSection, container: SectionSpec, diags: Diagnostics): boolean {
  const head = item.head.name;
  if (!isSectionHead(head) || head === "model") {
    diags.add("S2S2021", item.head.range, `unknown section \`${head}\``, {
      hint:
        (FIELD_NAMES.has(head) ? `\`${head}\` is a field: write \`${head} = ...\`` : undefined) ??
        didYouMean(head, container.children) ??
        didYouMean(head, SECTION_HEADS) ??
        (container.children.length > 0
          ? `\`${container.head}\` may contain ${container.children.map((h) => `\`${h}\``).join(", ")}`
          : `\`${container.head}\` has no sections inside`),
    });
    return false;
  }
  if (!container.children.includes(head)) {
    const homes = containersOf(head);
    diags.add("S2S2022", item.head.range, `\`${head}\` is not allowed in \`${container.head}\``, {
      hint: `\`${head}\` belongs in ${homes.map((h) => `\`${h}\``).join(" or ")}`,
    });
    return false;
  }
  return true;
}

function validateSection(
  p: PendingSection,
  spec: SectionSpec,
  ctx: SectionContext,
  diags: Diagnostics,
): ResolvedSection | undefined {
  const variant = checkVariant(p, spec, diags);
  const settings = resolveSettings(p, spec, variant, ctx, diags);
  const section: ResolvedSection = {
    kind: "section",
    head: spec.head,
    variant: variant ?? undefined,
    range: p.range,
    nameRange: p.head.range,
    settings,
    children: [],
  };
  section.children = validateChildren(
    p.children,
    spec,
    {
      ancestors: [section, ...ctx.ancestors],
      part: ctx.part,
      rejectedAbove: rejectedFields(p, settings, ctx.rejectedAbove),
    },
    diags,
  );
  return section;
}

/** The canonical variant, or null when the written one is wrong (reported). */
function checkVariant(
  p: PendingSection,
  spec: SectionSpec,
  diags: Diagnostics,
): string | undefined | null {
  const written = p.variant?.name;
  const r = resolveVariant(spec, written);
  if (r.ok) return r.canonical;
  const head = spec.head;
  const words = variantSpellings(spec);
  switch (r.reason) {
    case "none-allowed":
      diags.add("S2S2031", p.variant!.range, `\`${head}\` takes no variant`, {
        hint:
          fieldsFor(spec, undefined).length > 0
            ? `write \`${head} { ... }\` and set its fields inside`
            : `write \`${head} { }\``,
      });
      break;
    case "unknown":
      diags.add("S2S2023", p.variant!.range, `unknown \`${head}\` variant \`${written}\``, {
        hint:
          nameNotVariant(p, head, Object.keys(spec.variants?.words ?? {})[0] ?? "") ??
          spec.variants?.notVariants?.[written!] ??
          didYouMean(written!, words) ??
          `the variants are ${words.join(", ")}`,
      });
      break;
    case "missing":
      diags.add("S2S2032", p.head.range, `\`${head}\` needs a variant: ${words.join(", ")}`, {
        hint: `for example \`${head} ${Object.keys(spec.variants?.words ?? {})[0] ?? ""} { }\``,
      });
      break;
  }
  return null;
}

function validateStack(
  p: PendingStack,
  container: SectionSpec,
  ctx: SectionContext,
  diags: Diagnostics,
): ResolvedStack | undefined {
  if (!container.stacks) {
    const homes = SECTION_HEADS.filter((h) => SCHEMA[h].stacks);
    diags.add(
      "S2S2022",
      keywordRange(p.range),
      `\`stack\` is not allowed in \`${container.head}\``,
      {
        hint: `stacks repeat layers: they belong in ${homes.map((h) => `\`${h}\``).join(" or ")}`,
      },
    );
    return undefined;
  }
  for (const s of p.settings.values()) {
    diags.add(
      "S2S2020",
      s.name.range,
      `a stack has no fields (\`${s.name.name}\` is set directly in \`stack\`)`,
      {
        hint: `set \`${s.name.name}\` on the layers inside, or on the \`${container.head}\``,
      },
    );
  }
  const count = stackCount(p, diags);
  const children = validateChildren(p.children, container, ctx, diags);
  if (count === undefined) return undefined;
  return { kind: "stack", count, range: p.range, children };
}

/** The folded count: a positive int (S2S2043 otherwise). */
function stackCount(p: PendingStack, diags: Diagnostics): number | undefined {
  const f = evaluate(p.count, p.scope, diags);
  if (f === undefined) return undefined;
  const v = f.value;
  if (f.word !== undefined && v.type === "enum") {
    reportUndefinedName(v.value, f.word.range, f.word.scope, diags);
    return undefined;
  }
  if (v.type === "int" && v.value >= 1) return v.value;
  const what = v.type === "int" || v.type === "float" ? formatValue(v) : describeValue(v);
  diags.add("S2S2043", p.count.range, `a stack count must be a positive integer, not ${what}`, {
    ...(v.type === "float" ? { hint: "round it with floor(...) or ceil(...)" } : {}),
  });
  return undefined;
}

/** The `stack` keyword at the start of a stack's range. */
function keywordRange(r: SourceRange): SourceRange {
  const n = "stack".length;
  return {
    file: r.file,
    start: r.start,
    end: { offset: r.start.offset + n, line: r.start.line, column: r.start.column + n },
  };
}

/**
 * A variant is a word written after the head, not an expression (docs/language.md,
 * "Variants"): one that spells a parameter or `let` is told how to vary it instead.
 */
function nameNotVariant(p: PendingSection, head: string, example: string): string | undefined {
  const written = p.variant?.name;
  const binding = written === undefined ? undefined : p.scope?.lookup(written);
  if (binding === undefined) return undefined;
  const what = binding.kind === "param" ? "a parameter" : "a `let`";
  return `\`${written}\` is ${what}, but a variant is a word, not a value: write it (\`${head} ${example} { }\`) and vary it with \`extends\`, where a section with another variant replaces the parent's`;
}
