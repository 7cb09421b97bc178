/**
 * SVG through Graphviz compiled to WebAssembly (`@viz-js/viz`): the layout is Graphviz's
 * `dot`, not ours. The wasm ships inside the npm package, so nothing is downloaded at
 * run time. It is imported on first use only, so commands other than `graph` do not pay
 * for loading it.
 */
import type { Viz } from "@viz-js/viz";
import type { GraphDoc } from "../types.js";
import { toDot } from "./dot.js";
import { FONT, SVG_FONTS } from "./style.js";

let viz: Promise<Viz> | undefined;

const FAMILY = new RegExp(`font-family="${FONT}[^"]*"`, "g");

function graphviz(): Promise<Viz> {
  viz ??= import("@viz-js/viz").then((m) => m.instance());
  return viz;
}

/**
 * Lays out DOT text and returns the SVG; throws with Graphviz's messages on failure.
 * Warnings (estimated widths of non-ASCII characters such as `×` and `→`) are dropped:
 * they say the layout is approximate, which a reader of the picture cannot act on.
 */
export async function dotToSvg(dot: string): Promise<string> {
  const g = await graphviz();
  const r = g.render(dot, { format: "svg", engine: "dot" });
  if (r.status !== "success") {
    const messages = r.errors.map((e) => e.message.trim()).join("; ");
    throw new Error(`Graphviz could not lay out the graph: ${messages}`);
  }
  // Graphviz writes `font-family="Helvetica,sans-Serif"` for the font it measured with.
  return r.output.replace(FAMILY, `font-family="${SVG_FONTS}"`);
}

export function toSvg(doc: GraphDoc): Promise<string> {
  return dotToSvg(toDot(doc));
}
