/**
 * The numbers `s2sc summary` shows, computed once from a verified IR module so that the
 * table and `--json` cannot disagree. Definitions (also in docs/cli.md):
 *
 * - parameters: every trainable tensor once (a tied table is one tensor); fixed buffers
 *   (sinusoidal tables) are not parameters and are counted apart;
 * - weight bytes: every stored tensor, parameters and buffers, at its dtype;
 * - compute: MACs of matmul-like ops at batch 1 and reference length L (see
 *   ir/cost.ts for "per source / target / generated token"); FLOPs = 2 × MACs.
 */
import {
  compareSections,
  costBreakdown,
  paramCounts,
  type ParamCounts,
  sectionOf,
  tokenCosts,
  type TokenCosts,
} from "../ir/index.js";
import type { Dim, IrModule, Poly } from "../ir/index.js";

/** Stated next to every compute figure, in text and JSON. */
export const COUNTED =
  "MACs of matmul-like ops only: MatMul, Gemm, the input and recurrent gate matmuls of LSTM/GRU/RNN, " +
  "and Attention's two batched matmuls (Q·Kᵀ and weights·V); elementwise ops, softmax, normalisation " +
  "and embedding lookups are not counted. FLOPs = 2 × MACs.";

export interface LayerRow {
  path: string;
  kind: string;
  outputShape: Dim[];
  params: number;
  /**
   * MACs per token: the layer's encode work per source token plus its teacher-forced
   * decode work per target token (a layer runs on one side only).
   */
  macsPerToken: number;
}

export interface SectionCost {
  section: string;
  perSourceToken: number;
  perTargetToken: number;
  perGeneratedToken: number;
}

export interface SummaryData {
  model: string;
  file: string;
  sourceVocab: number;
  targetVocab: number;
  params: ParamCounts;
  tokens: TokenCosts;
  sections: SectionCost[];
  layers: LayerRow[];
}

export function summarize(m: IrModule, length: number): SummaryData {
  const tokens = tokenCosts(m, length);
  const bySection = costBreakdown(m, length, (p) => [sectionOf(p)]);
  const names = new Set([
    ...bySection.perSourceToken.keys(),
    ...bySection.perTargetToken.keys(),
    ...bySection.perGeneratedToken.keys(),
  ]);
  const sections = [...names].sort(compareSections).map((section) => ({
    section,
    perSourceToken: bySection.perSourceToken.get(section) ?? 0,
    perTargetToken: bySection.perTargetToken.get(section) ?? 0,
    perGeneratedToken: bySection.perGeneratedToken.get(section) ?? 0,
  }));
  // A node counts towards every row whose path encloses it, like the rows' parameters.
  const rowPaths = m.layers.map((l) => l.path);
  const enclosing = (p: string) => rowPaths.filter((r) => p === r || p.startsWith(r + "/"));
  const byLayer = costBreakdown(m, length, enclosing);
  const layers = m.layers.map((l) => ({
    path: l.path,
    kind: l.kind,
    outputShape: [...l.outputShape],
    params: l.params,
    macsPerToken:
      (byLayer.perSourceToken.get(l.path) ?? 0) + (byLayer.perTargetToken.get(l.path) ?? 0),
  }));
  return {
    model: m.model,
    file: m.file,
    sourceVocab: m.config.sourceVocab,
    targetVocab: m.config.targetVocab,
    params: paramCounts(m),
    tokens,
    sections,
    layers,
  };
}

/**
 * A polynomial written for people: `S*S` as `S^2`, highest degree first
 * (Poly's own `toString` repeats symbols: `S*S`).
 */
export function formatPoly(p: Poly): string {
  if (p.isZero()) return "0";
  const terms = [...p.terms.entries()].map(([key, coef]) => {
    const syms = key === "" ? [] : key.split("*");
    const powers = new Map<string, number>();
    for (const s of syms) powers.set(s, (powers.get(s) ?? 0) + 1);
    const mono = [...powers.entries()].map(([s, k]) => (k === 1 ? s : `${s}^${k}`)).join("*");
    return { degree: syms.length, key, coef, mono };
  });
  terms.sort((a, b) => b.degree - a.degree || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return terms
    .map((t, i) => {
      const mag = Math.abs(t.coef);
      const body = t.mono === "" ? String(mag) : mag === 1 ? t.mono : `${mag}*${t.mono}`;
      if (i === 0) return t.coef < 0 ? `-${body}` : body;
      return t.coef < 0 ? ` - ${body}` : ` + ${body}`;
    })
    .join("");
}
