/**
 * `s2sc graph`'s library face: a model → a graph description (`archGraph` from the
 * checked model and its IR, `irGraph` from one entry point of an IR module) → text in
 * one of three formats.
 *
 * **Invariant:** the description is a function of its inputs alone (ids by counting,
 * no clocks, no maps iterated in hash order), so every format's output is deterministic;
 * SVG is Graphviz's layout of the DOT text, never a layout of ours.
 * **API:** `archGraph`, `irGraph`, `renderGraph`, the format and level names.
 */
import { toDot } from "./emit/dot.js";
import { toMermaid } from "./emit/mermaid.js";
import { toSvg } from "./emit/svg.js";
import type { GraphDoc } from "./types.js";

export { archGraph } from "./arch/index.js";
export { ENTRY_POINTS, irGraph } from "./ir/index.js";
export type { GraphDoc } from "./types.js";

export const FORMATS = ["dot", "mermaid", "svg"] as const;
export type Format = (typeof FORMATS)[number];

/** `arch`: the encoder–decoder diagram; `ir`: the op graph of one entry point. */
export const LEVELS = ["arch", "ir"] as const;
export type Level = (typeof LEVELS)[number];

export function renderGraph(doc: GraphDoc, format: Format): Promise<string> {
  switch (format) {
    case "dot":
      return Promise.resolve(toDot(doc));
    case "mermaid":
      return Promise.resolve(toMermaid(doc));
    case "svg":
      return toSvg(doc);
  }
}
