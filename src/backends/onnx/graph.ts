/**
 * One IR graph as an ONNX GraphProto: every node through the op table (table.ts), the
 * graph's inputs and outputs, value_info for every value it defines, and — for a
 * top-level graph — the parameters it reads (here or in a Scan body) as initializers.
 * Scan bodies become GRAPH attributes that read outer values by name, as ONNX allows.
 */
import type { Attr, ConstTensor, Graph, Node, Parameter, TensorType } from "../../ir/index.js";
import {
  ATTR,
  ONNX_DTYPE,
  type AttributeProto,
  type GraphProto,
  type NodeProto,
  type ValueInfoProto,
} from "./proto.js";
import { ONNX_EXPORTS } from "./table.js";
import { constTensorProto, tensorProto, valueInfo } from "./tensor.js";
import { ExportError, type ExportContext } from "./types.js";

export interface WeightData {
  readonly dims: readonly number[];
  readonly data: ArrayLike<number>;
}

/** Names shared by all graphs of one model file: ONNX wants them unique model-wide. */
export class ModelScope {
  private readonly nodeNames = new Set<string>();
  private readonly values = new Set<string>();
  /** Parameters read anywhere in the model (initializers of the top-level graph). */
  readonly usedParams = new Set<string>();

  constructor(
    readonly params: ReadonlyMap<string, Parameter>,
    graph: Graph,
  ) {
    const walk = (g: Graph) => {
      for (const v of Object.keys(g.values)) this.values.add(v);
      for (const n of g.nodes)
        for (const a of Object.values(n.attrs)) if (a.kind === "graph") walk(a.value);
    };
    walk(graph);
  }

  nodeName(path: string): string {
    let name = path;
    for (let k = 1; this.nodeNames.has(name); k++) name = `${path}#${k}`;
    this.nodeNames.add(name);
    return name;
  }

  freshValue(base: string): string {
    let name = base;
    for (let k = 1; this.values.has(name); k++) name = `${base}_${k}`;
    this.values.add(name);
    return name;
  }
}

const utf8 = (s: string) => new TextEncoder().encode(s);

class GraphExporter {
  readonly nodes: NodeProto[] = [];
  readonly valueInfo: ValueInfoProto[] = [];
  private readonly consts: Map<string, ConstTensor>;
  private readonly int64s = new Map<string, string>();

  constructor(
    private readonly scope: ModelScope,
    private readonly graph: Graph,
    outerConsts: ReadonlyMap<string, ConstTensor>,
  ) {
    this.consts = new Map(outerConsts);
  }

  run(): void {
    const outputs = new Set(this.graph.outputs.map((o) => o.name));
    for (const node of this.graph.nodes) {
      const entry = ONNX_EXPORTS[node.op];
      if (entry === undefined) throw new ExportError(`no ONNX export for op ${node.op}`);
      entry(this.context(node));
      const value = node.attrs["value"];
      if (node.op === "Constant" && value?.kind === "tensor")
        this.consts.set(node.outputs[0]!, value.value);
      for (const o of node.outputs) {
        if (o === "" || outputs.has(o)) continue;
        const t = this.graph.values[o];
        if (t === undefined) throw new ExportError(`value ${o} has no type`);
        this.valueInfo.push(valueInfo(o, t));
      }
    }
  }

  /**
   * A Scan body's outputs, each a distinct value defined by a node of the body: ONNX
   * Runtime mis-threads a Scan body that returns one value twice (a state that is also
   * a per-step output, as with input feeding), and graph inputs returned as outputs are
   * ambiguous in a body, so those get an Identity of their own.
   */
  outputs(): ValueInfoProto[] {
    const seen = new Set(this.graph.inputs.map((v) => v.name));
    return this.graph.outputs.map((v) => {
      if (!seen.has(v.name)) {
        seen.add(v.name);
        return valueInfo(v.name, v);
      }
      const copy = this.scope.freshValue(`${v.name}/output`);
      this.nodes.push({
        name: this.scope.nodeName(`${this.graph.name}/output`),
        opType: "Identity",
        domain: "",
        input: [v.name],
        output: [copy],
        attribute: [],
      });
      return valueInfo(copy, v);
    });
  }

  private typeOf(name: string): TensorType | undefined {
    if (name === "") return undefined;
    const t = this.graph.values[name];
    if (t !== undefined) return t;
    const p = this.scope.params.get(name);
    return p === undefined ? undefined : { dtype: p.dtype, shape: [...p.shape] };
  }

