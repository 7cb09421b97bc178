/**
 * The text report: a `--- before` / `+++ after` header as in `git diff`, then the changed
 * settings, the changed layers (`+` added, `-` removed, `~` changed), parameters by
 * section and compute, each with before, after, delta and relative change. Colours are
 * `git diff`'s (red removed, green added) and come from the palette, which is plain
 * when stdout is not a terminal.
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
import { textTable, type Cell } from "./table.js";
import type { Delta, IrDiff, LayerChange, ModelDiff, TokenFiguresBySection } from "./types.js";

export interface Palette {
  added(s: string): string;
  removed(s: string): string;
  changed(s: string): string;
  heading(s: string): string;
  dim(s: string): string;
}

const id = (s: string) => s;
export const plainPalette: Palette = { added: id, removed: id, changed: id, heading: id, dim: id };

export function renderText(d: ModelDiff, c: Palette = plainPalette): string {
  const out: string[] = [
    c.heading(`--- ${d.before.file}:${d.before.model}`),
    c.heading(`+++ ${d.after.file}:${d.after.model}`),
    headline(d),
  ];
  if (!d.equal) {
    out.push(
      ...settingsBlock(d, c),
      ...layersBlock(d, c),
      ...paramsBlock(d, c),
      ...computeBlock(d.compute.macs, d, c),
    );
  }
  if (d.ir !== undefined) out.push(...irBlock(d.ir, c));
  return out.join("\n") + "\n";
}

function settingsBlock(d: ModelDiff, c: Palette): string[] {
  if (d.settings.length === 0) return [];
  const rows = settingLines(d.settings).map((l) => [
    l.field,
    { text: l.before, paint: c.removed },
    "→",
    { text: l.after, paint: c.added },
    { text: whereText(l), paint: c.dim },
  ]);
  return ["", c.heading("Settings"), ...textTable(rows, ["left", "right", "left", "left", "left"])];
}

const MARK: Record<LayerChange["status"], string> = { added: "+", removed: "-", changed: "~" };

/** `a → b` when the two differ, else the one value. */
function pairText(a: string | undefined, b: string | undefined): string {
  if (a === undefined) return b ?? "";
  if (b === undefined || a === b) return a;
  return `${a} → ${b}`;
}

function layerCells(l: LayerLine, c: Palette): Cell[] {
  const ch = l.change;
  const paint = ch.status === "changed" ? c.changed : undefined;
  const shape = (x: LayerChange["before"]) => (x === null ? undefined : formatShape(x.outputShape));
  const figure = (d: Delta, unit: Unit) =>
    ch.status === "changed"
      ? formatChange(d, unit)
      : formatAmount(ch.status === "added" ? d.after : d.before, unit);
  const was = l.was === undefined ? "" : ` (was ${l.was})`;
  return [
    {
      text: `${MARK[ch.status]} ${l.path}${l.count > 1 ? ` ×${l.count}` : ""}${was}`,
      ...(paint ? { paint } : {}),
    },
    { text: pairText(ch.before?.kind, ch.after?.kind) },
    { text: pairText(shape(ch.before), shape(ch.after)) },
    { text: figure(ch.params, "count") },
    { text: figure(ch.macsPerToken, "si") },
  ];
}

