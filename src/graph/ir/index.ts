/**
 * The op-graph picture (`--level ir`): one entry point of an IR module, drawn top to
 * bottom. Boxes are ops labelled with the op and its path; they sit in clusters by layer
 * path (clusters.ts). A Scan is a cluster holding its body: the body's inputs are bound
 * to the Scan's operands, its state outputs loop back to its state inputs, and whoever
 * reads a Scan output reads the body output behind it. A body reading a value of the
 * enclosing graph (the memory, a mask) gets an edge from where that value is made.
 */
import type { ConstTensor, EntryPoint, Graph, IrModule, Node, Parameter } from "../../ir/index.js";
import { DocBuilder } from "../builder.js";
import type { GraphDoc } from "../types.js";
import { collapseChains, LayerTable, PathClusters } from "./clusters.js";
import { attrLines, constLine, paramLine, relativePath, typeLine } from "./labels.js";

export const ENTRY_POINTS: readonly EntryPoint[] = ["encode", "decode", "decode_step"];

export function irGraph(module: IrModule, entry: EntryPoint): GraphDoc {
  const b = new DocBuilder();
  const d: Drawing = {
    b,
    layers: new LayerTable(module.layers),
    params: new Map(module.params.map((p) => [p.name, p])),
  };
  const g = module.graphs[entry];
  const scope = new Scope(undefined);
  for (const v of g.inputs) scope.define(v.name, b.node("input", v.name, [typeLine(v)]));
  drawGraph(d, g, scope, new PathClusters(b, d.layers, b.top, ""));
  for (const v of g.outputs) {
    const out = b.node("output", v.name, [typeLine(v)]);
    const from = scope.producer(v.name);
    if (from !== undefined) b.edge(from, out);
  }
  const doc = b.finish(`${module.model} · ${entry}`, "TB");
  collapseChains(doc.root);
  return doc;
}

interface Drawing {
  b: DocBuilder;
  layers: LayerTable;
  params: ReadonlyMap<string, Parameter>;
}

/**
 * What a graph's value names stand for: the node that makes them, or a folded
 * constant. A Scan body's scope falls back to the enclosing graph's (outer-scope reads).
 */
class Scope {
  private readonly producers = new Map<string, string>();
  private readonly constants = new Map<string, ConstTensor>();

  constructor(private readonly parent: Scope | undefined) {}

  define(value: string, node: string): void {
    this.producers.set(value, node);
  }

  defineConstant(value: string, t: ConstTensor): void {
    this.constants.set(value, t);
  }

  producer(value: string): string | undefined {
    return this.producers.get(value) ?? this.parent?.producer(value);
  }

  constant(value: string): ConstTensor | undefined {
    return this.constants.get(value) ?? this.parent?.constant(value);
  }
}

function drawGraph(d: Drawing, g: Graph, scope: Scope, clusters: PathClusters): void {
  for (const n of g.nodes) {
    const value = n.attrs["value"];
    // Constants are folded into the boxes that read them (see labels.ts).
    if (n.op === "Constant" && value?.kind === "tensor" && n.outputs.length === 1) {
      scope.defineConstant(n.outputs[0]!, value.value);
      continue;
    }
    const body = n.attrs["body"];
    if (n.op === "Scan" && body?.kind === "graph") drawScan(d, n, body.value, g, scope, clusters);
    else drawOp(d, n, g, scope, clusters);
  }
}

function drawOp(d: Drawing, n: Node, g: Graph, scope: Scope, clusters: PathClusters): void {
  const at = clusters.place(n.path);
  const details: string[] = [];
  const rel = relativePath(n.path, at.path);
  if (rel !== undefined) details.push(rel);
  details.push(...attrLines(n));
  // One edge per producer: an op reading the same value twice (dot attention's keys
  // and values are both the memory) is one arrow.
  const sources = new Set<string>();
  for (const input of n.inputs) {
    if (input === "") continue;
    const p = d.params.get(input);
    const c = p === undefined ? scope.constant(input) : undefined;
    if (p !== undefined) details.push(paramLine(p, n.path));
    else if (c !== undefined) details.push(constLine(c));
    else {
      const from = scope.producer(input);
      if (from !== undefined) sources.add(from);
    }
  }
  for (const o of n.outputs) {
    const t = o === "" ? undefined : g.values[o];
    if (t !== undefined) details.push(typeLine(t));
  }
  const id = d.b.nodeIn(at.container, "op", n.op, details, n.path);
  for (const s of sources) d.b.edge(s, id);
  for (const o of n.outputs) if (o !== "") scope.define(o, id);
}

/** A Scan as a cluster around its body (ONNX's Scan: N states, then scan inputs). */
function drawScan(
  d: Drawing,
  n: Node,
  body: Graph,
  g: Graph,
  scope: Scope,
  clusters: PathClusters,
): void {
  const { b } = d;
  const at = clusters.place(n.path);
  const numScan = n.attrs["num_scan_inputs"];
  const states = n.inputs.length - (numScan?.kind === "int" ? numScan.value : 0);
  const cluster = b.clusterIn(at.container, "scan", `Scan · ${n.path} · body ${body.name}`);
  const inner = new Scope(scope);
  const bodyInputs = body.inputs.map((v, i) => {
    const io = b.nodeIn(cluster, "scan_io", v.name, [
      typeLine(v),
      i < states ? "state" : "one step of the scan input",
    ]);
    const from = scope.producer(n.inputs[i] ?? "");
    if (from !== undefined) b.edge(from, io);
    inner.define(v.name, io);
    return io;
  });
  drawGraph(d, body, inner, new PathClusters(b, d.layers, cluster, at.path));
  body.outputs.forEach((v, j) => {
    const outer = n.outputs[j] ?? "";
    const t = g.values[outer];
    const io = b.nodeIn(cluster, "scan_io", outer === "" ? v.name : outer, [
      typeLine(t ?? v),
      j < states ? "state after the last step" : "every step's output, stacked",
    ]);
    const from = inner.producer(v.name);
    if (from !== undefined) b.edge(from, io);
    if (j < states) b.edge(io, bodyInputs[j]!, "feedback", "next step");
    if (outer !== "") scope.define(outer, io);
  });
}
