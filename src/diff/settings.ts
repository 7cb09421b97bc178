/**
 * Comparing resolved settings. Only values count: a value written in one spec and taken
 * from a default or an enclosing level in the other is the same architecture, so the
 * origin is reported (it helps a reader see why a value moved) but never compared.
 */
import type { ResolvedSection, ResolvedSetting, Value } from "../check/index.js";
import { formatValue, valuesEqual } from "../check/index.js";
import type { JsonValue, SettingChange, SettingValue } from "./types.js";

export function jsonOf(v: Value): JsonValue {
  return v.type === "list" ? v.items.map(jsonOf) : v.value;
}

export function settingValue(s: ResolvedSetting): SettingValue {
  return {
    type: s.value.type,
    value: jsonOf(s.value),
    text: formatValue(s.value),
    origin: s.origin,
  };
}

/** Where a compared section sits on each side (the paths differ for a renumbered layer). */
export interface SectionPair {
  before: ResolvedSection | undefined;
  after: ResolvedSection | undefined;
  beforePath: string;
  afterPath: string;
}

/** The settings that differ between two sections, by field name in sorted order. */
export function compareSettings(p: SectionPair): SettingChange[] {
  const b = p.before?.settings ?? {};
  const a = p.after?.settings ?? {};
  const fields = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const out: SettingChange[] = [];
  for (const field of fields) {
    const x = b[field];
    const y = a[field];
    if (x !== undefined && y !== undefined && valuesEqual(x.value, y.value)) continue;
    out.push({
      path: p.afterPath,
      ...(p.beforePath !== p.afterPath ? { beforePath: p.beforePath } : {}),
      field,
      before: x === undefined ? null : settingValue(x),
      after: y === undefined ? null : settingValue(y),
    });
  }
  return out;
}

/** A canonical text of a section's kind and settings, for telling equal layers apart. */
export function sectionSignature(s: ResolvedSection): string {
  const fields = Object.keys(s.settings).sort();
  return `${s.head} ${s.variant ?? ""} {${fields.map((f) => `${f}=${formatValue(s.settings[f]!.value)}`).join(" ")}}`;
}
