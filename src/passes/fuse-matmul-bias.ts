/**
 * MatMul + bias (+ activation) → FusedMatMul. Pattern: `MatMul(x, W)` with W 2-D,
 * optionally read through `Transpose(P) {perm=[1,0]}` (the tied output layer's
 * transposed embedding), whose only reader is `Add(·, b)` with b a [N] vector, whose
 * only reader may be Relu, Sigmoid, Tanh or exact Gelu. Rewrite: one
 * `FusedMatMul(x, W | P, b) {transB, activation}` under the last node's output name, in
 * the last node's place (its inputs are all defined by then). A bare MatMul is only
 * rewritten when it absorbs a Transpose.
 */
import type { Attr, Graph, Node, TensorType } from "../ir/index.js";
import { eachGraph, makeNode, producers, readByBodies, type ValueTypes } from "./graph.js";
import type { Pass } from "./pass.js";

const ACTIVATION: Record<string, string> = {
  Relu: "relu",
  Sigmoid: "sigmoid",
  Tanh: "tanh",
  Gelu: "gelu",
};

const TRANSPOSE: ReadonlySet<string> = new Set(["Transpose"]);

/** A chain value's state while readers are counted: no reader yet, or more than one. */
const NONE = 0;
const SHARED = 1;
type Reader = Node | typeof NONE | typeof SHARED;

/**
 * The only reader of each value a chain can pass through (MatMul and Add outputs): the
 * node, or SHARED when more than one node reads it, a node reads it twice, or a Scan
 * body or graph output reads it. Readers follow their producer in graph order, so one
 * sweep counts them, in one table of the values asked about rather than tables of every
 * value's readers and uses (see graph.ts).
 */
function soleReaders(g: Graph): Map<string, Reader> {
  const readers = new Map<string, Reader>();
  for (const n of g.nodes) {
    for (const i of n.inputs) {
      const r = i === "" ? undefined : readers.get(i);
      if (r !== undefined && r !== SHARED) readers.set(i, r === NONE ? n : SHARED);
    }
    const [y] = n.outputs;
    if ((n.op === "MatMul" || n.op === "Add") && y !== undefined && y !== "") readers.set(y, NONE);
  }
  const shared = (v: string): void => {
    if (readers.has(v)) readers.set(v, SHARED);
  };
  readByBodies(g).forEach(shared);
  for (const o of g.outputs) shared(o.name);
  return readers;
}

/** The single node reading `value`, if exactly one node does (and nothing else). */
function soleReader(readers: Map<string, Reader>, value: string): Node | undefined {
  const r = readers.get(value);
  return r === undefined || r === NONE || r === SHARED ? undefined : r;
}

function isVector(t: TensorType | undefined, n: number): boolean {
  return t !== undefined && t.shape.length === 1 && t.shape[0] === n;
}

function fuseGraph(g: Graph, types: ValueTypes): boolean {
  const prod = producers(g, TRANSPOSE);
  const readers = soleReaders(g);
  const typeOf = (v: string): TensorType | undefined => types.of(v);
  const replaced = new Map<Node, Node>();
  const removed = new Set<Node>();
  for (const mm of g.nodes) {
    if (mm.op !== "MatMul" || removed.has(mm)) continue;
    const [x, w] = mm.inputs as [string, string];
    const xt = typeOf(x);
    const wt = typeOf(w);
    if (xt === undefined || wt === undefined || xt.shape.length < 2 || wt.shape.length !== 2)
      continue;
    if (xt.dtype !== "float32") continue;
    let weight = w;
    let transB = 0;
    const tr = prod.get(w);
    const perm = tr?.attrs["perm"];
    if (tr?.op === "Transpose" && perm?.kind === "ints" && perm.value.join() === "1,0") {
      weight = tr.inputs[0]!;
      transB = 1;
    }
    const n = wt.shape[1];
    if (typeof n !== "number") continue;
    const chain: Node[] = [mm];
    let out = mm.outputs[0]!;
    let bias: string | undefined;
    const add = soleReader(readers, out);
    if (add?.op === "Add") {
      const other = add.inputs[0] === out ? add.inputs[1]! : add.inputs[0]!;
      if (other !== out && isVector(typeOf(other), n)) {
        bias = other;
        chain.push(add);
        out = add.outputs[0]!;
      }
    }
    let activation = "";
    const act = soleReader(readers, out);
    const approx = act?.attrs["approximate"];
    if (
      act !== undefined &&
      ACTIVATION[act.op] !== undefined &&
      (approx === undefined || approx.value === "none")
    ) {
      activation = ACTIVATION[act.op]!;
      chain.push(act);
      out = act.outputs[0]!;
    }
    if (bias === undefined && activation === "" && transB === 0) continue;
    const attrs: Record<string, Attr> = {};
    if (transB) attrs["transB"] = { kind: "int", value: 1 };
    if (activation !== "") attrs["activation"] = { kind: "string", value: activation };
    const last = chain[chain.length - 1]!;
    const inputs = bias === undefined ? [x, weight] : [x, weight, bias];
    const fused = makeNode(types, "FusedMatMul", mm.path, inputs, attrs, [out]);
    if (last.range !== undefined) fused.range = last.range;
    replaced.set(last, fused);
    chain.slice(0, -1).forEach((c) => removed.add(c));
  }
  if (replaced.size === 0) return false;
  g.nodes = g.nodes.filter((nd) => !removed.has(nd)).map((nd) => replaced.get(nd) ?? nd);
  return true;
}

export const fuseMatMulBias: Pass = {
  name: "fuse-matmul-bias",
  categories: ["matmul", "broadcast", "elementwise", "injective"],
  level: 2,
  doc: "MatMul(x, W | Transpose(P)) + b (+ relu/sigmoid/tanh/gelu) → FusedMatMul",
  run: (m) => eachGraph(m, fuseGraph),
};
