/**
 * A lower bound of a model's float32 weight bytes, computed from the checked model's
 * arithmetic alone: no layer is planned, no graph node or array is created. Stacks count
 * by multiplication (`stack 5000 { ... }` is its body's count times 5000), so a model far
 * over the memory budget is refused in microseconds instead of being built first.
 *
 * Only terms every build certainly has are counted (embedding tables, the recurrent
 * state matrices, the attention projections that read the layer's own width, both
 * feed-forward matrices, an untied output projection), so the bound never exceeds the exact count (`weightBytes` of the
 * built module), which is still checked after the build. A float: it may exceed 2⁵³.
 */
import { childSection, type ResolvedItem, type ResolvedSection } from "../check/index.js";
import { boolOf, intOf } from "./settings.js";

const GATES: Record<string, number> = { lstm: 4, gru: 3, rnn: 1 };

/** Parameters of one part's items given the width `d` entering them; returns [params, width out]. */
function partParams(items: readonly ResolvedItem[], d: number): [number, number] {
  let n = 0;
  for (const item of items) {
    if (item.kind === "stack") {
      // The body once, to learn the width it leaves; later iterations enter at that width.
      const [first, out] = partParams(item.children, d);
      const [rest] = item.count > 1 ? partParams(item.children, out) : [0];
      n += first + (item.count - 1) * rest;
      d = out;
      continue;
    }
    const [p, out] = sectionParams(item, d);
    n += p;
    d = out;
  }
  return [n, d];
}

function sectionParams(s: ResolvedSection, d: number): [number, number] {
  const hidden = intOf(s, "hidden") ?? 0;
  const gates = GATES[s.head];
  if (gates !== undefined) {
    const dirs = boolOf(s, "bidirectional") === true ? 2 : 1;
    // W [dirs, G·H, in] and R [dirs, G·H, H]; the bias is left out of the bound.
    return [dirs * gates * hidden * (d + hidden), dirs * hidden];
  }
  if (s.head === "feed_forward") return [2 * d * hidden, d];
  if (s.head === "self_attention" || s.head === "cross_attention") {
    const heads = intOf(s, "heads") ?? 1;
    const keyDim = intOf(s, "key_dim") ?? Math.floor(d / heads);
    // Query and output projections d ↔ heads·key_dim; self-attention's keys and values
    // read d too (cross-attention's read the memory, whose width is left out).
    return [(s.head === "self_attention" ? 4 : 2) * d * heads * keyDim, d];
  }
  return [0, d];
}

export function estimateParams(root: ResolvedSection): number {
  const source = childSection(root, "source");
  const target = childSection(root, "target");
  const size = (s: ResolvedSection | undefined, f: string) =>
    s === undefined ? 0 : (intOf(s, f) ?? 0);
  const sEmbed = size(source, "embed");
  const tEmbed = size(target, "embed");
  const tVocab = size(target, "vocab");
  let n = size(source, "vocab") * sEmbed;
  if (boolOf(root, "share_embeddings") !== true) n += tVocab * tEmbed;
  const encoder = childSection(root, "encoder");
  const decoder = childSection(root, "decoder");
  if (encoder !== undefined) n += partParams(encoder.children, sEmbed)[0];
  let outWidth = 1;
  if (decoder !== undefined) {
    const [p, out] = partParams(decoder.children, tEmbed);
    n += p;
    // A Transformer decoder ends at its embedding width; a recurrent one's output
    // depends on its attention, so only width ≥ 1 is certain.
    const recurrent = [...sections(decoder.children)].some((s) => s.head in GATES);
    if (!recurrent) outWidth = out;
  }
  const output = childSection(root, "output");
  if (output === undefined || boolOf(output, "tied") !== true) n += outWidth * tVocab;
  return n;
}

/** float32 bytes of `estimateParams`. */
export function estimateWeightBytes(root: ResolvedSection): number {
  return 4 * estimateParams(root);
}

function* sections(items: readonly ResolvedItem[]): Generator<ResolvedSection> {
  for (const i of items) {
    if (i.kind === "stack") yield* sections(i.children);
    else yield i;
  }
}
