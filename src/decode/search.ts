/**
 * Greedy and beam search over decode_step (step-model.ts). Each step feeds one token
 * per row with the recurrent state or key/value cache, so a sequence of length n costs
 * n steps, not n full decoder runs.
 *
 * Scores are sums of log-probabilities (log-softmax over the whole vocabulary, so they
 * are the model's probabilities) including the final <eos>. <pad> and <bos> are never
 * outputs. Beam search ranks finished hypotheses by score / lp with the GNMT length
 * penalty lp = ((5 + n) / 6)^α (α = 0: plain log-probability), and also runs greedy and
 * keeps it when it scores higher, so a wider beam never returns a worse sequence than
 * greedy under the model (plain beam search can prune the greedy path).
 */
import { assertInputLengths } from "./lengths.js";
import type { StepModel } from "./step-model.js";

export interface Hypothesis {
  /** The output tokens, without <bos> and <eos>. */
  tokens: number[];
  /** log P(tokens, <eos>) under the model (no <eos> term when stopped by the length limit). */
  logProb: number;
  /** Whether it ended with <eos> (otherwise it hit the length limit). */
  finished: boolean;
}

export interface SearchOptions {
  /** Output tokens at most (default 2·|src| + 10). */
  maxLength?: number;
  /** Beam width (1: greedy). */
  beam?: number;
  /** α of the length penalty (default 0). */
  lengthPenalty?: number;
}

/** log-softmax of one row, in float64. */
export function logSoftmax(row: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < row.length; i++) max = Math.max(max, row[i]!);
  let sum = 0;
  for (let i = 0; i < row.length; i++) sum += Math.exp(row[i]! - max);
  const lse = max + Math.log(sum);
  const out = new Float64Array(row.length);
  for (let i = 0; i < row.length; i++) out[i] = row[i]! - lse;
  return out;
}

/** The output limit for a source: the requested one, capped by the model's positions. */
export function outputLimit(m: StepModel<unknown>, srcLength: number, maxLength?: number): number {
  const want = maxLength ?? 2 * srcLength + 10;
  // Position t reads the table's row t; the <eos> step needs one more row.
  return m.maxPositions === undefined ? want : Math.max(0, Math.min(want, m.maxPositions - 1));
}

/** Greedy decoding of a batch: the argmax at every step until <eos> or the limit. */
export async function greedy<S>(
  m: StepModel<S>,
  src: number[][],
  options: SearchOptions = {},
): Promise<Hypothesis[]> {
  const { pad, bos, eos } = m.specials;
  const V = m.vocab;
  const B = src.length;
  // A source past the position table is the caller's error, the same on every backend.
  assertInputLengths({ maxLength: m.maxPositions, specials: m.specials }, { src });
  const limits = src.map((s) => outputLimit(m as StepModel<unknown>, s.length, options.maxLength));
  const hyps: Hypothesis[] = src.map(() => ({ tokens: [], logProb: 0, finished: false }));
  const done = limits.map((l) => l === 0);
  let state = (await m.start(src)) as S;
  let tokens = new Array<number>(B).fill(bos);
  const limit = Math.max(0, ...limits);
  for (let t = 0; t <= limit && done.some((d) => !d); t++) {
    const r = await m.step(state, tokens, t);
    m.release(state);
    state = r.state;
    tokens = tokens.map((_, b) => {
      if (done[b]) return pad;
      const lp = logSoftmax(r.logits.subarray(b * V, (b + 1) * V));
      let best = -1;
      for (let v = 0; v < V; v++)
        if (v !== pad && v !== bos && (best < 0 || lp[v]! > lp[best]!)) best = v;
      const h = hyps[b]!;
      // At the limit only <eos> may follow; a sequence that would go on is cut there.
      if (best === eos) {
        h.logProb += lp[best]!;
        h.finished = true;
        done[b] = true;
      } else if (h.tokens.length >= limits[b]!) {
        done[b] = true;
      } else {
        h.logProb += lp[best]!;
        h.tokens.push(best);
      }
      return best;
    });
  }
  m.release(state);
  return hyps;
}

/** The length-normalised score beam search ranks by. */
export function normalizedScore(h: Hypothesis, alpha: number): number {
  if (alpha === 0) return h.logProb;
  const n = h.tokens.length + (h.finished ? 1 : 0);
  return h.logProb / Math.pow((5 + n) / 6, alpha);
}

interface Live {
  tokens: number[];
  logProb: number;
}

