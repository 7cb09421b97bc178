/**
 * Compute and size of a module: multiply-accumulates (MACs) per graph as polynomials over
 * the dim symbols, and parameter counts and weight bytes.
 *
 * The convention (numerics.md): only matmul-like work is counted — MatMul, Gemm, the
 * input and recurrent matmuls of LSTM/GRU/RNN gates, and Attention's two batched matmuls
 * (Q·Kᵀ and weights·V). Elementwise ops, softmax, normalisation, gathers and shape ops
 * count zero. FLOPs = 2 × MACs. Each op's count is its `macs` in the op table; this file
 * only sums them (expanding Scan bodies) and reduces them to per-token figures.
 *
 * Every function here expects a verified module (ir/verify.ts).
 */
import type { ValueLookup } from "./builder.js";
import { Poly } from "./dims.js";
import { bodyCost, scanBody, seqLength } from "./ops/control.js";
import type { InferArgs } from "./ops/def.js";
import { opDef } from "./ops/index.js";
import type { ConstTensor, DType, EntryPoint, Graph, IrModule, Node, TensorType } from "./types.js";

/** The MACs of one node, attributed to the node's path (Scan bodies expanded). */
export interface NodeCost {
  path: string;
  op: string;
  macs: Poly;
}

const noOuter: ValueLookup = { typeOf: () => undefined, constOf: () => undefined };

/**
 * The MACs of every matmul-like node of `graph`. A Scan contributes its body's nodes,
 * each multiplied by the number of steps, so that the cost of attention inside a
 * recurrent decoder is attributed to the attention layer and not to "the loop".
 * `outer` types names the graph reads but does not type in `values` (normally none).
 */
export function nodeCosts(graph: Graph, outer: ValueLookup = noOuter): NodeCost[] {
  const consts = new Map<string, ConstTensor>();
  const out: NodeCost[] = [];
  const typeOf = (n: string): TensorType | undefined => graph.values[n] ?? outer.typeOf(n);
  const scope: ValueLookup = { typeOf, constOf: (n) => consts.get(n) ?? outer.constOf(n) };
  for (const node of graph.nodes) {
    if (node.op === "Constant") {
      const v = node.attrs["value"];
      if (v?.kind === "tensor" && node.outputs[0]) consts.set(node.outputs[0], v.value);
      continue;
    }
    const args = inferArgs(node, scope);
    if (node.op === "Scan") {
      const steps = Poly.of(seqLength(args));
      for (const c of nodeCosts(scanBody(args), scope)) {
        out.push({ path: c.path, op: c.op, macs: c.macs.mul(steps) });
      }
      continue;
    }
    const def = opDef(node.op);
    if (def?.macs === undefined) continue;
    const outputs = node.outputs.map((o) => typeOf(o) ?? { dtype: "float32" as DType, shape: [] });
    const macs = def.macs(args, outputs);
    if (!macs.isZero()) out.push({ path: node.path, op: node.op, macs });
  }
  return out;
}

function inferArgs(node: Node, scope: ValueLookup): InferArgs {
  return {
    inputs: node.inputs.map((n) => (n === "" ? undefined : scope.typeOf(n))),
    attrs: node.attrs,
    consts: node.inputs.map((n) => (n === "" ? undefined : scope.constOf(n))),
  };
}

/** The MACs of one run of `graph`, as a polynomial over B, S, T, P. */
export function graphMacs(graph: Graph, outer: ValueLookup = noOuter): Poly {
  return nodeCosts(graph, outer).reduce((p, c) => p.add(c.macs), Poly.zero());
}

// Scan's op-table `macs` counts its body through this hook.
bodyCost.macs = (g) => graphMacs(g);

/** The MACs of each entry point. */
export function moduleMacs(m: IrModule): Record<EntryPoint, Poly> {
  return {
    encode: graphMacs(m.graphs.encode),
    decode: graphMacs(m.graphs.decode),
    decode_step: graphMacs(m.graphs.decode_step),
  };
}

/** `p` with some symbols bound to numbers (e.g. B = 1), the rest left symbolic. */
export function bindPoly(p: Poly, env: Readonly<Record<string, number>>): Poly {
  let out = Poly.zero();
  for (const [key, coef] of p.terms) {
    let term = Poly.of(coef);
    for (const sym of key === "" ? [] : key.split("*")) {
      const v = env[sym];
      term = term.mul(v === undefined ? Poly.of(sym) : Poly.of(v));
    }
    out = out.add(term);
  }
  return out;
}

// ---- per-token figures --------------------------------------------------------------

/**
 * The figures someone choosing between architectures compares, all for one sequence
 * pair (B = 1) with source and target of the reference length L:
 *
 * - per source token: encode(S = L) / L — the encoder's cost, amortised over the input;
 * - per target token: decode(S = L, T = L) / L — teacher-forced decoding (training, and
 *   scoring), which sees all target positions at once;
 * - per generated token: the mean of decode_step(S = L, P) over P = 0 … L−1 — greedy
 *   generation of L tokens, one step per token, with whatever cache decode_step keeps.
 *   (A step's cost grows with the prefix for self-attention, so the mean over a whole
 *   output is the honest figure; a single step at P = 0 would flatter transformers.)
 *
 * Per-token figures depend on L whenever attention is present (its cost grows with the
 * sequence), which is why L is stated next to every figure and the polynomials are given.
 */
export interface TokenCosts {
  length: number;
  /** MACs at B = 1 as polynomials: encode(S), decode(S, T), decode_step(S, P). */
  encode: Poly;
  decode: Poly;
  decodeStep: Poly;
  perSourceToken: number;
  perTargetToken: number;
  perGeneratedToken: number;
  /**
   * One forward pass over a sequence pair, encode(S = L) + decode(S = L, T = L): the
   * forward cost of one training example (training adds roughly twice this backward).
   */
  perSequencePair: number;
}

