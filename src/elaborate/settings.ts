/** Typed reads of a checked section's settings (the checker guarantees the types). */
import type { ResolvedSection, ResolvedSetting } from "../check/index.js";
import type { SourceRange } from "../diagnostics/index.js";

function setting(s: ResolvedSection, name: string): ResolvedSetting | undefined {
  return s.settings[name];
}

export function intOf(s: ResolvedSection, name: string): number | undefined {
  const v = setting(s, name)?.value;
  return v?.type === "int" ? v.value : undefined;
}

export function floatOf(s: ResolvedSection, name: string): number | undefined {
  const v = setting(s, name)?.value;
  return v?.type === "float" || v?.type === "int" ? v.value : undefined;
}

export function boolOf(s: ResolvedSection, name: string): boolean | undefined {
  const v = setting(s, name)?.value;
  return v?.type === "bool" ? v.value : undefined;
}

export function wordOf(s: ResolvedSection, name: string): string | undefined {
  const v = setting(s, name)?.value;
  return v?.type === "enum" ? v.value : undefined;
}

/** Where a setting was written, else the section's head: where a diagnostic points. */
export function rangeOf(s: ResolvedSection, name?: string): SourceRange {
  const r = name === undefined ? undefined : setting(s, name)?.range;
  return r ?? s.nameRange;
}
