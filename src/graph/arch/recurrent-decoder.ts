/**
 * The wiring of a recurrent decoder's one `attention` section, as
 * elaborate/decoder-recurrent.ts builds it:
 *
 * - after the recurrent layers (Luong): the top state queries the memory and the box
 *   outputs h̃ = tanh(W[c; h]); with input feeding, h̃ of the previous step joins the
 *   first layer's input (a feedback edge);
 * - before them (RNNsearch): the previous top state queries the memory (a feedback
 *   edge) and the context joins the first layer's input next to the embedding.
 */
import type { ResolvedSection } from "../../check/index.js";
import { boolOf, isRecurrent, planLayers } from "../../elaborate/index.js";
import { layerBox, sectionNode, type PartDrawing } from "./part.js";

/** Whether a decoder is drawn (and elaborated) as a recurrent decoder. */
export function isRecurrentDecoder(part: ResolvedSection): boolean {
  return planLayers(part, "decoder").some(
    (p) => isRecurrent(p.section.head) || p.section.head === "attention",
  );
}

/**
 * Installs the attention wiring on `d`; call the returned function after the decoder's
 * layers are drawn to add the edges that need the last recurrent layer.
 */
export function wireRecurrentDecoder(d: PartDrawing, part: ResolvedSection): () => void {
  const plan = planLayers(part, "decoder");
  const at = plan.findIndex((p) => p.section.head === "attention");
  const before = at >= 0 && plan.slice(0, at).every((p) => !isRecurrent(p.section.head));
  let attention: string | undefined;
  /** The context of attention-before, waiting for the first recurrent layer. */
  let context: string | undefined;
  d.section = (s, input) => {
    if (s.head !== "attention") {
      const y = sectionNode(d, s, input);
      if (context !== undefined && isRecurrent(s.head)) {
        d.b.edge(context, y, "data", "context");
        context = undefined;
      }
      return y;
    }
    const n = layerBox(d, s);
    attention = n;
    if (d.memory !== undefined) d.b.edge(d.memory, n, "memory", "keys, values");
    if (before) {
      // The stream goes on from the embedding; the context joins the first layer.
      context = n;
      return input;
    }
    d.b.edge(input, n);
    const first = d.recurrent[0];
    if (boolOf(s, "input_feeding") && first !== undefined)
      d.b.edge(n, first, "feedback", "input feeding");
    return n;
  };
  return () => {
    const top = d.recurrent[d.recurrent.length - 1];
    if (before && attention !== undefined && top !== undefined)
      d.b.edge(top, attention, "feedback", "previous state");
  };
}
