/**
 * Transformer decoders: self_attention (causal), cross_attention over the memory and
 * feed_forward sublayers, each wrapped by the residual rule. In decode_step the
 * self-attention keeps a key/value cache per layer ([B, heads, P, key_dim]) that
 * ONNX Attention extends by one position per step (past_key → present_key).
 */
import type { ResolvedSection } from "../check/index.js";
import {
  attend,
  attentionSpec,
  prepareKeys,
  type AttentionSpec,
  type PreparedKeys,
} from "./attention.js";
import { norm, typeOf, width, type Emit } from "./emit.js";
import type { PlannedSection } from "./plan.js";
import type { StateDecl } from "./state.js";
import { feedForward, residualRule, wrapResidual } from "./transformer.js";

export interface KvCache {
  /** past key/value inputs per self-attention path */
  past: ReadonlyMap<string, { key: string; value: string }>;
  /** present key/value outputs, filled in */
  present: Map<string, { key: string; value: string }>;
}

/** The cache entries decode_step threads through, one key and one value per layer. */
export function cacheStates(e: Emit, plan: readonly PlannedSection[], d: number): StateDecl[] {
  const out: StateDecl[] = [];
  for (const p of plan) {
    if (p.section.head !== "self_attention") continue;
    const a = attentionSpec(e.cx, p.section, p.path, d, d, true);
    for (const kv of ["key", "value"]) {
      out.push({
        name: `state/${p.path}/${kv}`,
        shape: ["B", a.heads, "P", a.keyDim],
        init: "empty",
      });
    }
  }
  return out;
}

/** The cross-attention sublayers' specs, by path (the stream keeps width `d` throughout). */
export function crossAttentionSpecs(
  e: Emit,
  plan: readonly PlannedSection[],
  d: number,
  dk: number,
): Map<string, AttentionSpec> {
  const out = new Map<string, AttentionSpec>();
  for (const p of plan) {
    if (p.section.head === "cross_attention")
      out.set(p.path, attentionSpec(e.cx, p.section, p.path, d, dk));
  }
  return out;
}

/**
 * Runs the decoder over y [B, L, d]; with a cache, L is 1 and the cache is extended.
 * `crossKeys` are the cross-attentions' K/V projections of the memory, by path,
 * computed once by the encode graph.
 */
export function transformerDecoder(
  e: Emit,
  part: ResolvedSection,
  plan: readonly PlannedSection[],
  y: string,
  memory: string,
  mask: string,
  crossKeys: ReadonlyMap<string, PreparedKeys>,
  cache: KvCache | undefined,
): string {
  const rule = residualRule(part);
  let x = y;
  for (const p of plan) {
    const { section, path } = p;
    const saved = e.b.range;
    e.b.range = section.range;
    const d = width(e, x);
    if (section.head === "self_attention") {
      const a = attentionSpec(e.cx, section, path, d, d, true);
      x = wrapResidual(e, rule, section, path, x, (input) => {
        const keys = prepareKeys(e, a, input);
        if (cache === undefined) return attend(e, a, input, keys, undefined).context;
        const res = attend(e, a, input, keys, undefined, cache.past.get(path));
        cache.present.set(path, res.present!);
        return res.context;
      });
      e.cx.layer(
        path,
        `self_attention/${a.score} (causal)`,
        ["B", "T", width(e, x)],
        section.range,
      );
    } else if (section.head === "cross_attention") {
      const a = attentionSpec(e.cx, section, path, d, width(e, memory));
      x = wrapResidual(
        e,
        rule,
        section,
        path,
        x,
        (input) => attend(e, a, input, crossKeys.get(path)!, mask).context,
      );
      e.cx.layer(path, `cross_attention/${a.score}`, ["B", "T", width(e, x)], section.range);
    } else if (section.head === "feed_forward") {
      x = wrapResidual(e, rule, section, path, x, (input) => feedForward(e, section, path, input));
      e.cx.layer(path, "feed_forward", ["B", "T", width(e, x)], section.range);
    } else {
      e.cx.fail(
        "S2S3008",
        section.nameRange,
        `\`${section.head}\` cannot be mixed with Transformer sublayers in a decoder`,
        "make the decoder all recurrent layers (with `attention`) or all Transformer sublayers",
      );
    }
    e.b.range = saved;
  }
  if (rule.residual === "pre_norm") {
    x = norm(e, "decoder/final_norm", x, rule.norm, part.range);
    e.cx.layer("decoder/final_norm", rule.norm, ["B", "T", width(e, x)], part.range);
  }
  void typeOf;
  return x;
}
