/**
 * Builds IR graphs while elaborating. Every node's output types come from the op
 * table's shape rule at the moment the node is added, so a shape mismatch is found at
 * the spec range that caused it (the builder's current range), never later.
 */
import type { SourceRange } from "../diagnostics/index.js";
import { ShapeError, opDef } from "./ops/index.js";
import type { Attr, ConstTensor, DType, Dim, Graph, Node, TensorType } from "./types.js";

/** Raised after a shape failure has been recorded; elaboration stops for that model. */
export class ShapeFailure extends Error {
  constructor(
    readonly detail: string,
    readonly range: SourceRange | undefined,
    readonly op: string,
  ) {
    super(detail);
  }
}

export const int = (value: number): Attr => ({ kind: "int", value });
export const float = (value: number): Attr => ({ kind: "float", value });
export const str = (value: string): Attr => ({ kind: "string", value });
export const ints = (value: number[]): Attr => ({ kind: "ints", value });

export interface ValueLookup {
  typeOf(name: string): TensorType | undefined;
  constOf(name: string): ConstTensor | undefined;
}

export class GraphBuilder implements ValueLookup {
  readonly graph: Graph;
  private readonly consts = new Map<string, ConstTensor>();
  private readonly used = new Set<string>();
  private readonly constants = new Map<string, string>();
  private counter = 0;
  /** The spec range attached to nodes added now. */
  range: SourceRange | undefined;

  constructor(
    name: string,
    /** Parameters and, for a Scan body, the enclosing graph's values. */
    private readonly outer: ValueLookup,
    private readonly names: { next(path: string): string } = uniqueNames(),
  ) {
    this.graph = { name, inputs: [], outputs: [], nodes: [], values: {} };
  }

  typeOf(name: string): TensorType | undefined {
    return this.graph.values[name] ?? this.outer.typeOf(name);
  }

  constOf(name: string): ConstTensor | undefined {
    return this.consts.get(name) ?? this.outer.constOf(name);
  }

  /** Declares a graph input. */
  input(name: string, dtype: DType, shape: Dim[]): string {
    this.graph.inputs.push({ name, dtype, shape });
    this.graph.values[name] = { dtype, shape };
    return name;
  }

  /** Declares `value` as a graph output. */
  output(value: string): void {
    const t = this.typeOf(value);
    if (t === undefined) throw new Error(`internal: unknown value ${value}`);
    this.graph.outputs.push({ name: value, ...t });
    this.graph.values[value] ??= t;
  }

  /**
   * Adds a node and returns its output names. `outputs` names the outputs explicitly
   * (e.g. graph outputs); otherwise names are derived from the path.
   */
  node(
    op: string,
    path: string,
    inputs: readonly (string | undefined)[],
    attrs: Record<string, Attr> = {},
    outputs?: number | readonly string[],
  ): string[] {
    const def = opDef(op);
    if (def === undefined) throw new Error(`internal: op ${op} is not in the IR's table`);
    const ins = inputs.map((i) => i ?? "");
    // Trailing omitted inputs are dropped, as ONNX writes them.
    while (ins.length > 0 && ins[ins.length - 1] === "") ins.pop();
    const types = ins.map((n) => {
      if (n === "") return undefined;
      const t = this.typeOf(n);
      if (t === undefined) throw new Error(`internal: ${op} at ${path} uses undefined value ${n}`);
      return t;
    });
    const consts = ins.map((n) => (n === "" ? undefined : this.constOf(n)));
    let outTypes: TensorType[];
    try {
      outTypes = def.infer({ inputs: types, attrs, consts });
    } catch (e) {
      if (e instanceof ShapeError) throw new ShapeFailure(e.message, this.range, op);
      throw e;
    }
    const count = typeof outputs === "number" ? outputs : (outputs?.length ?? 1);
    const outNames = Array.from({ length: count }, (_, i) =>
      Array.isArray(outputs) ? outputs[i]! : this.names.next(`${path}/${op}`),
    );
    outNames.forEach((n, i) => {
      if (n === "") return;
      const t = outTypes[i];
      if (t === undefined) throw new Error(`internal: ${op} has no output ${i}`);
      this.graph.values[n] = t;
    });
    for (const n of ins) if (n !== "") this.used.add(n);
    const node: Node = { op, path, inputs: ins, outputs: outNames, attrs };
    if (this.range !== undefined) node.range = this.range;
    this.graph.nodes.push(node);
    if (op === "Constant") {
      const v = attrs["value"];
      if (v?.kind === "tensor") this.consts.set(outNames[0]!, v.value);
    }
    return outNames;
  }

  /** Adds a node with one output and returns its name. */
  op(
    op: string,
    path: string,
    inputs: readonly (string | undefined)[],
    attrs: Record<string, Attr> = {},
  ): string {
    return this.node(op, path, inputs, attrs, 1)[0]!;
  }

  /** A constant tensor (e.g. Reshape's shape, axes). */
  constant(path: string, dtype: DType, dims: number[], data: number[]): string {
    // Equal constants of a graph are one node: a model has hundreds of `[1]` axes and
    // `[0, 0, -1]` shapes.
    const key = `${dtype}|${dims.join(",")}|${data.join(",")}`;
    const known = this.constants.get(key);
    if (known !== undefined) return known;
    const name = this.op("Constant", path, [], {
      value: { kind: "tensor", value: { dtype, dims, data } },
    });
    this.constants.set(key, name);
    return name;
  }

  /**
   * Records the types of values this graph reads from outside (parameters, the
   * enclosing graph), so that a graph's `values` types every name it mentions.
   */
  finish(): Graph {
    for (const n of this.used) {
      if (this.graph.values[n] === undefined) {
        const t = this.outer.typeOf(n);
        if (t !== undefined) this.graph.values[n] = t;
      }
    }
    return this.graph;
  }
}

/** Unique value names `path/Op`, `path/Op_1`, ... shared by all graphs of a module. */
export function uniqueNames(): { next(path: string): string } {
  const seen = new Map<string, number>();
  return {
    next(path) {
      const n = seen.get(path) ?? 0;
      seen.set(path, n + 1);
      return n === 0 ? path : `${path}_${n}`;
    },
  };
}
