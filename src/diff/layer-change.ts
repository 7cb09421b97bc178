/**
 * What changed in one pair of layers: kind (which carries the attention type:
 * `attention/dot` → `attention/general`), variant, settings, output shape, parameters
 * and their tensors, and MACs. An added or removed layer carries all its parameters
 * and MACs as the delta.
 */
import { dimsEqual } from "../ir/index.js";
import { delta, shapesEqual } from "./delta.js";
import type { RowPair } from "./match.js";
import type { SideRow } from "./side.js";
import type { LayerAspect, LayerChange, TensorChange } from "./types.js";

const elements = (shape: readonly number[] | undefined) =>
  shape === undefined ? 0 : shape.reduce((a, b) => a * b, 1);

/** The layer's change, or undefined when the pair is equal in every aspect. */
export function compareLayer(pair: RowPair, settingsChanged: boolean): LayerChange | undefined {
  const { before, after } = pair;
  const tensors = compareTensors(before, after);
  const base = {
    path: (after ?? before)!.row.path,
    before: before === undefined ? null : before.row,
    after: after === undefined ? null : after.row,
  };
  const figures = {
    tensors,
    params: delta(before?.row.params ?? 0, after?.row.params ?? 0),
    macsPerToken: delta(before?.row.macsPerToken ?? 0, after?.row.macsPerToken ?? 0),
  };
  if (before === undefined || after === undefined) {
    return { status: before === undefined ? "added" : "removed", ...base, changed: [], ...figures };
  }
  const aspects: LayerAspect[] = [];
  const x = before.row;
  const y = after.row;
  if (x.kind !== y.kind) aspects.push("kind");
  const variant = {
    before: before.section?.variant ?? null,
    after: after.section?.variant ?? null,
  };
  const variantChanged = variant.before !== variant.after;
  if (variantChanged) aspects.push("variant");
  if (settingsChanged) aspects.push("settings");
  if (
    x.outputShape.length !== y.outputShape.length ||
    !x.outputShape.every((d, i) => dimsEqual(d, y.outputShape[i]!))
  ) {
    aspects.push("outputShape");
  }
  if (x.params !== y.params) aspects.push("params");
  if (x.macsPerToken !== y.macsPerToken) aspects.push("macs");
  if (tensors.length > 0) aspects.push("tensors");
  if (aspects.length === 0) return undefined;
  return {
    status: "changed",
    ...base,
    changed: aspects,
    ...(variantChanged ? { variant } : {}),
    ...figures,
  };
}

function compareTensors(before: SideRow | undefined, after: SideRow | undefined): TensorChange[] {
  const a = before?.tensors ?? new Map<string, number[]>();
  const b = after?.tensors ?? new Map<string, number[]>();
  const out: TensorChange[] = [];
  for (const name of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(name);
    const y = b.get(name);
    if (x !== undefined && y !== undefined && shapesEqual(x, y)) continue;
    out.push({
      name,
      status: x === undefined ? "added" : y === undefined ? "removed" : "reshaped",
      before: x ?? null,
      after: y ?? null,
      params: delta(elements(x), elements(y)),
    });
  }
  return out;
}
