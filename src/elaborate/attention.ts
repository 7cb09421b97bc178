/**
 * Attention between a query sequence q [B, Tq, dq] and a memory [B, S, dk].
 *
 * dot, general and scaled_dot lower to ONNX `Attention` (3-D form) so that every
 * backend's one attention kernel serves them all: dot is Attention(q, mem, mem) with
 * scale 1; general is dot after q·W (W [dq, dk]); scaled_dot projects Q, K, V, splits
 * them into heads, scales by 1/√d_head and projects back. additive (Bahdanau's
 * vᵀ tanh(W₁q + W₂k)) has a different score function, so it is composed from
 * MatMul/Add/Tanh/Where/Softmax.
 *
 * Keys that do not depend on the query (W₂k, the K and V projections) are computed by
 * `prepare` once per memory, outside any decoding loop.
 */
import type { ResolvedSection } from "../check/index.js";
import { float, int } from "../ir/index.js";
import { concatLast, linear, reshape, unsqueeze, width, type Emit } from "./emit.js";
import { intOf, rangeOf } from "./settings.js";
import type { ElabContext } from "./context.js";

export type Score = "dot" | "general" | "additive" | "scaled_dot";

export interface AttentionSpec {
  score: Score;
  section: ResolvedSection;
  path: string;
  /** Query and key widths. */
  dq: number;
  dk: number;
  heads: number;
  /** Per-head size of queries and keys (scaled_dot). */
  keyDim: number;
  /** Size of v (additive). */
  hidden: number;
  /** Width of the context vector the attention returns. */
  outDim: number;
  causal: boolean;
}

/** Resolves sizes and reports the shape errors of brief §4 at the section. */
export function attentionSpec(
  cx: ElabContext,
  section: ResolvedSection,
  path: string,
  dq: number,
  dk: number,
  causal = false,
): AttentionSpec {
  const score = (section.variant ?? "scaled_dot") as Score;
  const heads = intOf(section, "heads") ?? 1;
  let keyDim = intOf(section, "key_dim") ?? 0;
  if (score === "dot" && dq !== dk) {
    cx.fail(
      "S2S3001",
      section.nameRange,
      `dot attention needs equal query and key sizes (${dq} vs ${dk})`,
      "use `general`, whose score q·W·k works when the sizes differ",
    );
  }
  if (score === "scaled_dot" && keyDim === 0) {
    if (dq % heads !== 0) {
      cx.fail(
        "S2S3002",
        rangeOf(section, "heads"),
        `${heads} heads do not divide the model width ${dq}`,
        `use a number of heads that divides ${dq}, or set \`key_dim\``,
      );
    }
    keyDim = dq / heads;
  }
  const hidden = intOf(section, "hidden") ?? 0;
  const outDim = score === "scaled_dot" ? dq : dk;
  return { score, section, path, dq, dk, heads, keyDim, hidden, outDim, causal };
}

/** Query-independent work on the memory. */
export interface PreparedKeys {
  keys: string;
  values: string;
}

export function prepareKeys(e: Emit, a: AttentionSpec, memory: string): PreparedKeys {
  const range = a.section.range;
  switch (a.score) {
    case "dot":
    case "general":
      return { keys: memory, values: memory };
    case "additive":
      return {
        keys: linear(e, `${a.path}/key_proj`, memory, a.hidden, { bias: false, range }),
        values: memory,
      };
    case "scaled_dot":
      return {
        keys: linear(e, `${a.path}/k_proj`, memory, a.heads * a.keyDim, { range }),
        values: linear(e, `${a.path}/v_proj`, memory, a.heads * a.keyDim, { range }),
      };
  }
}

/**
 * Context vectors [B, Tq, outDim] for queries q [B, Tq, dq]. `mask` is the memory's
 * padding mask [B, S] (true = a real token), or undefined for no padding mask.
 */
export function attend(
  e: Emit,
  a: AttentionSpec,
  q: string,
  keys: PreparedKeys,
  mask: string | undefined,
  past?: { key: string; value: string },
): { context: string; present?: { key: string; value: string } } {
  const path = a.path;
  const range = a.section.range;
  if (a.score === "additive") {
    // scores[b, t, s] = v · tanh(W₁q[b, t] + W₂k[b, s])
    const wq = linear(e, `${path}/query_proj`, q, a.hidden, { bias: false, range });
    const sum = e.b.op("Add", path, [
      unsqueeze(e, path, wq, [2]),
      unsqueeze(e, path, keys.keys, [1]),
    ]);
    const v = e.cx.param(
      `${path}/v`,
      "weight",
      [a.hidden, 1],
      { kind: "glorot_uniform", fanIn: a.hidden, fanOut: 1 },
      "attention_vector",
      range,
    );
    const scores = e.b.op("Squeeze", path, [
      e.b.op("MatMul", path, [e.b.op("Tanh", path, [sum]), v]),
      e.b.constant(path, "int64", [1], [3]),
    ]);
    let masked = scores;
    if (mask !== undefined) {
      const minusInf = e.b.constant(path, "float32", [], [-Infinity]);
      masked = e.b.op("Where", path, [unsqueeze(e, path, mask, [1]), scores, minusInf]);
    }
    const weights = e.b.op("Softmax", path, [masked], { axis: int(-1) });
    return { context: e.b.op("MatMul", path, [weights, keys.values]) };
  }
  let query = q;
  let scale = 1;
  let heads = 1;
  if (a.score === "general") {
    query = linear(e, `${path}/score_proj`, q, a.dk, { bias: false, range });
  } else if (a.score === "scaled_dot") {
    query = linear(e, `${path}/q_proj`, q, a.heads * a.keyDim, { range });
    scale = 1 / Math.sqrt(a.keyDim);
    heads = a.heads;
  }
  const attnMask = mask === undefined ? undefined : unsqueeze(e, path, mask, [1, 2]);
  const attrs = {
    q_num_heads: int(heads),
    kv_num_heads: int(heads),
    scale: float(scale),
    is_causal: int(a.causal && past === undefined ? 1 : 0),
  };
  if (past !== undefined) {
    const [y, pk, pv] = e.b.node(
      "Attention",
      path,
      [query, keys.keys, keys.values, attnMask, past.key, past.value],
      attrs,
      3,
    );
    const context =
      a.score === "scaled_dot" ? linear(e, `${path}/out_proj`, y!, a.dq, { range }) : y!;
    return { context, present: { key: pk!, value: pv! } };
  }
  const y = e.b.op("Attention", path, [query, keys.keys, keys.values, attnMask], attrs);
  return {
    context: a.score === "scaled_dot" ? linear(e, `${path}/out_proj`, y, a.dq, { range }) : y,
  };
}

/** Luong's attentional state h̃ = tanh(W_c [c; h]) (no bias, as in the paper). */
export function attentionalState(e: Emit, a: AttentionSpec, context: string, h: string): string {
  const joined = concatLast(e, a.path, [context, h]);
  const out = linear(e, `${a.path}/combine`, joined, width(e, h), {
    bias: false,
    range: a.section.range,
  });
  return e.b.op("Tanh", a.path, [out]);
}

/** Splits [B, L, heads·d] keys into the [B, heads, L, d] layout of a KV cache. */
export function toHeads(e: Emit, path: string, x: string, heads: number, d: number): string {
  const r = reshape(e, path, x, [0, 0, heads, d]);
  return e.b.op("Transpose", path, [r], { perm: { kind: "ints", value: [0, 2, 1, 3] } });
}
