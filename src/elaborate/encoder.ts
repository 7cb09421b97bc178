/**
 * The encode graph: src [B, S] → memory [B, S, dk], memory_mask [B, S], and the final
 * states of the recurrent layers (for the bridge).
 */
import type { ResolvedSection } from "../check/index.js";
import { int, str } from "../ir/index.js";
import { attend, attentionSpec, prepareKeys } from "./attention.js";
import { dropout, norm, typeOf, width, type Emit } from "./emit.js";
import { embed, paddingMask, positionsFromMask, type SideEmbedding } from "./embedding.js";
import { isRecurrent, isTransformerSublayer, planLayers, type PlannedSection } from "./plan.js";
import { recurrentLayer, recurrentSpec, type Cell } from "./recurrent.js";
import { boolOf, floatOf } from "./settings.js";
import { feedForward, residualRule, wrapResidual } from "./transformer.js";

export interface EncoderFinalState {
  cell: Cell;
  /** [B, dirs·H] */
  h: string;
  c: string | undefined;
  width: number;
  path: string;
}

export interface EncoderOut {
  memory: string;
  mask: string;
  finals: EncoderFinalState[];
}

/** Layers that share a stack iteration with a Transformer sublayer are residual-wrapped. */
export function wrappedLayers(plan: readonly PlannedSection[]): Set<number> {
  const wrapped = new Set<number>();
  for (const p of plan) if (isTransformerSublayer(p.section.head)) wrapped.add(p.layer);
  return wrapped;
}

export function buildEncoder(
  e: Emit,
  part: ResolvedSection,
  side: SideEmbedding,
  src: string,
): EncoderOut {
  const mask = paddingMask(e, "encoder/mask", src);
  const positions =
    side.position === undefined ? undefined : positionsFromMask(e, "source/position", mask);
  let x = embed(e, side, "source/embedding", src, positions);
  x = dropout(e, "source/embedding", x, floatOf(part, "dropout") ?? 0);
  const plan = planLayers(part, "encoder");
  const wrapped = wrappedLayers(plan);
  const rule = residualRule(part);
  const finals: EncoderFinalState[] = [];
  let lengths: string | undefined;
  for (const p of plan) {
    const { section, path } = p;
    const saved = e.b.range;
    e.b.range = section.range;
    if (isRecurrent(section.head)) {
      const spec = recurrentSpec(section, path);
      lengths ??= e.b.op(
        "ReduceSum",
        "encoder/lengths",
        [
          e.b.op("Cast", "encoder/lengths", [mask], { to: str("int32") }),
          e.b.constant("encoder/lengths", "int64", [1], [1]),
        ],
        { keepdims: int(0) },
      );
      const run = (input: string) => {
        const out = recurrentLayer(e, spec, input, { lengths });
        finals.push({ cell: spec.cell, h: out.h, c: out.c, width: spec.hidden * spec.dirs, path });
        return out.y;
      };
      x = wrapped.has(p.layer) ? wrapResidual(e, rule, section, path, x, run) : run(x);
      e.cx.layer(
        path,
        spec.dirs === 2 ? `${section.head} (bidirectional)` : section.head,
        typeOf(e, x).shape,
        section.range,
      );
    } else if (section.head === "self_attention") {
      const d = width(e, x);
      const a = attentionSpec(e.cx, section, path, d, d, boolOf(section, "causal") === true);
      x = wrapResidual(
        e,
        rule,
        section,
        path,
        x,
        (input) => attend(e, a, input, prepareKeys(e, a, input), mask).context,
      );
      e.cx.layer(path, `self_attention/${a.score}`, typeOf(e, x).shape, section.range);
    } else if (section.head === "feed_forward") {
      x = wrapResidual(e, rule, section, path, x, (input) => feedForward(e, section, path, input));
      e.cx.layer(path, "feed_forward", typeOf(e, x).shape, section.range);
    }
    e.b.range = saved;
  }
  if (rule.residual === "pre_norm" && wrapped.size > 0) {
    x = norm(e, "encoder/final_norm", x, rule.norm, part.range);
    e.cx.layer("encoder/final_norm", rule.norm, typeOf(e, x).shape, part.range);
  }
  return { memory: x, mask, finals };
}
