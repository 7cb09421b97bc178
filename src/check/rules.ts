/**
 * Rules that relate settings to each other or to where a section sits, checked on the
 * resolved tree (so inherited and default values count). Shape rules — widths, heads
 * dividing the model width, tied sizes, bridges — belong to elaboration (S2S3xxx), and so
 * does a bidirectional decoder layer (S2S3010), which is about how layers connect.
 */
import type { Diagnostics } from "../diagnostics/index.js";
import { LIMIT_WHY, MAX_LAYERS } from "./schema.js";
import { formatCount } from "./values.js";
import {
  childSection,
  type ResolvedItem,
  type ResolvedSection,
  type ResolvedSetting,
} from "./model.js";

export function checkRules(root: ResolvedSection, diags: Diagnostics): void {
  layerCount(root, diags);
  sharedEmbeddings(root, diags);
  for (const part of ["encoder", "decoder"] as const) {
    const s = childSection(root, part);
    if (s !== undefined) learnedPositions(s, diags);
  }
  const decoder = childSection(root, "decoder");
  if (decoder !== undefined) {
    for (const layer of layers(decoder.children)) decoderLayer(layer, diags);
  }
}

/** Every section inside `items`, through stacks. */
function* layers(items: readonly ResolvedItem[]): Generator<ResolvedSection> {
  for (const i of items) {
    if (i.kind === "stack") yield* layers(i.children);
    else {
      yield i;
      yield* layers(i.children);
    }
  }
}

const isTrue = (s: ResolvedSetting | undefined) => s?.value.type === "bool" && s.value.value;

/** S2S2050: a decoder produces one position at a time, left to right. */
function decoderLayer(layer: ResolvedSection, diags: Diagnostics): void {
  const causal = layer.settings["causal"];
  if (
    layer.head === "self_attention" &&
    causal !== undefined &&
    !isTrue(causal) &&
    causal.range !== undefined
  ) {
    diags.add("S2S2050", causal.range, "decoder self-attention must be causal", {
      hint: "the decoder predicts each position from earlier ones only; remove `causal = false`",
    });
  }
}

/** S2S2051, once per written `position = learned` that lacks a max_length where it applies. */
function learnedPositions(part: ResolvedSection, diags: Diagnostics): void {
  const pos = part.settings["position"];
  if (pos?.value.type !== "enum" || pos.value.value !== "learned" || pos.range === undefined)
    return;
  if (part.settings["max_length"] !== undefined) return;
  diags.add("S2S2051", pos.range, "learned positions need `max_length`", {
    hint: "set `max_length = N` next to `position = learned`: it sizes the table of learned positions",
  });
}

/** S2S2052: one table cannot serve two vocabularies. */
function sharedEmbeddings(root: ResolvedSection, diags: Diagnostics): void {
  const share = root.settings["share_embeddings"];
  if (!isTrue(share) || share!.range === undefined) return;
  const src = childSection(root, "source")?.settings["vocab"];
  const tgt = childSection(root, "target")?.settings["vocab"];
  if (src === undefined || tgt === undefined) return;
  if (src.value.type === "int" && tgt.value.type === "int" && src.value.value === tgt.value.value)
    return;
  const show = (s: ResolvedSetting) => (s.value.type === "int" ? String(s.value.value) : "?");
  diags.add(
    "S2S2052",
    share!.range,
    `shared embeddings need one vocabulary (source ${show(src)}, target ${show(tgt)})`,
    {
      hint: "set one model-level `vocab` and remove `vocab` from `source` and `target`",
      related: [src, tgt]
        .filter((s) => s.range !== undefined)
        .map((s) => ({ message: "vocabulary set here", range: s.range! })),
    },
  );
}

/**
 * The layer sections a list of items expands to, from the stack counts without
 * expanding them: a stack counts its count times its body (an empty body once per
 * iteration, which elaboration still walks). A float, so nested huge counts cannot wrap.
 */
function expandedSize(items: readonly ResolvedItem[]): number {
  let n = 0;
  for (const i of items)
    n += i.kind === "stack" ? i.count * Math.max(1, expandedSize(i.children)) : 1;
  return n;
}

/**
 * S2S2053: at most MAX_LAYERS layer sections in the encoder and decoder together, so
 * that `stack 100000 { ... }` is refused here instead of being built layer by layer.
 * Reported once, at the largest item (usually a stack).
 */
function layerCount(root: ResolvedSection, diags: Diagnostics): void {
  const items = ["encoder", "decoder"].flatMap((p) => childSection(root, p)?.children ?? []);
  const total = expandedSize(items);
  if (total <= MAX_LAYERS) return;
  const size = (i: ResolvedItem) => expandedSize([i]);
  const culprit = items.reduce((a, b) => (size(b) > size(a) ? b : a));
  diags.add(
    "S2S2053",
    culprit.kind === "stack" ? culprit.range : culprit.nameRange,
    `the model expands to ${formatCount(total)} layer sections, over the limit of ${formatCount(MAX_LAYERS)}`,
    { hint: `stack counts multiply through nesting; ${LIMIT_WHY}` },
  );
}
