/**
 * What the emitter needs to know about a graph before writing it, including its nested
 * Scan bodies: which nodes are live (contribute to an output), which values are read,
 * and which are read as tensors — a Constant read only as a shape or an axis becomes a
 * literal and is never created as a tensor.
 *
 * Why slots and typed arrays rather than a `Set` per question (issue #10): a 600-layer
 * model has graphs of ~8,000 nodes and ~16,000 values, and a `Set` or `Map` that large
 * keeps its table in V8's large-object space, which is mapped afresh (and page-faulted
 * in) each time the table grows, and is slower to probe than a small one. Five such sets
 * per graph made this analysis cost 5× as much per layer at 600 layers as at 60. Now
 * each value defined in the graph tree gets a slot once, and the answers are flags in
 * typed arrays indexed by slot.
 */
import type { Graph, Node } from "../../../ir/index.js";
import type { Lowering } from "../lowering/types.js";

const USED = 1;
const TENSOR_USE = 2;

export class Analysis {
  /** Every value defined in the graph or a nested graph (inputs, node outputs) → its slot. */
  private readonly slots = new Map<string, number>();
  /** Per slot: USED | TENSOR_USE (for the whole tree, like the names they stand for). */
  private readonly flags: Uint8Array;
  /**
   * Per slot: the visit whose graph defines it / needs it (see `visit`). A visit's two
   * sets are the slots stamped with its id, so no visit allocates anything per slot.
   */
  private readonly defStamp: Int32Array;
  private readonly needStamp: Int32Array;
  private visits = 0;
  /** Per graph: which of its nodes are live (by index in `graph.nodes`). */
  private readonly live = new Map<Graph, Uint8Array>();

  constructor(
    graph: Graph,
    private readonly lowerings: Readonly<Record<string, Lowering>>,
    /**
     * Nodes computed outside the graph function (lifted into deriveGraph): their outputs
     * are read from `weights`, so their inputs are not needed here — a Constant that only
     * they read is never created per call.
     */
    private readonly lifted?: (graph: Graph, node: Node) => boolean,
  ) {
    this.number(graph);
    const n = this.slots.size;
    this.flags = new Uint8Array(n);
    this.defStamp = new Int32Array(n);
    this.needStamp = new Int32Array(n);
    this.visit(graph, undefined);
  }

  /**
   * The slot of a value defined in the graph tree (undefined for any other name, such as
   * a parameter): a dense index for per-value tables of the emitter (see NameTable).
   */
  slotOf(name: string): number | undefined {
    return this.slots.get(name);
  }

  /** The number of slots (values defined in the graph tree). */
  get size(): number {
    return this.slots.size;
  }

  /** Whether node `index` of `graph` contributes to an output. */
  isLive(graph: Graph, index: number): boolean {
    return this.live.get(graph)?.[index] === 1;
  }

  /** Whether a value defined in the tree is read by a live node (at any depth) or returned by a graph. */
  isUsed(name: string): boolean {
    const s = this.slots.get(name);
    return s !== undefined && (this.flags[s]! & USED) !== 0;
  }

  /** Whether a value defined in the tree is read at a tensor position (not a compile-time or host input). */
  isTensorUse(name: string): boolean {
    const s = this.slots.get(name);
    return s !== undefined && (this.flags[s]! & TENSOR_USE) !== 0;
  }

  /** Gives a slot to every value defined in `graph` and in the graphs nested in it. */
  private number(graph: Graph): void {
    const add = (name: string): void => {
      if (name !== "" && this.slots.get(name) === undefined) this.slots.set(name, this.slots.size);
    };
    for (const i of graph.inputs) add(i.name);
    for (const node of graph.nodes) {
      for (const o of node.outputs) add(o);
      for (const key in node.attrs) {
        const a = node.attrs[key]!;
        if (a.kind === "graph") this.number(a.value);
      }
    }
  }

  /**
   * Marks what `graph` needs for all its outputs. A name read but defined nowhere in the
   * tree (a parameter) has no slot and cannot make a node live, so it is passed over. For
   * a nested body (`outer` given), pushes the names it reads from outside onto `outer`;
   * the stamps of enclosing visits that this one overwrote (a body value named like an
   * outer one) are put back before returning, so every visit sees exactly its own sets.
   */
  private visit(graph: Graph, outer: string[] | undefined): void {
    const id = ++this.visits;
    const { slots, flags, defStamp, needStamp } = this;
    const saved: number[] = []; // slot, defStamp, needStamp, ... as the enclosing visit had them
    const save = (s: number): void => {
      if (outer !== undefined) saved.push(s, defStamp[s]!, needStamp[s]!);
    };
    const define = (name: string): void => {
      const s = slots.get(name)!;
      if (defStamp[s] === id) return;
      if (needStamp[s] !== id) save(s);
      defStamp[s] = id;
    };
    // Names this graph needs but does not define, in the order first needed.
    const external: string[] = [];
    const need = (name: string, s: number): void => {
      if (needStamp[s] === id) return;
      if (defStamp[s] !== id) {
        save(s);
        external.push(name);
      }
      needStamp[s] = id;
    };
    for (const i of graph.inputs) define(i.name);
    for (const node of graph.nodes) for (const o of node.outputs) if (o !== "") define(o);
    for (const o of graph.outputs) {
      const s = slots.get(o.name);
      if (s === undefined) continue;
      need(o.name, s);
      flags[s] = flags[s]! | USED | TENSOR_USE;
    }
    let live = this.live.get(graph);
    if (live === undefined) {
      live = new Uint8Array(graph.nodes.length);
      this.live.set(graph, live);
    }
    for (let k = graph.nodes.length - 1; k >= 0; k--) {
      const node = graph.nodes[k]!;
      let needed = false;
      for (const o of node.outputs) {
        if (o !== "" && needStamp[slots.get(o)!] === id) {
          needed = true;
          break;
        }
      }
      if (!needed) continue;
      live[k] = 1;
      if (this.lifted?.(graph, node) === true) continue;
      const lowering = this.lowerings[node.op];
      const atCompileTime = lowering?.constInputs;
      const host = lowering?.hostInputs;
      for (let i = 0; i < node.inputs.length; i++) {
        const name = node.inputs[i]!;
        const s = name === "" ? undefined : slots.get(name);
        if (s === undefined) continue;
        need(name, s);
        const tensor = !(atCompileTime?.includes(i) ?? false) && !(host?.includes(i) ?? false);
        flags[s] = flags[s]! | (tensor ? USED | TENSOR_USE : USED);
      }
      const body = node.attrs["body"];
      if (body?.kind === "graph") {
        const reads: string[] = [];
        this.visit(body.value, reads);
        for (const name of reads) need(name, slots.get(name)!);
      }
    }
    if (outer === undefined) return;
    for (const name of external) outer.push(name);
    for (let j = 0; j < saved.length; j += 3) {
      defStamp[saved[j]!] = saved[j + 1]!;
      needStamp[saved[j]!] = saved[j + 2]!;
    }
  }
}

export function analyze(
  graph: Graph,
  lowerings: Readonly<Record<string, Lowering>>,
  lifted?: (graph: Graph, node: Node) => boolean,
): Analysis {
  return new Analysis(graph, lowerings, lifted);
}
