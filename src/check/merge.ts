/**
 * `extends`: the child's members applied to a copy of the parent's body (brief §2).
 *
 * - A setting overrides the parent's setting of the same name (keeping its place), or is
 *   added.
 * - A section merges recursively into the parent's section with the same head and
 *   variant. Variants compare after aliases and defaults are applied, so
 *   `self_attention { }` matches `self_attention scaled_dot { }`. When a body has several
 *   sections with the same head and variant (two `lstm` layers), the n-th of the child
 *   merges into the n-th of the parent.
 * - A section whose written variant differs from the parent's section with the same head
 *   (`attention dot { }` over `attention general { }`) replaces that section in place:
 *   the parent's settings for it belonged to the other variant, so none are kept. A
 *   parent section that some child section merges into is never replaced.
 * - Stacks match the same way, by position among the body's stacks: the child's count
 *   replaces the parent's and the bodies merge (`encoder { stack 12 { } }` deepens the
 *   parent's first stack).
 * - A section or stack the parent lacks (no match and nothing to replace) is appended
 *   after the parent's members.
 *
 * Both trees are fresh from expansion, so the parent's tree is updated in place.
 */
import type { PendingItem, PendingSection, PendingStack } from "./pending.js";
import { SCHEMA, isSectionHead } from "./schema.js";
import { resolveVariant } from "./schema-query.js";

/** The key sections match by: the head and the canonical variant. */
function matchKey(item: PendingItem): string {
  if (item.kind === "stack") return "stack";
  const head = item.head.name;
  const written = item.variant?.name;
  if (isSectionHead(head)) {
    const v = resolveVariant(SCHEMA[head], written);
    if (v.ok) return `${head} ${v.canonical ?? ""}`;
  }
  return `${head} ${written ?? ""}`;
}

/** Applies `child`'s settings and items to `base` (a section or a stack). */
function mergeMembers(
  base: PendingSection | PendingStack,
  child: PendingSection | PendingStack,
): void {
  for (const [name, s] of child.settings) base.settings.set(name, s);
  // The parent's items grouped by key once, not filtered again for each child item: a
  // child of a deep parent (hundreds of layers written out) made that quadratic. Merging
  // never changes an item's key (the child item has the same head and canonical
  // variant), so the grouping stays valid while the loop merges.
  const byKey = new Map<string, PendingItem[]>();
  for (const b of base.children) {
    const key = matchKey(b);
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, [b]);
    else group.push(b);
  }
  const seen = new Map<string, number>();
  const matches = child.children.map((item) => {
    const key = matchKey(item);
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return byKey.get(key)?.[n];
  });
  // Decided before any replacement, so that a later child section merging into a parent
  // section keeps it from being replaced by an earlier one.
  const taken = new Set<PendingItem>(matches.filter((m) => m !== undefined));
  child.children.forEach((item, i) => {
    const match = matches[i];
    if (match !== undefined) return mergeItem(match, item);
    const replaced = otherVariant(base.children, item, taken);
    if (replaced === undefined) return void base.children.push(item);
    taken.add(item);
    base.children[base.children.indexOf(replaced)] = item;
  });
}

/**
 * The parent's first section with `item`'s head and another variant that no child
 * section has claimed: what a child section with a written variant replaces.
 */
function otherVariant(
  parents: readonly PendingItem[],
  item: PendingItem,
  taken: ReadonlySet<PendingItem>,
): PendingItem | undefined {
  if (item.kind !== "section" || item.variant === undefined) return undefined;
  const key = matchKey(item);
  return parents.find(
    (p) =>
      p.kind === "section" &&
      p.head.name === item.head.name &&
      !taken.has(p) &&
      matchKey(p) !== key,
  );
}

function mergeItem(base: PendingItem, child: PendingItem): void {
  if (base.kind === "stack" && child.kind === "stack") {
    base.count = child.count;
    base.scope = child.scope;
    base.range = child.range;
  } else if (base.kind === "section" && child.kind === "section") {
    // The merged section is reported at the child's text: that is what the user of the
    // child model wrote and can change.
    base.head = child.head;
    base.variant = child.variant ?? base.variant;
    base.range = child.range;
  }
  mergeMembers(base, child);
}

/** The parent's root with the child's root members applied (returns `parent`, updated). */
export function mergeRoot(parent: PendingSection, child: PendingSection): PendingSection {
  mergeMembers(parent, child);
  parent.head = child.head;
  parent.range = child.range;
  return parent;
}
