/**
 * A checked model seen the way the diff compares it: the sections that are not layers
 * (`model`, `source`, `target`, `encoder`, `decoder`, `output`, `train`), keyed by a
 * path, and the numbered layers of the encoder and decoder, as elaboration numbers them
 * (elaborate/plan.ts), so that layer paths agree with the IR's layer table.
 */
import { type CheckedModel, childSection, type ResolvedSection } from "../check/index.js";
import { planLayers } from "../elaborate/index.js";
import { sectionSignature } from "./settings.js";

export const PARTS = ["encoder", "decoder"] as const;
export type Part = (typeof PARTS)[number];

export interface PlannedLayer {
  /** The name within its numbered layer: `self_attention`, `feed_forward`, `lstm_1`. */
  name: string;
  path: string;
  section: ResolvedSection;
}

/** One numbered layer (`encoder/layer3`): a stack iteration or a single written layer. */
export interface LayerGroup {
  part: Part;
  index: number;
  path: string;
  members: PlannedLayer[];
}

export interface Structure {
  /** Sections that are not layers, by path (`model`, `source`, `encoder`, `output`, ...). */
  sections: Map<string, ResolvedSection>;
  groups: Record<Part, LayerGroup[]>;
}

export function structureOf(model: CheckedModel): Structure {
  const groups: Record<Part, LayerGroup[]> = { encoder: [], decoder: [] };
  const layerSections = new Set<ResolvedSection>();
  for (const part of PARTS) {
    const section = childSection(model.root, part);
    if (section === undefined) continue;
    for (const p of planLayers(section, part)) {
      layerSections.add(p.section);
      const list = groups[part];
      let g = list[list.length - 1];
      if (g === undefined || g.index !== p.layer) {
        g = { part, index: p.layer, path: `${part}/layer${p.layer}`, members: [] };
        list.push(g);
      }
      g.members.push({ name: p.path.slice(g.path.length + 1), path: p.path, section: p.section });
    }
  }
  const sections = new Map<string, ResolvedSection>();
  const walk = (s: ResolvedSection, path: string) => {
    sections.set(path, s);
    const seen = new Map<string, number>();
    for (const c of s.children) {
      if (c.kind !== "section" || layerSections.has(c)) continue;
      const n = seen.get(c.head) ?? 0;
      seen.set(c.head, n + 1);
      const name = n === 0 ? c.head : `${c.head}_${n}`;
      walk(c, path === "model" ? name : `${path}/${name}`);
    }
  };
  walk(model.root, "model");
  return { sections, groups };
}

export interface GroupSignature {
  /** Sublayer names, kinds, variants and resolved settings: equal for equal layers. */
  full: string;
  /** Sublayer names only (`self_attention|feed_forward`). */
  names: string;
}

// Computed once per numbered layer: the alignment asks for every pair of layers.
const signatures = new WeakMap<LayerGroup, GroupSignature>();

export function groupSignature(g: LayerGroup): GroupSignature {
  let s = signatures.get(g);
  if (s === undefined) {
    s = {
      full: g.members.map((m) => `${m.name}:${sectionSignature(m.section)}`).join("|"),
      names: g.members.map((m) => m.name).join("|"),
    };
    signatures.set(g, s);
  }
  return s;
}