export function tokenCosts(m: IrModule, length: number): TokenCosts {
  const macs = moduleMacs(m);
  const one = { B: 1 };
  const encode = bindPoly(macs.encode, one);
  const decode = bindPoly(macs.decode, one);
  const decodeStep = bindPoly(macs.decode_step, one);
  return {
    length,
    encode,
    decode,
    decodeStep,
    perSourceToken: perToken(encode, { S: length }, length),
    perTargetToken: perToken(decode, { S: length, T: length }, length),
    perGeneratedToken: meanOverSteps(decodeStep, length),
    perSequencePair: encode.eval({ S: length }) + decode.eval({ S: length, T: length }),
  };
}

function perToken(p: Poly, env: Record<string, number>, length: number): number {
  return length === 0 ? 0 : p.eval({ B: 1, ...env }) / length;
}

/**
 * The mean of one decode step's MACs over prefixes P = 0 … L−1 (source length L), in
 * closed form so that any `--length` is cheap: each term c·P^k sums to c·Σ P^k.
 */
function meanOverSteps(step: Poly, length: number): number {
  if (length === 0) return 0;
  let total = 0;
  for (const [key, coef] of step.terms) {
    const syms = key === "" ? [] : key.split("*");
    const k = syms.filter((s) => s === "P").length;
    const rest = syms
      .filter((s) => s !== "P")
      .reduce((v, s) => v * ({ B: 1, S: length }[s] ?? NaN), coef);
    total += rest * powerSum(k, length);
  }
  return total / length;
}

/** Σ_{p=0}^{n−1} p^k (Faulhaber's formulas for small k; a loop beyond them). */
function powerSum(k: number, n: number): number {
  switch (k) {
    case 0:
      return n;
    case 1:
      return (n * (n - 1)) / 2;
    case 2:
      return ((n - 1) * n * (2 * n - 1)) / 6;
    case 3:
      return ((n * (n - 1)) / 2) ** 2;
    default: {
      let total = 0;
      for (let p = 0; p < n; p++) total += p ** k;
      return total;
    }
  }
}

/** Per-token MACs broken down by a grouping of node paths (sections or layers). */
export interface CostBreakdown {
  perSourceToken: Map<string, number>;
  perTargetToken: Map<string, number>;
  perGeneratedToken: Map<string, number>;
}

/**
 * Per-token MACs grouped by node path, with the same definitions as `tokenCosts`.
 * `groups(path)` names the groups a node counts towards: one section, or every layer
 * whose path encloses the node (so that a stack's row includes its layers' rows).
 */
export function costBreakdown(
  m: IrModule,
  length: number,
  groups: (path: string) => readonly string[],
): CostBreakdown {
  const sum = (g: Graph, value: (p: Poly) => number): Map<string, number> => {
    const out = new Map<string, number>();
    for (const c of nodeCosts(g)) {
      const v = value(c.macs);
      for (const k of groups(c.path)) out.set(k, (out.get(k) ?? 0) + v);
    }
    return out;
  };
  return {
    perSourceToken: sum(m.graphs.encode, (p) => perToken(p, { S: length }, length)),
    perTargetToken: sum(m.graphs.decode, (p) => perToken(p, { S: length, T: length }, length)),
    perGeneratedToken: sum(m.graphs.decode_step, (p) =>
      meanOverSteps(bindPoly(p, { B: 1 }), length),
    ),
  };
}

// ---- parameters ---------------------------------------------------------------------

const DTYPE_BYTES: Record<DType, number> = { float32: 4, int32: 4, int64: 8, bool: 1 };

/** The top-level section of a path: `encoder/layer0/ffn` → `encoder`. */
export function sectionOf(path: string): string {
  const i = path.indexOf("/");
  return i < 0 ? path : path.slice(0, i);
}

/** Sections in the order a model reads (then any others alphabetically). */
const SECTION_ORDER = [
  "source",
  "target",
  "embedding",
  "shared",
  "encoder",
  "bridge",
  "decoder",
  "output",
];

export function compareSections(a: string, b: string): number {
  const ia = SECTION_ORDER.indexOf(a);
  const ib = SECTION_ORDER.indexOf(b);
  if (ia >= 0 || ib >= 0) return (ia < 0 ? Infinity : ia) - (ib < 0 ? Infinity : ib);
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface ParamCounts {
  /** Trainable parameters: every trainable tensor once (a tied tensor is one tensor). */
  trainable: number;
  /** Elements of fixed, non-trainable tensors (sinusoidal tables): not parameters. */
  buffers: number;
  /** Trainable parameters per top-level section, in reading order. */
  bySection: [string, number][];
  /** Bytes of every stored tensor, trainable or not, at its dtype (float32: 4 bytes). */
  weightBytes: number;
  /** Bytes of the buffers alone (included in weightBytes). */
  bufferBytes: number;
}

export function paramCounts(m: IrModule): ParamCounts {
  let trainable = 0;
  let buffers = 0;
  let weightBytes = 0;
  let bufferBytes = 0;
  const sections = new Map<string, number>();
  for (const p of m.params) {
    const n = p.shape.reduce((a, b) => a * b, 1);
    const bytes = n * DTYPE_BYTES[p.dtype];
    weightBytes += bytes;
    if (p.trainable) {
      trainable += n;
      const s = sectionOf(p.path);
      sections.set(s, (sections.get(s) ?? 0) + n);
    } else {
      buffers += n;
      bufferBytes += bytes;
    }
  }
  const bySection = [...sections.entries()].sort((a, b) => compareSections(a[0], b[0]));
  return { trainable, buffers, bySection, weightBytes, bufferBytes };
}
