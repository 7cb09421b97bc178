/**
 * Small graph-editing helpers shared by the passes: who uses a value, replacing uses,
 * adding a node with its types from the op table, fresh value names, and rebuilding a
 * graph's `values` table after a rewrite (the verifier requires it to type exactly the
 * values a graph defines or reads).
 */
import { opDef } from "../ir/ops/index.js";
import type { Attr, ConstTensor, Graph, IrModule, Node, TensorType } from "../ir/types.js";

/** The top-level graphs of a module, in entry-point order. */
export function graphsOf(m: IrModule): Graph[] {
  return [m.graphs.encode, m.graphs.decode, m.graphs.decode_step];
}

/** Every value name a Scan body (recursively) reads: such values are never renamed. */
export function readByBodies(g: Graph): Set<string> {
  const out = new Set<string>();
  const visit = (n: Node): void => {
    for (const a of Object.values(n.attrs)) {
      if (a.kind !== "graph") continue;
      for (const b of a.value.nodes) {
        for (const i of b.inputs) if (i !== "") out.add(i);
        visit(b);
      }
      for (const o of a.value.outputs) out.add(o.name);
    }
  };
  g.nodes.forEach(visit);
  return out;
}

/** Number of readers of each value: node inputs, Scan bodies and graph outputs. */
export function useCounts(g: Graph): Map<string, number> {
  const uses = new Map<string, number>();
  const add = (n: string): void => {
    if (n !== "") uses.set(n, (uses.get(n) ?? 0) + 1);
  };
  for (const n of g.nodes) n.inputs.forEach(add);
  readByBodies(g).forEach(add);
  for (const o of g.outputs) add(o.name);
  return uses;
}

/** The node producing each value. */
export function producers(g: Graph): Map<string, Node> {
  const m = new Map<string, Node>();
  for (const n of g.nodes) for (const o of n.outputs) if (o !== "") m.set(o, n);
  return m;
}

/** The nodes of `g` (not of its bodies) reading each value, in graph order. */
export function readersOf(g: Graph): Map<string, Node[]> {
  const m = new Map<string, Node[]>();
  for (const n of g.nodes)
    for (const i of new Set(n.inputs)) {
      if (i === "") continue;
      const list = m.get(i);
      if (list === undefined) m.set(i, [n]);
      else list.push(n);
    }
  return m;
}

/**
 * Redirections `from → to` of value uses, applied to each node as a pass reaches it.
 * Replacing the uses of one value by scanning the whole graph made a pass that
 * forwards a value per layer cost O(layers²); since readers follow their producer in
 * graph order, a pass that applies the renames to each node before looking at it sees
 * the same graph as if every use had been replaced at once.
 */
export class Renames {
  private readonly to = new Map<string, string>();
  get size(): number {
    return this.to.size;
  }
  set(from: string, to: string): void {
    this.to.set(from, to);
  }
  resolve(name: string): string {
    let n = name;
    for (let next = this.to.get(n); next !== undefined; next = this.to.get(n)) n = next;
    return n;
  }
  /** Rewrites `n`'s inputs; true if any changed. */
  applyTo(n: Node): boolean {
    if (this.to.size === 0 || !n.inputs.some((i) => this.to.has(i))) return false;
    n.inputs = n.inputs.map((i) => this.resolve(i));
    return true;
  }
  /** Rewrites every node's inputs (for passes that rename out of graph order). */
  applyAll(g: Graph): void {
    for (const n of g.nodes) this.applyTo(n);
  }
}

/**
 * Names that are an interface and keep their producers: graph outputs (the model's
 * interface) and values a Scan body reads by name.
 */
export function interfaceNames(g: Graph, body = readByBodies(g)): Set<string> {
  const out = new Set(body);
  for (const o of g.outputs) out.add(o.name);
  return out;
}

