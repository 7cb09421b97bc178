/**
 * Titles and detail lines of the architecture picture's boxes, from the checked model's
 * settings. The words follow the papers' figures ("Add & Norm", "Masked self-attention")
 * and the spec's own vocabulary for settings (`scaled_dot`, `general`, `layer_norm`), so
 * a reader can go from the picture to the spec and back.
 */
import type { ResolvedSection } from "../../check/index.js";
import { boolOf, intOf, wordOf } from "../../elaborate/index.js";
import { count, plural } from "../format.js";
import type { NodeKind } from "../types.js";

export interface Label {
  kind: NodeKind;
  title: string;
  details: string[];
}

/**
 * The box of one layer section. `width` is the layer's output width (from the IR's
 * layer table), used where the spec does not say it (the feed-forward's outer size).
 */
export function sectionLabel(s: ResolvedSection, width: number | undefined): Label {
  switch (s.head) {
    case "lstm":
    case "gru":
    case "rnn":
      return recurrentLabel(s);
    case "self_attention":
      return {
        kind: "attention",
        title: boolOf(s, "causal") ? "Masked self-attention" : "Self-attention",
        details: attentionDetails(s),
      };
    case "cross_attention":
      return { kind: "attention", title: "Cross-attention", details: attentionDetails(s) };
    case "attention":
      return { kind: "attention", title: "Attention", details: attentionDetails(s) };
    case "feed_forward": {
      const hidden = intOf(s, "hidden");
      const d = width === undefined ? "d" : String(width);
      return {
        kind: "feed_forward",
        title: "Feed-forward",
        details: [`${d} → ${hidden} → ${d}`, wordOf(s, "activation") ?? "relu"],
      };
    }
    default:
      // The schema has no other layer heads today; a new one still gets a box.
      return { kind: "op", title: s.head, details: s.variant === undefined ? [] : [s.variant] };
  }
}

/** Width and direction: the two things that decide a recurrent layer's output. */
function recurrentLabel(s: ResolvedSection): Label {
  const hidden = intOf(s, "hidden") ?? 0;
  const activation = s.head === "rnn" ? ` · ${wordOf(s, "activation") ?? "tanh"}` : "";
  const details = boolOf(s, "bidirectional")
    ? [`hidden ${hidden} × 2 → ${2 * hidden}${activation}`, "bidirectional ⇄"]
    : [`hidden ${hidden}${activation}`, "left to right →"];
  return { kind: "recurrent", title: s.head.toUpperCase(), details };
}

/** The score (the section's variant) and what sizes it: heads, key size, v's size. */
function attentionDetails(s: ResolvedSection): string[] {
  const score = s.variant ?? "scaled_dot";
  const first =
    score === "scaled_dot"
      ? `${score} · ${plural(intOf(s, "heads") ?? 1, "head")}`
      : score === "additive"
        ? `${score} · hidden ${intOf(s, "hidden")}`
        : score;
  const out = [first];
  const keyDim = intOf(s, "key_dim");
  if (keyDim !== undefined) out.push(`key_dim ${keyDim}`);
  if (boolOf(s, "input_feeding")) out.push("input feeding");
  return out;
}

export function embeddingLabel(
  side: "source" | "target",
  vocab: number,
  s: ResolvedSection,
  shared: boolean,
): Label {
  const embed = intOf(s, "embed") ?? 0;
  const details = [`${count(vocab)} × ${embed}`];
  if (boolOf(s, "scale")) details.push(`× √${embed}`);
  if (shared) details.push("one table for both sides");
  return {
    kind: "embedding",
    title: side === "source" ? "Source embedding" : "Target embedding",
    details,
  };
}