/** Beam search for one source. */
export async function beamSearch<S>(
  m: StepModel<S>,
  src: number[],
  options: SearchOptions = {},
): Promise<Hypothesis> {
  const K = Math.max(1, options.beam ?? 1);
  const alpha = options.lengthPenalty ?? 0;
  const { pad, bos, eos } = m.specials;
  const V = m.vocab;
  assertInputLengths({ maxLength: m.maxPositions, specials: m.specials }, { src: [src] });
  const limit = outputLimit(m as StepModel<unknown>, src.length, options.maxLength);
  const finished: Hypothesis[] = [];
  let live: Live[] = [{ tokens: [], logProb: 0 }];
  let state = (await m.start([src])) as S;
  for (let t = 0; t <= limit && live.length > 0; t++) {
    const r = await m.step(
      state,
      live.map((h) => h.tokens.at(-1) ?? bos),
      t,
    );
    m.release(state);
    const cands: { parent: number; token: number; logProb: number }[] = [];
    live.forEach((h, i) => {
      const lp = logSoftmax(r.logits.subarray(i * V, (i + 1) * V));
      for (let v = 0; v < V; v++) {
        if (v === pad || v === bos) continue;
        cands.push({ parent: i, token: v, logProb: h.logProb + lp[v]! });
      }
    });
    // Stable: ties keep (parent, token) order, as greedy's argmax keeps the first maximum.
    cands.sort((a, b) => b.logProb - a.logProb);
    const next: Live[] = [];
    const parents: number[] = [];
    for (let i = 0; i < cands.length && next.length < K; i++) {
      const c = cands[i]!;
      const tokens = live[c.parent]!.tokens;
      if (c.token === eos) {
        // Only <eos> among the top K of this step counts, as in the usual formulation.
        if (i < K) finished.push({ tokens: [...tokens], logProb: c.logProb, finished: true });
        continue;
      }
      next.push({ tokens: [...tokens, c.token], logProb: c.logProb });
      parents.push(c.parent);
    }
    if (t === limit) {
      // At the limit a hypothesis that would go on is cut there, without <eos> (as greedy).
      const cut = new Set(parents);
      for (const i of cut)
        finished.push({ tokens: live[i]!.tokens, logProb: live[i]!.logProb, finished: false });
      m.release(r.state);
      live = [];
      break;
    }
    const bestLive = next.length > 0 ? next[0]!.logProb : -Infinity;
    const bestDone = Math.max(-Infinity, ...finished.map((h) => normalizedScore(h, alpha)));
    // With α = 0 a live hypothesis can only lose probability, so it cannot overtake.
    const stop = next.length === 0 || (finished.length >= K && (alpha > 0 || bestDone >= bestLive));
    if (stop) {
      m.release(r.state);
      live = [];
      break;
    }
    state = m.select(r.state, parents);
    m.release(r.state);
    live = next;
  }
  let best = finished.reduce<Hypothesis | undefined>(
    (a, h) => (a === undefined || normalizedScore(h, alpha) > normalizedScore(a, alpha) ? h : a),
    undefined,
  );
  if (K > 1) {
    const g = (await greedy(m, [src], options))[0]!;
    if (best === undefined || normalizedScore(g, alpha) > normalizedScore(best, alpha)) best = g;
  }
  return best ?? { tokens: [], logProb: -Infinity, finished: false };
}

/** Decodes every source: batched greedy for beam 1, beam search one source at a time otherwise. */
export async function decodeAll<S>(
  m: StepModel<S>,
  src: number[][],
  options: SearchOptions = {},
): Promise<Hypothesis[]> {
  if ((options.beam ?? 1) <= 1) return greedy(m, src, options);
  const out: Hypothesis[] = [];
  for (const s of src) out.push(await beamSearch(m, s, options));
  return out;
}

/**
 * log P(tgt, <eos> | src) by one teacher-forced decoder run (for tests and rescoring);
 * `withEos` false leaves out the <eos> term.
 */
export async function sequenceLogProb<S>(
  m: StepModel<S>,
  src: number[],
  tgt: number[],
  withEos = true,
): Promise<number> {
  if (m.teacherForced === undefined) throw new Error("this model cannot run the full decoder");
  const { bos, eos } = m.specials;
  const { logits, T } = await m.teacherForced([src], [[bos, ...tgt]]);
  const V = m.vocab;
  const want = withEos ? [...tgt, eos] : tgt;
  let total = 0;
  want.forEach((tok, t) => {
    if (t >= T) return;
    total += logSoftmax(logits.subarray(t * V, (t + 1) * V))[tok]!;
  });
  return total;
}
