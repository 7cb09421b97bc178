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
import { typesEqual } from "../ir/verify.js";
import type { Graph, Node } from "../ir/types.js";
import {
  constantOf,
  eachGraph,
  producers,
  interfaceNames,
  readByBodies,
  Renames,
} from "./graph.js";
import type { Pass } from "./pass.js";

const NO_OPS: ReadonlySet<string> = new Set(["Reshape", "Squeeze", "Unsqueeze", "Expand"]);

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
function forward(g: Graph, n: Node, prod: Map<string, Node>): string | undefined {
  const x = n.inputs[0];
  if (x === undefined || x === "") return undefined;
  const xt = g.values[x];
  const yt = g.values[n.outputs[0]!];
  if (n.op === "Identity") return x;
  if (n.op === "Transpose") {
    const p = perm(n);
    if (p !== undefined && p.every((v, i) => v === i)) return x;
  }
  if (NO_OPS.has(n.op) && xt !== undefined && yt !== undefined && typesEqual(xt, yt)) {
    if (xt.shape.every((d) => typeof d === "number")) return x;
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

/** Rewrites a node in place to skip an inner Transpose/Reshape; true if it did. */
function compose(n: Node, prod: Map<string, Node>): boolean {
  const inner = prod.get(n.inputs[0] ?? "");
  if (inner === undefined || inner.op !== n.op) return false;
  if (n.op === "Transpose") {
    const p = perm(inner);
    const q = perm(n);
    if (p === undefined || q === undefined) return false;
    n.attrs = { ...n.attrs, perm: { kind: "ints", value: q.map((i) => p[i]!) } };
    n.inputs = [inner.inputs[0]!];
    return true;
  }
  if (n.op === "Reshape") {
    const t = constantOf(prod, n.inputs[1] ?? "");
    if (t === undefined || t.data.includes(0)) return false;
    n.inputs = [inner.inputs[0]!, ...n.inputs.slice(1)];
    return true;
  }
  return false;
}

/** `y = Identity(x)` with y a graph output: x's producer writes y, the Identity goes. */
function renameIntoOutputs(
  g: Graph,
  prod: Map<string, Node>,
  fixed: Set<string>,
  body: Set<string>,
): boolean {
  const outputs = new Set(g.outputs.map((o) => o.name));
  const renames = new Renames();
  const dropped = new Set<Node>();
  for (const n of g.nodes) {
    const x = n.inputs[0];
    const y = n.outputs[0];
    if (n.op !== "Identity" || x === undefined || y === undefined || !outputs.has(y)) continue;
    const p = prod.get(x);
    if (p === undefined || fixed.has(x) || body.has(y)) continue;
    p.outputs = p.outputs.map((o) => (o === x ? y : o));
    // Readers of x may come before this Identity: renamed together below.
    renames.set(x, y);
    prod.set(y, p);
    prod.delete(x);
    dropped.add(n);
  }
  if (dropped.size === 0) return false;
  g.nodes = g.nodes.filter((n) => !dropped.has(n));
  renames.applyAll(g);
  return true;
}

export const simplifyShapes: Pass = {
  name: "simplify-shapes",
  categories: ["injective", "elementwise"],
  level: 1,
  doc: "drop identities and no-op reshapes, compose transposes and reshapes, cancel squeeze∘unsqueeze",
  run: (m) =>
    eachGraph(m, (g) => {
      const body = readByBodies(g);
      const fixed = interfaceNames(g, body);
      const prod = producers(g);
      const renames = new Renames();
      let changed = false;
      for (const n of g.nodes) {
        renames.applyTo(n);
        if (compose(n, prod)) changed = true;
        const y = n.outputs[0];
        if (y === undefined || y === "" || fixed.has(y)) continue;
        const x = forward(g, n, prod);
        if (x === undefined) continue;
        renames.set(y, x);
        changed = true;
      }
      return renameIntoOutputs(g, prod, fixed, body) || changed;
    }),
};
