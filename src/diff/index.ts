/**
 * The architecture diff: two checked models and their IR modules → what changed, as
 * data (types.ts). A pure function: no I/O, no printing; the CLI renders the result as
 * text, Markdown or JSON.
 *
 * What is compared is the resolved architecture, never the text: every setting's value
 * after parameters, `extends` and defaults (so renaming a `let`, reformatting or
 * rewriting a model through `extends` changes nothing), the layer table with layers
 * paired across stacks (match.ts), and the summaries' parameter and compute figures.
 *
 * API boundary: `diffModels`, the result types, and the IR pipeline hook.
 */
import { compareSections, sectionOf } from "../ir/index.js";
import { delta, isZero } from "./delta.js";
import { irDiff, type IrPipeline } from "./ir.js";
import { compareLayer } from "./layer-change.js";
import { matchLayers } from "./match.js";
import { compareSettings } from "./settings.js";
import { sideOf, type DiffInput, type Side } from "./side.js";
import { computeDiff, paramsDiff } from "./totals.js";
import {
  DIFF_FORMAT_VERSION,
  type Delta,
  type LayerChange,
  type ModelDiff,
  type SettingChange,
} from "./types.js";

export type { DiffInput } from "./side.js";
export { AS_ELABORATED, type IrPipeline } from "./ir.js";
export type * from "./types.js";
export { DIFF_FORMAT_VERSION } from "./types.js";
export * from "./render-markdown.js";
export * from "./render-text.js";
export * from "./canonical.js";

export interface DiffOptions {
  /** Reference length L for the per-token compute figures (as `summary --length`). */
  referenceLength: number;
  /** Compare the op graphs too, after this pipeline (`--ir`). */
  ir?: IrPipeline;
}

export function diffModels(before: DiffInput, after: DiffInput, opts: DiffOptions): ModelDiff {
  const a = sideOf(before, opts.referenceLength);
  const b = sideOf(after, opts.referenceLength);
  const settings = sectionSettings(a, b);
  const matching = matchLayers(a, b);
  const layers: LayerChange[] = [];
  for (const pair of matching.pairs) {
    let changed: SettingChange[] = [];
    if (pair.before !== undefined && pair.after !== undefined) {
      changed = compareSettings({
        before: pair.before.section,
        after: pair.after.section,
        beforePath: pair.before.row.path,
        afterPath: pair.after.row.path,
      });
    }
    settings.push(...changed);
    const change = compareLayer(pair, changed.length > 0);
    if (change !== undefined) layers.push(change);
  }
  const result: ModelDiff = {
    version: DIFF_FORMAT_VERSION,
    equal: false,
    before: { file: before.model.file, model: before.model.name },
    after: { file: after.model.file, model: after.model.name },
    settings,
    layers,
    renumbered: matching.renumbered,
    depth: {
      encoder: delta(a.structure.groups.encoder.length, b.structure.groups.encoder.length),
      decoder: delta(a.structure.groups.decoder.length, b.structure.groups.decoder.length),
    },
    params: paramsDiff(a.summary, b.summary),
    compute: computeDiff(a.summary, b.summary),
  };
  if (opts.ir !== undefined) {
    result.ir = irDiff(before.module, after.module, matching.pairs, opts.ir);
  }
  result.equal = isEqual(result);
  return result;
}

/** Settings of the sections that are not layers (`model`, `source`, `encoder`, ...), paired by path. */
function sectionSettings(a: Side, b: Side): SettingChange[] {
  const paths = [...new Set([...a.structure.sections.keys(), ...b.structure.sections.keys()])].sort(
    bySection,
  );
  return paths.flatMap((path) =>
    compareSettings({
      before: a.structure.sections.get(path),
      after: b.structure.sections.get(path),
      beforePath: path,
      afterPath: path,
    }),
  );
}

/** `model` first, then sections in reading order (`source`, `target`, `encoder`, ...). */
function bySection(x: string, y: string): number {
  if (x === "model" || y === "model") return x === y ? 0 : x === "model" ? -1 : 1;
  return compareSections(sectionOf(x), sectionOf(y)) || (x < y ? -1 : x > y ? 1 : 0);
}

/**
 * Equal when no setting, layer or figure differs. The figures follow from the
 * architecture, so they are checked only as a guard: a difference there that the
 * settings and layers miss is still a difference.
 */
function isEqual(d: ModelDiff): boolean {
  const deltas: Delta[] = [
    d.params.total,
    d.params.buffers,
    d.params.weightBytes,
    ...Object.values(d.params.bySection),
    d.compute.macs.perSourceToken,
    d.compute.macs.perTargetToken,
    d.compute.macs.perGeneratedToken,
    d.compute.macs.perSequencePair,
    d.depth.encoder,
    d.depth.decoder,
  ];
  const ir = d.ir;
  const irEqual =
    ir === undefined ||
    (ir.paths.length === 0 &&
      Object.values(ir.graphs).every((g) => isZero(g.nodes) && Object.values(g.ops).every(isZero)));
  return d.settings.length === 0 && d.layers.length === 0 && deltas.every(isZero) && irEqual;
}
