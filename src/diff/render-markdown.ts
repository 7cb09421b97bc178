/**
 * The Markdown report, for pull requests and reviews: the same content as the text
 * report in GitHub-flavoured tables. A long layer table is folded into `<details>` so a
 * PR comment stays readable.
 */
import { formatShape } from "../ir/index.js";
import { formatAmount, formatChange, formatRelative, formatSigned, type Unit } from "./format.js";
import {
  headline,
  layerLines,
  renumberingLines,
  settingLines,
  whereText,
  type LayerLine,
} from "./present.js";
import type { Delta, IrDiff, LayerChange, ModelDiff, TokenFiguresBySection } from "./types.js";

/** Layer rows shown before the table is folded away. */
const FOLD_AFTER = 12;

const code = (s: string) => `\`${s}\``;
const cell = (s: string) => s.replace(/\|/g, "\\|");

function table(
  head: readonly string[],
  align: readonly ("l" | "r")[],
  rows: readonly (readonly string[])[],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.map(cell).join(" | ")} |`;
  return [
    line(head),
    `| ${align.map((a) => (a === "r" ? "--:" : "---")).join(" | ")} |`,
    ...rows.map(line),
  ];
}

export function renderMarkdown(d: ModelDiff): string {
  const ref = (r: ModelDiff["before"]) => code(`${r.file}:${r.model}`);
  const out: string[] = [
    `### Architecture diff: ${code(d.before.model)} → ${code(d.after.model)}`,
    "",
    `${ref(d.before)} → ${ref(d.after)}`,
    "",
    `**${headline(d)}**`,
  ];
  if (!d.equal) out.push(...settings(d), ...layers(d), ...params(d), ...compute(d.compute.macs, d));
  if (d.ir !== undefined) out.push(...ir(d.ir));
  return out.join("\n") + "\n";
}

function settings(d: ModelDiff): string[] {
  if (d.settings.length === 0) return [];
  const rows = settingLines(d.settings).map((l) => [
    code(l.field),
    l.before,
    l.after,
    whereText(l),
  ]);
  return [
    "",
    "#### Settings",
    "",
    ...table(["Setting", "Before", "After", "Where"], ["l", "r", "l", "l"], rows),
  ];
}

const MARK: Record<LayerChange["status"], string> = { added: "➕", removed: "➖", changed: "✏️" };

function pairText(a: string | undefined, b: string | undefined): string {
  if (a === undefined) return b ?? "";
  if (b === undefined || a === b) return a;
  return `${a} → ${b}`;
}

function layerRow(l: LayerLine): string[] {
  const ch = l.change;
  const shape = (x: LayerChange["before"]) => (x === null ? undefined : formatShape(x.outputShape));
  const figure = (d: Delta, unit: Unit) =>
    ch.status === "changed"
      ? formatChange(d, unit)
      : formatAmount(ch.status === "added" ? d.after : d.before, unit);
  const notes: string[] = [];
  if (l.was !== undefined) notes.push(`was ${code(l.was)}`);
  if (ch.status === "changed") {
    for (const t of ch.tensors) {
      if (t.status === "reshaped") continue;
      notes.push(`${t.status} tensor ${code(t.name)} ${formatShape((t.after ?? t.before)!)}`);
    }
  }
  return [
    MARK[ch.status],
    `${code(l.path)}${l.count > 1 ? ` ×${l.count}` : ""}${notes.length > 0 ? ` (${notes.join("; ")})` : ""}`,
    pairText(ch.before?.kind, ch.after?.kind),
    pairText(shape(ch.before), shape(ch.after)),
    figure(ch.params, "count"),
    figure(ch.macsPerToken, "si"),
  ];
}

