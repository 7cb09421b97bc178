/**
 * One side of a comparison, gathered once: the checked model's structure, the summary's
 * figures (the same `summarize` that `s2sc summary` prints, so that the diff's deltas
 * are exactly the difference of the two summaries), and the layer table with each
 * layer's section and parameter tensors attached.
 */
import type { CheckedModel, ResolvedSection } from "../check/index.js";
import { summarize, type SummaryData } from "../summary/index.js";
import type { IrModule } from "../ir/index.js";
import { structureOf, type Structure } from "./structure.js";
import type { LayerRow } from "./types.js";

export interface DiffInput {
  model: CheckedModel;
  /** The model's IR module as elaborated (and verified). */
  module: IrModule;
}

export interface SideRow {
  row: LayerRow;
  /** The layer's section, for encoder and decoder layers (the others' settings live in `model`, `source`, ...). */
  section: ResolvedSection | undefined;
  /** Trainable tensors owned by the layer, named relative to its path. */
  tensors: Map<string, number[]>;
}

export interface Side {
  structure: Structure;
  summary: SummaryData;
  /** Rows of the layer table, in table order, by path. */
  rows: Map<string, SideRow>;
}

export function sideOf(input: DiffInput, referenceLength: number): Side {
  const structure = structureOf(input.model);
  const summary = summarize(input.module, referenceLength);
  const sections = new Map<string, ResolvedSection>();
  for (const groups of Object.values(structure.groups)) {
    for (const g of groups) for (const m of g.members) sections.set(m.path, m.section);
  }
  const rows = new Map<string, SideRow>();
  for (const l of summary.layers) {
    const row: LayerRow = {
      path: l.path,
      kind: l.kind,
      outputShape: [...l.outputShape],
      params: l.params,
      macsPerToken: l.macsPerToken,
    };
    rows.set(l.path, { row, section: sections.get(l.path), tensors: new Map() });
  }
  // A tensor belongs to the innermost layer whose path encloses it, so that no tensor
  // is shown under two layers.
  const paths = [...rows.keys()].sort((a, b) => b.length - a.length);
  for (const p of input.module.params) {
    if (!p.trainable) continue;
    const owner = paths.find((r) => p.name.startsWith(r + "/"));
    if (owner !== undefined)
      rows.get(owner)!.tensors.set(p.name.slice(owner.length + 1), [...p.shape]);
  }
  return { structure, summary, rows };
}