  private context(node: Node): ExportContext {
    const self = this;
    const cx: ExportContext = {
      node,
      input: (i) => node.inputs[i] ?? "",
      inputType: (i) => self.typeOf(node.inputs[i] ?? ""),
      output: (i) => node.outputs[i] ?? "",
      outputType(i) {
        const t = self.typeOf(node.outputs[i] ?? "");
        if (t === undefined)
          throw new ExportError(`${node.op} at ${node.path}: output ${i} has no type`);
        return t;
      },
      int64(i) {
        const name = node.inputs[i]!;
        const t = self.typeOf(name);
        if (t?.dtype === "int64") return name;
        const memo = self.int64s.get(name);
        if (memo !== undefined) return memo;
        const c = self.consts.get(name);
        let out: string;
        if (c !== undefined) {
          // Folded: the same values as an int64 Constant of the same dims.
          out = cx.constant64(`${name}/int64`, c.data, c.dims);
        } else {
          out = cx.fresh(`${name}/int64`, { dtype: "int64", shape: [...(t?.shape ?? [])] });
          cx.emit("Cast", [name], [out], { to: { kind: "int", value: ONNX_DTYPE.int64 } });
        }
        self.int64s.set(name, out);
        return out;
      },
      fresh(base, type) {
        const name = self.scope.freshValue(base);
        self.valueInfo.push(valueInfo(name, type));
        return name;
      },
      constant64(base, values, dims = [values.length]) {
        const out = cx.fresh(base, { dtype: "int64", shape: [...dims] });
        const value: ConstTensor = { dtype: "int64", dims: [...dims], data: [...values] };
        cx.emit("Constant", [], [out], { value: { kind: "tensor", value } });
        self.consts.set(out, value);
        return out;
      },
      emit(op, inputs, outputs, attrs = {}) {
        for (const i of inputs) if (self.scope.params.has(i)) self.scope.usedParams.add(i);
        self.nodes.push({
          name: self.scope.nodeName(node.path),
          opType: op,
          domain: "",
          input: [...inputs],
          output: [...outputs],
          attribute: Object.entries(attrs).map(([k, a]) => self.attribute(k, a)),
        });
      },
    };
    return cx;
  }

  private attribute(name: string, a: Attr): AttributeProto {
    switch (a.kind) {
      case "int":
        return { name, type: ATTR.INT, i: a.value };
      case "float":
        return { name, type: ATTR.FLOAT, f: a.value };
      case "string":
        return { name, type: ATTR.STRING, s: utf8(a.value) };
      case "ints":
        return { name, type: ATTR.INTS, ints: [...a.value] };
      case "floats":
        return { name, type: ATTR.FLOATS, floats: [...a.value] };
      case "strings":
        return { name, type: ATTR.STRINGS, strings: a.value.map(utf8) };
      case "tensor":
        return { name, type: ATTR.TENSOR, t: constTensorProto("", a.value) };
      case "graph":
        return { name, type: ATTR.GRAPH, g: exportSubgraph(this.scope, a.value, this.consts) };
    }
  }
}

function exportSubgraph(
  scope: ModelScope,
  g: Graph,
  outerConsts: ReadonlyMap<string, ConstTensor>,
): GraphProto {
  const ex = new GraphExporter(scope, g, outerConsts);
  ex.run();
  const output = ex.outputs();
  return {
    name: g.name,
    node: ex.nodes,
    input: g.inputs.map((v) => valueInfo(v.name, v)),
    output,
    valueInfo: ex.valueInfo,
  };
}

/** The graph input the IR threads into Dropout; exported models run in inference mode. */
export const TRAINING_INPUT = "training";

/**
 * A top-level graph with the weights it reads as initializers. The IR's `training` flag
 * becomes an initializer `false` rather than an input: the exported files are for
 * inference, and a runtime then sees Dropout as the identity it is there.
 */
export function exportTopGraph(
  params: readonly Parameter[],
  weights: ReadonlyMap<string, WeightData>,
  g: Graph,
): GraphProto {
  const byName = new Map(params.map((p) => [p.name, p]));
  const scope = new ModelScope(byName, g);
  const ex = new GraphExporter(scope, g, new Map());
  ex.run();
  const initializer = [...scope.usedParams].sort().map((name) => {
    const w = weights.get(name);
    const p = byName.get(name)!;
    if (w === undefined) throw new ExportError(`no weights for parameter ${name}`);
    const expected = p.shape.reduce((a, b) => a * b, 1);
    if (w.data.length !== expected)
      throw new ExportError(
        `weights of ${name} have ${w.data.length} values, expected ${expected}`,
      );
    return tensorProto(name, p.dtype, p.shape, w.data);
  });
  // Top-level outputs keep their names (callers feed and read by name); the IR makes
  // each a distinct Identity already.
  const output = g.outputs.map((v) => valueInfo(v.name, v));
  const inputs = g.inputs.filter((v) => !(v.name === TRAINING_INPUT && v.dtype === "bool"));
  if (inputs.length !== g.inputs.length)
    initializer.push(tensorProto(TRAINING_INPUT, "bool", [], [0]));
  return {
    name: g.name,
    node: ex.nodes,
    input: inputs.map((v) => valueInfo(v.name, v)),
    output,
    initializer,
    valueInfo: ex.valueInfo,
  };
}
