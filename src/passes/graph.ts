/**
 * Small graph-editing helpers shared by the passes: who produces and who uses a value,
 * replacing uses, adding a node with its types from the op table, fresh value names,
 * and the value types of graphs being edited, whose `values` tables are rebuilt once a
 * pipeline is done with them (the verifier requires each to type exactly the values a
 * graph defines or reads).
 *
 * Linearity (issue #10): besides avoiding scans of the whole graph per match, the
 * helpers avoid tables keyed by every value name where a pass only asks about a few
 * (`producers` with ops, `useCountsOf`): at 600 layers such a table has ~16,000 names,
 * and each name costs 2-5× as much as in a 60-layer graph's table — the table and the
 * names it hashes no longer fit in the caches, and V8 maps a large table afresh each
 * time it grows.
 */
import { opDef, OPS } from "../ir/index.js";
import type { Attr, ConstTensor, Graph, IrModule, Node, TensorType } from "../ir/index.js";

/** The top-level graphs of a module, in entry-point order. */
export function graphsOf(m: IrModule): Graph[] {
  return [m.graphs.encode, m.graphs.decode, m.graphs.decode_step];
}

/**
 * The ops that may hold a graph attribute (Scan): the verifier rejects a graph
 * attribute an op does not declare, so other nodes' attributes need not be looked at.
 */
const BODY_OPS: ReadonlySet<string> = new Set(
  Object.values(OPS)
    .filter((d) => Object.values(d.attrs).some((a) => a.kind === "graph"))
    .map((d) => d.name),
);

