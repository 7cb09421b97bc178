/**
 * Draws an encoder's or decoder's layers: sections in order, each stack once inside a
 * `×N` cluster (the checked model keeps stacks, so repeated layers are known, not
 * guessed from paths), and Transformer sublayers wrapped by the part's residual rule.
 *
 * Which sections are wrapped, and the rule itself, come from the elaborator's own
 * functions (`planLayers`, `wrappedLayers`, `residualRule`), so the picture shows exactly
 * the residual connections the IR has.
 */
import type { ResolvedItem, ResolvedSection } from "../../check/index.js";
import {
  isRecurrent,
  planLayers,
  residualRule,
  type ResidualRule,
  wrappedLayers,
} from "../../elaborate/index.js";
import type { LayerInfo } from "../../ir/index.js";
import type { DocBuilder } from "../builder.js";
import { sectionLabel } from "./labels.js";

export interface SectionInfo {
  /** The section's layer paths, one per stack iteration (`encoder/layer0/...`, ...). */
  paths: string[];
  /** Whether the elaborator wraps it in a residual block. */
  wrapped: boolean;
}

export interface PartPlan {
  info: Map<ResolvedSection, SectionInfo>;
  rule: ResidualRule;
  /** pre_norm adds a final norm after the layers when any layer is wrapped. */
  finalNorm: boolean;
}

export function planPart(part: ResolvedSection, name: "encoder" | "decoder"): PartPlan {
  const plan = planLayers(part, name);
  const wrapped = wrappedLayers(plan);
  const info = new Map<ResolvedSection, SectionInfo>();
  // A stack body's sections are the same objects in every iteration.
  for (const p of plan) {
    const seen = info.get(p.section);
    if (seen === undefined) info.set(p.section, { paths: [p.path], wrapped: wrapped.has(p.layer) });
    else seen.paths.push(p.path);
  }
  const rule = residualRule(part);
  return { info, rule, finalNorm: rule.residual === "pre_norm" && wrapped.size > 0 };
}

export interface PartDrawing {
  b: DocBuilder;
  plan: PartPlan;
  /** The IR's layer table by path (output widths). */
  layers: ReadonlyMap<string, LayerInfo>;
  /** The encoder's output node, for the decoder's attention to read. */
  memory: string | undefined;
  /** Recurrent layer nodes drawn so far, in order (the bridge connects them). */
  recurrent: string[];
  /** Draws one section after `input` and returns its output node. */
  section: (s: ResolvedSection, input: string) => string;
}

export function partDrawing(
  b: DocBuilder,
  plan: PartPlan,
  layers: ReadonlyMap<string, LayerInfo>,
  memory: string | undefined,
): PartDrawing {
  const d: PartDrawing = {
    b,
    plan,
    layers,
    memory,
    recurrent: [],
    section: (s, input) => drawSection(d, s, input),
  };
  return d;
}

/** Draws `items` after `input`; returns the last output node. */
export function drawItems(d: PartDrawing, items: readonly ResolvedItem[], input: string): string {
  let x = input;
  for (const item of items) {
    if (item.kind === "stack") {
      const from = x;
      x = d.b.cluster("stack", `×${item.count}`, () => drawItems(d, item.children, from));
    } else if (d.plan.info.has(item)) {
      x = d.section(item, x);
    }
  }
  return x;
}

/** Draws the layers of a part and, for pre_norm, its final norm. */
export function drawPart(d: PartDrawing, part: ResolvedSection, input: string): string {
  const x = drawItems(d, part.children, input);
  if (!d.plan.finalNorm) return x;
  const n = d.b.node("norm", "Norm", [d.plan.rule.norm, "final"]);
  d.b.edge(x, n);
  return n;
}

/** One section's box (wrapped by the residual rule when the elaborator wraps it). */
export function drawSection(d: PartDrawing, s: ResolvedSection, input: string): string {
  const info = d.plan.info.get(s)!;
  return info.wrapped ? wrap(d, input, (x) => sectionNode(d, s, x)) : sectionNode(d, s, input);
}

/** The section's own box, fed by `input`; cross-attention also reads the memory. */
export function sectionNode(d: PartDrawing, s: ResolvedSection, input: string): string {
  const n = layerBox(d, s);
  d.b.edge(input, n);
  if (s.head === "cross_attention" && d.memory !== undefined)
    d.b.edge(d.memory, n, "memory", "K, V");
  if (isRecurrent(s.head)) d.recurrent.push(n);
  return n;
}

/** A layer's box, unconnected. The tooltip names its paths in the IR. */
export function layerBox(d: PartDrawing, s: ResolvedSection): string {
  const info = d.plan.info.get(s)!;
  const out = d.layers.get(info.paths[0]!)?.outputShape;
  const width = out?.[out.length - 1];
  const l = sectionLabel(s, typeof width === "number" ? width : undefined);
  const paths = info.paths;
  const tooltip = paths.length === 1 ? paths[0]! : `${paths[0]} … ${paths[paths.length - 1]}`;
  return d.b.node(l.kind, l.title, l.details, tooltip);
}

/**
 * The residual rule around `core`: post_norm x = norm(x + f(x)) as one "Add & Norm" box
 * (the papers' figure), pre_norm x = x + f(norm(x)), none x = f(x).
 */
function wrap(d: PartDrawing, input: string, core: (x: string) => string): string {
  const { b, plan } = d;
  switch (plan.rule.residual) {
    case "none":
      return core(input);
    case "post_norm": {
      const y = core(input);
      const out = b.node("add_norm", "Add & Norm", [plan.rule.norm]);
      b.edge(y, out);
      b.edge(input, out, "residual");
      return out;
    }
    case "pre_norm": {
      const n = b.node("norm", "Norm", [plan.rule.norm]);
      b.edge(input, n);
      const y = core(n);
      const out = b.node("add", "+");
      b.edge(y, out);
      b.edge(input, out, "residual");
      return out;
    }
  }
}