function layers(d: ModelDiff): string[] {
  if (d.layers.length === 0 && d.renumbered.length === 0) return [];
  const out = ["", "#### Layers", ""];
  const lines = layerLines(d.layers);
  if (lines.length > 0) {
    const t = table(
      ["", "Layer", "Kind", "Output shape", "Params", "MACs/token"],
      ["l", "l", "l", "l", "r", "r"],
      lines.map(layerRow),
    );
    if (lines.length > FOLD_AFTER)
      out.push(
        `<details><summary>${lines.length} layer rows</summary>`,
        "",
        ...t,
        "",
        "</details>",
      );
    else out.push(...t);
  }
  const notes: string[] = [];
  for (const [part, delta] of [
    ["encoder", d.depth.encoder],
    ["decoder", d.depth.decoder],
  ] as const) {
    if (delta.delta !== 0)
      notes.push(`- ${part} depth ${delta.before} → ${delta.after} numbered layers`);
  }
  for (const r of renumberingLines(d.renumbered)) notes.push(`- renumbered ${r}`);
  if (notes.length > 0) out.push("", ...notes);
  return out;
}

function deltaCells(d: Delta, unit: Unit): string[] {
  return [
    formatAmount(d.before, unit),
    formatAmount(d.after, unit),
    formatSigned(d.delta, unit),
    formatRelative(d),
  ];
}

function params(d: ModelDiff): string[] {
  const p = d.params;
  const rows = Object.entries(p.bySection).map(([s, x]) => [code(s), ...deltaCells(x, "count")]);
  rows.push(["**total**", ...deltaCells(p.total, "count").map((c) => `**${c}**`)]);
  if (p.buffers.before !== 0 || p.buffers.after !== 0)
    rows.push(["buffers", ...deltaCells(p.buffers, "count")]);
  rows.push(["weight bytes", ...deltaCells(p.weightBytes, "bytes")]);
  return [
    "",
    "#### Parameters",
    "",
    "Trainable parameters; a tied tensor counts once.",
    "",
    ...table(["Section", "Before", "After", "Δ", "Δ%"], ["l", "r", "r", "r", "r"], rows),
  ];
}

const FIGURES = [
  ["perSourceToken", "per source token"],
  ["perTargetToken", "per target token"],
  ["perGeneratedToken", "per generated token"],
] as const;

function compute(m: TokenFiguresBySection, d: ModelDiff): string[] {
  const rows: string[][] = [];
  for (const [key, label] of FIGURES) {
    rows.push([`**${label}**`, ...deltaCells(m[key], "si")]);
    for (const [section, f] of Object.entries(m.bySection)) {
      const x = f[key];
      if (x.before !== 0 || x.after !== 0)
        rows.push([`↳ ${code(section)}`, ...deltaCells(x, "si")]);
    }
  }
  rows.push(["**per sequence pair**", ...deltaCells(m.perSequencePair, "si")]);
  return [
    "",
    "#### Compute",
    "",
    `MACs at batch 1, source and target length L = ${d.compute.referenceLength}, as in \`s2sc summary\` (FLOPs = 2 × MACs).`,
    "",
    ...table(["MACs", "Before", "After", "Δ", "Δ%"], ["l", "r", "r", "r", "r"], rows),
  ];
}

function opsText(ops: Record<string, Delta>): string {
  return Object.entries(ops)
    .filter(([, x]) => x.delta !== 0)
    .map(([op, x]) => `${op} ${formatSigned(x.delta, "count")}`)
    .join(", ");
}

function ir(x: IrDiff): string[] {
  const title =
    x.passes.length === 0
      ? "as elaborated (no optimisation passes applied)"
      : `after ${x.passes.join(", ")}`;
  const rows = Object.entries(x.graphs).map(([g, s]) => [
    code(g),
    formatChange(s.nodes, "count"),
    opsText(s.ops) || "same op counts",
    opsText(s.fused),
  ]);
  const out = [
    "",
    "#### Op graphs",
    "",
    `Compared ${title}.`,
    "",
    ...table(["Graph", "Nodes", "Op changes", "Fused ops"], ["l", "r", "l", "l"], rows),
  ];
  if (x.paths.length > 0) {
    const pathRows = x.paths.map((p) => [
      MARK[p.status],
      code(p.graph),
      `${code(p.path)}${p.beforePath !== undefined ? ` (was ${code(p.beforePath)})` : ""}`,
      opsText(p.ops),
    ]);
    out.push("", ...table(["", "Graph", "Path", "Op changes"], ["l", "l", "l", "l"], pathRows));
  }
  return out;
}
