/**
 * Transformer sublayers and the residual rule of brief §3:
 *   post_norm: x = norm(x + dropout(f(x)))
 *   pre_norm:  x = x + dropout(f(norm(x)))   (and a final norm after the stack)
 *   none:      x = f(x)
 */
import type { ResolvedSection } from "../check/index.js";
import { activation, dropout, linear, norm, width, type Emit, type NormKind } from "./emit.js";
import { floatOf, intOf, rangeOf, wordOf } from "./settings.js";

export type Residual = "post_norm" | "pre_norm" | "none";

export interface ResidualRule {
  residual: Residual;
  norm: NormKind;
}

export function residualRule(part: ResolvedSection): ResidualRule {
  return {
    residual: (wordOf(part, "residual") ?? "post_norm") as Residual,
    norm: (wordOf(part, "norm") ?? "layer_norm") as NormKind,
  };
}

/** Wraps `f` with the residual rule; reports a width change as S2S3003. */
export function wrapResidual(
  e: Emit,
  rule: ResidualRule,
  section: ResolvedSection,
  path: string,
  x: string,
  f: (input: string) => string,
): string {
  const rate = floatOf(section, "dropout") ?? 0;
  if (rule.residual === "none") return dropout(e, path, f(x), rate);
  const input =
    rule.residual === "pre_norm" ? norm(e, `${path}/norm`, x, rule.norm, section.range) : x;
  const y = dropout(e, path, f(input), rate);
  const dx = width(e, x);
  const dy = width(e, y);
  if (dx !== dy) {
    e.cx.fail(
      "S2S3003",
      section.nameRange,
      `residual connection between different widths (${dx} vs ${dy})`,
      `make the layer ${dx} wide, or set \`residual = none\``,
    );
  }
  const sum = e.b.op("Add", path, [x, y]);
  return rule.residual === "post_norm"
    ? norm(e, `${path}/norm`, sum, rule.norm, section.range)
    : sum;
}

/** Position-wise feed-forward: Linear(d → hidden), activation, Linear(hidden → d). */
export function feedForward(e: Emit, section: ResolvedSection, path: string, x: string): string {
  const d = width(e, x);
  const hidden = intOf(section, "hidden")!;
  const inner = linear(e, `${path}/inner`, x, hidden, { range: rangeOf(section, "hidden") });
  const act = activation(e, path, inner, wordOf(section, "activation") ?? "relu");
  return linear(e, `${path}/outer`, act, d, { range: section.range });
}
