/**
 * Transpose/reshape simplification. Patterns and rewrites:
 * - `Identity(x)` → `x`; when the Identity names a graph output, x's producer is
 *   renamed to produce the output directly;
 * - `Transpose(Transpose(x, p), q)` → `Transpose(x, p∘q)`, and a Transpose whose
 *   permutation is the identity → `x`;
 * - `Reshape(Reshape(x, s), t)` → `Reshape(x, t)` when `t` has no 0 (copy) entries;
 * - `Squeeze(Unsqueeze(x, a), a)` → `x`;
 * - a Reshape, Squeeze, Unsqueeze or Expand whose output type equals its input's → `x`.
 * Values whose names are an interface (graph outputs, names read by Scan bodies) keep
 * their producers.
 */
import { typesEqual } from "../ir/index.js";
import type { Attr, Graph, Node } from "../ir/index.js";
import {
  constantOf,
  eachGraph,
  producers,
  interfaceNames,
  readByBodies,
  Renames,
  type ValueTypes,
} from "./graph.js";
import type { Pass } from "./pass.js";

const NO_OPS: ReadonlySet<string> = new Set(["Reshape", "Squeeze", "Unsqueeze", "Expand"]);

/** The producers `compose` and `forward` look at: inner ops and constant operands. */
const ASKED: ReadonlySet<string> = new Set(["Transpose", "Reshape", "Unsqueeze", "Constant"]);

function perm(n: Node): number[] | undefined {
  const a = n.attrs["perm"];
  return a?.kind === "ints" ? a.value : undefined;
}

function sameInts(a: readonly number[] | undefined, b: readonly number[] | undefined): boolean {
  return (
    a !== undefined && b !== undefined && a.length === b.length && a.every((v, i) => v === b[i])
  );
}

/** The value `n`'s output can be replaced by, or undefined. */
function forward(types: ValueTypes, n: Node, prod: Map<string, Node>): string | undefined {
  const x = n.inputs[0];
  if (x === undefined || x === "") return undefined;
  if (n.op === "Identity") return x;
  if (n.op === "Transpose") {
    const p = perm(n);
    if (p !== undefined && p.every((v, i) => v === i)) return x;
  }
  if (NO_OPS.has(n.op)) {
    const xt = types.of(x);
    const yt = types.of(n.outputs[0]!);
    if (xt !== undefined && yt !== undefined && typesEqual(xt, yt)) {
      if (xt.shape.every((d) => typeof d === "number")) return x;
    }
  }
  if (n.op === "Squeeze") {
    const inner = prod.get(x);
    if (inner?.op === "Unsqueeze") {
      const a = constantOf(prod, n.inputs[1] ?? "");
      const b = constantOf(prod, inner.inputs[1] ?? "");
      if (a !== undefined && b !== undefined && sameInts(a.data, b.data)) return inner.inputs[0];
    }
  }
  return undefined;
}

/** `n` rewritten to skip an inner Transpose/Reshape (a new node), or undefined. */
function compose(n: Node, prod: Map<string, Node>): Node | undefined {
  const inner = prod.get(n.inputs[0] ?? "");
  if (inner === undefined || inner.op !== n.op) return undefined;
  if (n.op === "Transpose") {
    const p = perm(inner);
    const q = perm(n);
    if (p === undefined || q === undefined) return undefined;
    const attrs = { ...n.attrs, perm: { kind: "ints", value: q.map((i) => p[i]!) } as Attr };
    return { ...n, inputs: [inner.inputs[0]!], attrs };
  }
  if (n.op === "Reshape") {
    const t = constantOf(prod, n.inputs[1] ?? "");
    if (t === undefined || t.data.includes(0)) return undefined;
    return { ...n, inputs: [inner.inputs[0]!, ...n.inputs.slice(1)] };
  }
  return undefined;
}

/** `y = Identity(x)` with y a graph output: x's producer writes y, the Identity goes. */
function renameIntoOutputs(g: Graph, fixed: Set<string>, body: Set<string>): boolean {
  const outputs = new Set(g.outputs.map((o) => o.name));
  // The producers of the values such Identities read (and only those).
  const wanted = new Set<string>();
  for (const n of g.nodes) {
    const x = n.inputs[0];
    const y = n.outputs[0];
    if (n.op === "Identity" && x !== undefined && y !== undefined && outputs.has(y)) wanted.add(x);
  }
  if (wanted.size === 0) return false;
  // Where each is produced, by index: a renamed producer is a new node in its place.
  const at = new Map<string, number>();
  g.nodes.forEach((n, k) => {
    for (const o of n.outputs) if (wanted.has(o)) at.set(o, k);
  });
  const renames = new Renames();
  const dropped = new Set<number>();
  g.nodes.forEach((n, k) => {
    const x = n.inputs[0];
    const y = n.outputs[0];
    if (n.op !== "Identity" || x === undefined || y === undefined || !outputs.has(y)) return;
    const p = at.get(x);
    if (p === undefined || fixed.has(x) || body.has(y)) return;
    const producer = g.nodes[p]!;
    g.nodes[p] = { ...producer, outputs: producer.outputs.map((o) => (o === x ? y : o)) };
    // Readers of x may come before this Identity: renamed together below.
    renames.set(x, y);
    at.set(y, p);
    at.delete(x);
    dropped.add(k);
  });
  if (dropped.size === 0) return false;
  g.nodes = g.nodes.filter((_, k) => !dropped.has(k));
  renames.rewriteAll(g);
  return true;
}

export const simplifyShapes: Pass = {
  name: "simplify-shapes",
  categories: ["injective", "elementwise"],
  level: 1,
  doc: "drop identities and no-op reshapes, compose transposes and reshapes, cancel squeeze∘unsqueeze",
  run: (m) =>
    eachGraph(m, (g, types) => {
      const body = readByBodies(g);
      const fixed = interfaceNames(g, body);
      // Only the producers compose and forward ask about (see graph.ts).
      const prod = producers(g, ASKED);
      const renames = new Renames();
      let changed = false;
      for (let k = 0; k < g.nodes.length; k++) {
        const before = g.nodes[k]!;
        let n = renames.rewrite(before);
        const composed = compose(n, prod);
        if (composed !== undefined) {
          n = composed;
          changed = true;
        }
        if (n !== before) {
          g.nodes[k] = n;
          // Later nodes look at this one's current form (its renamed inputs, its perm).
          for (const o of n.outputs) if (prod.get(o) === before) prod.set(o, n);
        }
        const y = n.outputs[0];
        if (y === undefined || y === "" || fixed.has(y)) continue;
        const x = forward(types, n, prod);
        if (x === undefined) continue;
        renames.set(y, x);
        changed = true;
      }
      return renameIntoOutputs(g, fixed, body) || changed;
    }),
};