/** The tensor of a Constant node's output, if `name` is one. */
export function constantOf(prod: Map<string, Node>, name: string): ConstTensor | undefined {
  const n = prod.get(name);
  if (n?.op !== "Constant") return undefined;
  const v = n.attrs["value"];
  return v?.kind === "tensor" ? v.value : undefined;
}

/** Fresh value names, unique in the whole module. */
export class Namer {
  private readonly taken = new Set<string>();
  constructor(m: IrModule) {
    for (const p of m.params) this.taken.add(p.name);
    const visit = (g: Graph): void => {
      for (const name of Object.keys(g.values)) this.taken.add(name);
      for (const n of g.nodes) {
        n.outputs.forEach((o) => this.taken.add(o));
        for (const a of Object.values(n.attrs)) if (a.kind === "graph") visit(a.value);
      }
    };
    graphsOf(m).forEach(visit);
  }
  next(base: string): string {
    let name = base;
    for (let i = 1; this.taken.has(name); i++) name = `${base}_${i}`;
    this.taken.add(name);
    return name;
  }
}

/** Types of module parameters by name. */
export function paramTypes(m: IrModule): Map<string, TensorType> {
  return new Map(m.params.map((p) => [p.name, { dtype: p.dtype, shape: [...p.shape] }]));
}

/**
 * Builds a node and types its outputs with the op's shape rule. `at` is the graph in
 * which the inputs' types are looked up (plus `params`). Throws if the rule rejects it:
 * a pass only builds nodes it has checked.
 */
export function makeNode(
  g: Graph,
  params: Map<string, TensorType>,
  op: string,
  path: string,
  inputs: string[],
  attrs: Record<string, Attr>,
  outputs: string[],
  /** The graph's producer map, when the caller has an up-to-date one. */
  known?: Map<string, Node>,
): Node {
  const def = opDef(op);
  if (def === undefined) throw new Error(`internal: pass made unknown op ${op}`);
  const types = inputs.map((i) => (i === "" ? undefined : (g.values[i] ?? params.get(i))));
  // Constant inputs are looked up only if the shape rule reads them (Reshape's shape,
  // ...): a producer map per new node made fusing n layers cost O(n²).
  let prod = known;
  const consts: (ConstTensor | undefined)[] = [];
  inputs.forEach((name, k) =>
    Object.defineProperty(consts, k, {
      enumerable: true,
      get: () => (name === "" ? undefined : constantOf((prod ??= producers(g)), name)),
    }),
  );
  const outTypes = def.infer({ inputs: types, attrs, consts });
  outputs.forEach((o, k) => {
    if (o !== "") g.values[o] = outTypes[k]!;
  });
  return { op, path, inputs, outputs, attrs };
}

/**
 * Rebuilds `g.values` to type exactly its inputs, node outputs, and the parameters its
 * own nodes read (a Scan body types what it reads itself); known types are kept.
 */
export function retype(g: Graph, params: Map<string, TensorType>): void {
  const old = g.values;
  const values: Record<string, TensorType> = {};
  const keep = (n: string): void => {
    if (n === "" || values[n] !== undefined) return;
    const t = old[n] ?? params.get(n);
    if (t !== undefined) values[n] = t;
  };
  g.inputs.forEach((i) => keep(i.name));
  for (const n of g.nodes) {
    n.inputs.forEach(keep);
    n.outputs.forEach(keep);
  }
  g.outputs.forEach((o) => keep(o.name));
  g.values = values;
}

/** Calls `f` on each top-level graph; retypes the graphs and ORs the results. */
export function eachGraph(
  m: IrModule,
  f: (g: Graph, params: Map<string, TensorType>) => boolean,
): boolean {
  const params = paramTypes(m);
  let changed = false;
  for (const g of graphsOf(m)) {
    if (f(g, params)) {
      changed = true;
      retype(g, params);
    }
  }
  return changed;
}

/** True when `name` is a module parameter. */
export function isParam(params: Map<string, TensorType>, name: string): boolean {
  return params.has(name);
}