function layersBlock(d: ModelDiff, c: Palette): string[] {
  if (d.layers.length === 0 && d.renumbered.length === 0) return [];
  const out = ["", c.heading("Layers")];
  if (d.layers.length > 0) {
    const lines = layerLines(d.layers);
    const head: Cell[] = ["  Layer", "Kind", "Output shape", "Params", "MACs/token"].map((t) => ({
      text: t,
      paint: c.dim,
    }));
    const rows = [head, ...lines.map((l) => layerCells(l, c))];
    const table = textTable(rows, ["left", "left", "left", "left", "left"]);
    out.push(table[0]!);
    lines.forEach((l, i) => {
      // As in git diff, an added or removed row is coloured whole; a changed one by its path.
      const status = l.change.status;
      out.push(
        status === "added"
          ? c.added(table[i + 1]!)
          : status === "removed"
            ? c.removed(table[i + 1]!)
            : table[i + 1]!,
      );
      // Added and removed layers bring all their tensors; listing them would repeat the
      // row. Within a kept layer, a tensor that appears or goes is the news (`general`
      // attention's W), while reshaped tensors follow from the output shape shown.
      if (l.change.status !== "changed") return;
      for (const t of l.change.tensors) {
        if (t.status === "reshaped") continue;
        const shape = formatShape((t.after ?? t.before)!);
        const line = `      ${t.status === "added" ? "+" : "-"} tensor ${t.name} ${shape} (${formatSigned(t.params.delta, "count")} params)`;
        out.push(t.status === "added" ? c.added(line) : c.removed(line));
      }
    });
  }
  const dd = d.depth;
  for (const [part, delta] of [
    ["encoder", dd.encoder],
    ["decoder", dd.decoder],
  ] as const) {
    if (delta.delta !== 0)
      out.push(`  ${part} depth ${delta.before} → ${delta.after} numbered layers`);
  }
  for (const r of renumberingLines(d.renumbered)) out.push(c.dim(`  renumbered ${r}`));
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

function paramsBlock(d: ModelDiff, c: Palette): string[] {
  const p = d.params;
  const rows: (string | Cell)[][] = [
    ["", "before", "after", "delta", "relative"].map((t) => ({ text: t, paint: c.dim })),
  ];
  for (const [section, delta] of Object.entries(p.bySection))
    rows.push([section, ...deltaCells(delta, "count")]);
  rows.push([{ text: "total", paint: c.heading }, ...deltaCells(p.total, "count")]);
  if (p.buffers.before !== 0 || p.buffers.after !== 0)
    rows.push(["buffers", ...deltaCells(p.buffers, "count")]);
  rows.push(["weight bytes", ...deltaCells(p.weightBytes, "bytes")]);
  return [
    "",
    c.heading("Parameters (trainable; a tied tensor counts once)"),
    ...textTable(rows, ["left", "right", "right", "right", "right"]),
  ];
}

const FIGURE_LABELS = [
  ["perSourceToken", "per source token"],
  ["perTargetToken", "per target token"],
  ["perGeneratedToken", "per generated token"],
] as const;

function computeBlock(m: TokenFiguresBySection, d: ModelDiff, c: Palette): string[] {
  const rows: (string | Cell)[][] = [
    ["", "before", "after", "delta", "relative"].map((t) => ({ text: t, paint: c.dim })),
  ];
  for (const [key, label] of FIGURE_LABELS) {
    rows.push([{ text: label, paint: c.heading }, ...deltaCells(m[key], "si")]);
    for (const [section, f] of Object.entries(m.bySection)) {
      const x = f[key];
      if (x.before !== 0 || x.after !== 0) rows.push([`  ${section}`, ...deltaCells(x, "si")]);
    }
  }
  rows.push([
    { text: "per sequence pair", paint: c.heading },
    ...deltaCells(m.perSequencePair, "si"),
  ]);
  const title = `MACs at batch 1, source and target length L = ${d.compute.referenceLength} (as in s2sc summary; FLOPs = 2 × MACs)`;
  return ["", c.heading(title), ...textTable(rows, ["left", "right", "right", "right", "right"])];
}

/** `MatMul +4, LSTM -1` for the op kinds whose count changed. */
function opsText(ops: Record<string, Delta>): string {
  return Object.entries(ops)
    .filter(([, d]) => d.delta !== 0)
    .map(([op, d]) => `${op} ${formatSigned(d.delta, "count")}`)
    .join(", ");
}

function irBlock(ir: IrDiff, c: Palette): string[] {
  const title =
    ir.passes.length === 0
      ? "Op graphs, as elaborated (no optimisation passes applied)"
      : `Op graphs after ${ir.passes.join(", ")}`;
  const rows: (string | Cell)[][] = [];
  for (const [graph, g] of Object.entries(ir.graphs)) {
    const fused = opsText(g.fused);
    rows.push([
      graph,
      `nodes ${formatChange(g.nodes, "count")}`,
      [opsText(g.ops) || "same op counts", fused && `fused ${fused}`].filter(Boolean).join("; "),
    ]);
  }
  const out = ["", c.heading(title), ...textTable(rows, ["left", "left", "left"])];
  for (const p of ir.paths) {
    const where = p.beforePath !== undefined ? `${p.path} (was ${p.beforePath})` : p.path;
    const line = `  ${MARK[p.status]} ${p.graph} ${where}: ${opsText(p.ops)}`;
    out.push(
      p.status === "added"
        ? c.added(line)
        : p.status === "removed"
          ? c.removed(line)
          : c.changed(line),
    );
  }
  return out;
}