/** Every value name a Scan body (recursively) reads: such values are never renamed. */
export function readByBodies(g: Graph): Set<string> {
  const out = new Set<string>();
  const visit = (n: Node): void => {
    if (!BODY_OPS.has(n.op) && opDef(n.op) !== undefined) return;
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

/**
 * The node producing each value; with `ops`, only the values produced by nodes of those
 * ops: a pass that asks only whether an input is a Constant, a Transpose, ... keeps a
 * table of those, not of every value (see above).
 */
export function producers(g: Graph, ops?: ReadonlySet<string>): Map<string, Node> {
  const m = new Map<string, Node>();
  for (const n of g.nodes) {
    if (ops !== undefined && !ops.has(n.op)) continue;
    for (const o of n.outputs) if (o !== "") m.set(o, n);
  }
  return m;
}

/**
 * Number of readers of each of `names`: node inputs, Scan bodies and graph outputs (only
 * those names are counted, see above).
 */
export function useCountsOf(g: Graph, names: ReadonlySet<string>): Map<string, number> {
  const uses = new Map<string, number>();
  const add = (n: string): void => {
    if (names.has(n)) uses.set(n, (uses.get(n) ?? 0) + 1);
  };
  if (names.size === 0) return uses;
  for (const n of g.nodes) n.inputs.forEach(add);
  readByBodies(g).forEach(add);
  for (const o of g.outputs) add(o.name);
  return uses;
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
  /** `n` with its inputs renamed: `n` itself, or a new node if any input changes. */
  rewrite(n: Node): Node {
    if (this.to.size === 0 || !n.inputs.some((i) => this.to.has(i))) return n;
    return { ...n, inputs: n.inputs.map((i) => this.resolve(i)) };
  }
  /** Renames the inputs of every node of `g` (for passes that rename out of graph order). */
  rewriteAll(g: Graph): void {
    if (this.to.size > 0) g.nodes = g.nodes.map((n) => this.rewrite(n));
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

/**
 * Fresh value names, unique in the whole module: not a parameter, a graph input or a
 * node output of any graph or Scan body (for a verified module, the names its `values`
 * tables type; those may be stale while a pipeline runs). With `marker`, the Namer only
 * makes names containing it, and so only needs to remember the names that do: a pass
 * naming a few values need not hash every name of the module.
 */
export class Namer {
  private readonly taken = new Set<string>();
  constructor(
    m: IrModule,
    private readonly marker = "",
  ) {
    const take = (name: string): void => {
      if (name !== "" && name.includes(marker)) this.taken.add(name);
    };
    for (const p of m.params) take(p.name);
    const visit = (g: Graph): void => {
      for (const i of g.inputs) take(i.name);
      for (const n of g.nodes) {
        n.outputs.forEach(take);
        for (const a of Object.values(n.attrs)) if (a.kind === "graph") visit(a.value);
      }
    };
    graphsOf(m).forEach(visit);
  }
  next(base: string): string {
    if (!base.includes(this.marker))
      throw new Error(`internal: name ${base} lacks this Namer's marker ${this.marker}`);
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
 * The types of a graph's values while passes edit it: `graph.values` as it stood when
 * the graph was last retyped, the types of the values rewrites made since (`set`, by
 * makeNode), and the module's parameters. Reading through this instead of
 * `graph.values` lets a pipeline leave `values` stale between passes (see
 * `openPipeline`): the names a graph still uses are typed exactly as if it had been
 * retyped after every pass, since a rewrite only reads names the graph already used or
 * names it has just made.
 */
export class ValueTypes {
  /** Types set since the graph was last retyped (they win over `graph.values`). */
  private made = new Map<string, TensorType>();
  constructor(
    readonly graph: Graph,
    readonly params: Map<string, TensorType>,
  ) {}
  of(name: string): TensorType | undefined {
    if (name === "") return undefined;
    const made = this.made.size === 0 ? undefined : this.made.get(name);
    return made ?? this.graph.values[name] ?? this.params.get(name);
  }
  set(name: string, t: TensorType): void {
    this.made.set(name, t);
  }
  /**
   * Rebuilds `graph.values` to type exactly its inputs, node outputs, and the parameters
   * its own nodes read (a Scan body types what it reads itself), in that order.
   */
  retype(): void {
    const g = this.graph;
    const values: Record<string, TensorType> = {};
    const keep = (n: string): void => {
      if (n === "" || values[n] !== undefined) return;
      const t = this.of(n);
      if (t !== undefined) values[n] = t;
    };
    g.inputs.forEach((i) => keep(i.name));
    for (const n of g.nodes) {
      n.inputs.forEach(keep);
      n.outputs.forEach(keep);
    }
    g.outputs.forEach((o) => keep(o.name));
    g.values = values;
    this.made = new Map();
  }
}

/**
 * The value types of a module's top-level graphs while passes run on it. Building a
 * graph's `values` table (tens of thousands of names at 600 layers) is one of the
 * costliest things a pass does, and its cost per name grows with the table (a large
 * dictionary is mapped afresh as it grows, and probing it misses the caches), so a
 * pipeline retypes each changed graph once, when the module is next looked at, rather
 * than after every pass; parameter types are built once per pipeline, not per pass.
 */
class Typing {
  readonly params: Map<string, TensorType>;
  private readonly types = new Map<Graph, ValueTypes>();
  private readonly changed = new Set<Graph>();
  constructor(
    private readonly m: IrModule,
    /** Graphs whose `values` table is shared with another module (never written). */
    private readonly shared: Set<Graph>,
  ) {
    this.params = paramTypes(m);
  }
  of(g: Graph): ValueTypes {
    let t = this.types.get(g);
    if (t === undefined) {
      t = new ValueTypes(g, this.params);
      this.types.set(g, t);
    }
    return t;
  }
  markChanged(g: Graph): void {
    this.changed.add(g);
  }
  /** Retypes the changed graphs; with `own`, gives every graph a table of its own. */
  settle(own: boolean): void {
    for (const g of graphsOf(this.m)) {
      if (this.changed.has(g)) {
        this.of(g).retype();
        this.shared.delete(g);
      } else if (own && this.shared.has(g)) {
        g.values = { ...g.values };
        this.shared.delete(g);
      }
    }
    this.changed.clear();
  }
}

const pipelines = new WeakMap<IrModule, Typing>();

/** A module being edited by a pipeline (`openPipeline`). */
export interface OpenPipeline {
  /** Makes every `values` table exact (before verifying or printing the module). */
  settle(): void;
  /** Settles, gives each graph a `values` table of its own, and ends the pipeline. */
  close(): void;
}

/**
 * Starts a pipeline on `m`, whose graphs' `values` tables may be shared with another
 * module (`copyForPasses`): until `close`, passes (through eachGraph) record the types
 * they make instead of writing them into `values`, and changed graphs are retyped at
 * `settle` and `close` only.
 */
export function openPipeline(m: IrModule, sharedValues: boolean): OpenPipeline {
  const typing = new Typing(m, new Set(sharedValues ? graphsOf(m) : []));
  pipelines.set(m, typing);
  return {
    settle: () => typing.settle(false),
    close: () => {
      typing.settle(true);
      pipelines.delete(m);
    },
  };
}

const CONSTANT: ReadonlySet<string> = new Set(["Constant"]);

/**
 * The constant values of `inputs` as a shape rule sees them (`InferArgs.consts`), looked
 * up only if the rule reads them (Reshape's shape, ...): building a producer map for
 * every new node made fusing n layers cost O(n²). A Proxy, not an accessor defined per
 * element: defining accessors on an array cost more than most shape rules.
 */
function lazyConsts(
  g: Graph,
  inputs: readonly string[],
  known: Map<string, Node> | undefined,
): readonly (ConstTensor | undefined)[] {
  let prod = known;
  return new Proxy([] as (ConstTensor | undefined)[], {
    get: (target, key, receiver) => {
      if (key === "length") return inputs.length;
      const k = typeof key === "string" ? Number(key) : NaN;
      if (!(Number.isInteger(k) && k >= 0 && String(k) === key)) {
        return Reflect.get(target, key, receiver) as unknown;
      }
      const name = inputs[k];
      if (name === undefined || name === "") return undefined;
      return constantOf((prod ??= producers(g, CONSTANT)), name);
    },
  });
}

/**
 * Builds a node and records its outputs' types from the op's shape rule (inputs typed
 * by `types`). Throws if the rule rejects it: a pass only builds nodes it has checked.
 */
export function makeNode(
  types: ValueTypes,
  op: string,
  path: string,
  inputs: string[],
  attrs: Record<string, Attr>,
  outputs: string[],
  /** The graph's Constant producers (or all producers), when the caller has them. */
  known?: Map<string, Node>,
): Node {
  const def = opDef(op);
  if (def === undefined) throw new Error(`internal: pass made unknown op ${op}`);
  const outTypes = def.infer({
    inputs: inputs.map((i) => types.of(i)),
    attrs,
    consts: lazyConsts(types.graph, inputs, known),
  });
  outputs.forEach((o, k) => {
    if (o !== "") types.set(o, outTypes[k]!);
  });
  return { op, path, inputs, outputs, attrs };
}

/**
 * Calls `f` on each top-level graph with its value types; ORs the results. A graph `f`
 * changed is retyped: at once outside a pipeline, when the pipeline settles inside one.
 */
export function eachGraph(m: IrModule, f: (g: Graph, types: ValueTypes) => boolean): boolean {
  const open = pipelines.get(m);
  const typing = open ?? new Typing(m, new Set());
  let changed = false;
  for (const g of graphsOf(m)) {
    if (f(g, typing.of(g))) {
      changed = true;
      typing.markChanged(g);
    }
  }
  if (open === undefined) typing.settle(false);
  return changed;
}
