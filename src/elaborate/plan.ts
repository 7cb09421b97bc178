/**
 * Flattens an encoder's or decoder's items into numbered layers with paths. A section
 * written outside any stack is one layer; each iteration of a stack is one layer
 * holding the stack body's sections. So `stack 6 { self_attention feed_forward }` gives
 * `encoder/layer0/self_attention`, `encoder/layer0/feed_forward`, ... `encoder/layer5/...`.
 */
import type { ResolvedItem, ResolvedSection } from "../check/index.js";

export interface PlannedSection {
  section: ResolvedSection;
  /** e.g. `decoder/layer3/cross_attention` (a repeated head gets `_1`, `_2`). */
  path: string;
  layer: number;
}

export function planLayers(part: ResolvedSection, partName: string): PlannedSection[] {
  const out: PlannedSection[] = [];
  let layer = 0;
  const emitGroup = (sections: ResolvedSection[]) => {
    const seen = new Map<string, number>();
    for (const s of sections) {
      const n = seen.get(s.head) ?? 0;
      seen.set(s.head, n + 1);
      out.push({
        section: s,
        path: `${partName}/layer${layer}/${n === 0 ? s.head : `${s.head}_${n}`}`,
        layer,
      });
    }
    layer++;
  };
  const walk = (items: readonly ResolvedItem[], inStack: boolean) => {
    let group: ResolvedSection[] = [];
    const flush = () => {
      if (group.length > 0) emitGroup(group);
      group = [];
    };
    for (const item of items) {
      if (item.kind === "section") {
        if (inStack) group.push(item);
        else emitGroup([item]);
      } else {
        flush();
        for (let i = 0; i < item.count; i++) walk(item.children, true);
      }
    }
    flush();
  };
  walk(
    part.children.filter((c) => c.kind === "stack" || isLayerHead(c.head)),
    false,
  );
  return out;
}

export const RECURRENT_HEADS = ["lstm", "gru", "rnn"] as const;
export const TRANSFORMER_HEADS = ["self_attention", "cross_attention", "feed_forward"] as const;

export function isRecurrent(head: string): head is (typeof RECURRENT_HEADS)[number] {
  return (RECURRENT_HEADS as readonly string[]).includes(head);
}

export function isTransformerSublayer(head: string): boolean {
  return (TRANSFORMER_HEADS as readonly string[]).includes(head);
}

function isLayerHead(head: string): boolean {
  return isRecurrent(head) || isTransformerSublayer(head) || head === "attention";
}
