/**
 * The diff regrouped for people, shared by the text and Markdown reports (JSON keeps
 * every entry): setting changes with the same field and values are one line listing
 * where they apply, and layer changes that repeat across a stack are one row.
 */
import { formatChange } from "./format.js";
import { numberedKey, compressPaths } from "./paths.js";
import type { LayerChange, ModelDiff, Renumbering, SettingChange, SettingValue } from "./types.js";

export interface SettingLine {
  field: string;
  before: string;
  after: string;
  /** Where the value is written (or defaulted), paths compressed. */
  written: string[];
  /** Sections and layers that only inherit the change from an enclosing level. */
  inheritedSections: string[];
  inheritedLayers: number;
}

/** `0.1`, `post_norm (default)`, `—` for an absent field. */
function valueText(vs: readonly (SettingValue | null)[]): string {
  const v = vs[0];
  if (v === null || v === undefined) return "—";
  return vs.every((x) => x?.origin === "default") ? `${v.text} (default)` : v.text;
}

const isLayerPath = (p: string) => p.includes("/layer");

export function settingLines(changes: readonly SettingChange[]): SettingLine[] {
  const groups = new Map<string, SettingChange[]>();
  for (const c of changes) {
    const key = `${c.field}\u0000${c.before?.text ?? ""}\u0000${c.before === null}\u0000${c.after?.text ?? ""}\u0000${c.after === null}`;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  return [...groups.values()].map((cs) => {
    const inherited = (c: SettingChange) => (c.after ?? c.before)!.origin === "inherited";
    const written = cs.filter((c) => !inherited(c)).map((c) => c.path);
    const byInheritance = cs.filter(inherited).map((c) => c.path);
    return {
      field: cs[0]!.field,
      before: valueText(cs.map((c) => c.before)),
      after: valueText(cs.map((c) => c.after)),
      written: compressPaths(written),
      inheritedSections: byInheritance.filter((p) => !isLayerPath(p)),
      inheritedLayers: byInheritance.filter(isLayerPath).length,
    };
  });
}

/** "model; inherited by encoder, decoder and 30 layers". */
export function whereText(l: SettingLine, limit = 6): string {
  const parts: string[] = [];
  if (l.written.length > 0) {
    const shown = l.written.slice(0, limit);
    const more = l.written.length - shown.length;
    parts.push(shown.join(", ") + (more > 0 ? ` and ${more} more` : ""));
  }
  const inherited = [...l.inheritedSections];
  if (l.inheritedLayers > 0)
    inherited.push(`${l.inheritedLayers} layer${l.inheritedLayers === 1 ? "" : "s"}`);
  if (inherited.length > 0) {
    const list =
      inherited.length === 1
        ? inherited[0]!
        : `${inherited.slice(0, -1).join(", ")} and ${inherited.at(-1)}`;
    parts.push(`${l.written.length > 0 ? "inherited by" : "inherited in"} ${list}`);
  }
  return parts.join("; ");
}

export interface LayerLine {
  /** One change standing for `count` changes that differ only in their layer number. */
  change: LayerChange;
  path: string;
  count: number;
  /** The before path (compressed likewise) of a changed layer that was renumbered. */
  was?: string;
}

/** What a layer change looks like apart from its path; equal keys merge into one line. */
function lineKey(c: LayerChange): string {
  return JSON.stringify([
    c.status,
    c.before && { ...c.before, path: "" },
    c.after && { ...c.after, path: "" },
    c.changed,
    c.variant,
    c.tensors,
  ]);
}

export function layerLines(changes: readonly LayerChange[]): LayerLine[] {
  const groups = new Map<string, LayerChange[]>();
  for (const c of changes) {
    const numbered = numberedKey(c.path);
    const key = numbered === undefined ? `=${c.path}` : `${numbered.key}\u0000${lineKey(c)}`;
    const list = groups.get(key) ?? [];
    list.push(c);
    groups.set(key, list);
  }
  return [...groups.values()].map((cs) => {
    const line: LayerLine = {
      change: cs[0]!,
      path: compressPaths(cs.map((c) => c.path))[0]!,
      count: cs.length,
    };
    const moved = cs.filter(
      (c) => c.before !== null && c.after !== null && c.before.path !== c.after.path,
    );
    if (moved.length > 0) line.was = compressPaths(cs.map((c) => c.before!.path)).join(", ");
    return line;
  });
}

/** `encoder/layer{1..5} → encoder/layer{2..6}`: renumberings with the same shift merged. */
export function renumberingLines(rs: readonly Renumbering[]): string[] {
  const groups = new Map<string, Renumbering[]>();
  for (const r of rs) {
    const a = numberedKey(r.before);
    const b = numberedKey(r.after);
    const key = a && b ? `${a.key}\u0000${b.n - a.n}` : `=${r.before}`;
    const list = groups.get(key) ?? [];
    list.push(r);
    groups.set(key, list);
  }
  return [...groups.values()].map(
    (g) =>
      `${compressPaths(g.map((r) => r.before))[0]} → ${compressPaths(g.map((r) => r.after))[0]}`,
  );
}

/** The one-line verdict both reports start with. */
export function headline(d: ModelDiff): string {
  if (d.equal) return "No differences: the two models resolve to the same architecture.";
  const plural = (k: number, what: string) => `${k} ${what}${k === 1 ? "" : "s"}`;
  const parts: string[] = [];
  if (d.settings.length > 0) {
    const lines = settingLines(d.settings).length;
    const places = d.settings.length;
    parts.push(`${plural(lines, "setting change")}${places > lines ? ` in ${places} places` : ""}`);
  }
  const count = (s: LayerChange["status"]) => d.layers.filter((l) => l.status === s).length;
  const layers = (["added", "removed", "changed"] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${s}`);
  if (layers.length > 0) parts.push(`layers: ${layers.join(", ")}`);
  const p = d.params.total;
  parts.push(p.delta === 0 ? "parameters unchanged" : `parameters ${formatChange(p, "count")}`);
  return parts.join("; ");
}
