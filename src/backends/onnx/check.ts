/**
 * The rules of the ONNX checker that can be verified in JavaScript, on the decoded bytes
 * (so serialisation is checked too):
 *
 * - the model has an IR version and an opset import for every domain its nodes use;
 * - SSA: every value is defined once — graph inputs, initializers and node outputs, and
 *   no subgraph redefines a name of an enclosing graph;
 * - topological order: a node reads only values defined before it (in its graph or an
 *   enclosing one, as ONNX lets subgraphs read outer values);
 * - declared types: every graph input and output has an element type and a shape, and
 *   every node output is declared in value_info or is a graph output;
 * - node names are unique, and every initializer is a tensor with a known element type
 *   whose raw bytes fit its dims.
 *
 * Operator schemas (attribute and input types) are what ONNX Runtime checks when it
 * loads the file; the tests load every export there as well.
 */
import {
  decodeModel,
  int64Number as num,
  IR_DTYPE,
  type DecodedModel,
  type GraphProto,
  type ValueInfoProto as ValueInfo,
} from "./proto.js";

const BYTES: Record<number, number> = { 1: 4, 6: 4, 7: 8, 9: 1 };

function typed(v: ValueInfo): boolean {
  const t = v.type?.tensorType;
  return t?.elemType !== undefined && t.elemType !== 0 && t.shape !== undefined && t.shape !== null;
}

export function checkOnnxModel(bytes: Uint8Array): string[] {
  const errors: string[] = [];
  let model: DecodedModel;
  try {
    model = decodeModel(bytes);
  } catch (e) {
    return [`not a valid ModelProto: ${(e as Error).message}`];
  }
  if (num(model.irVersion) < 1) errors.push("model: ir_version is missing");
  const opsets = new Map(model.opsetImport.map((o) => [o.domain ?? "", num(o.version)]));
  if (!opsets.has("")) errors.push("model: no opset import for the default ONNX domain");
  if (!model.graph) return [...errors, "model: no graph"];
  const nodeNames = new Set<string>();

  const checkGraph = (g: GraphProto, outer: ReadonlySet<string>, where: string) => {
    const defined = new Set<string>();
    const define = (name: string, what: string) => {
      if (name === "") return;
      if (defined.has(name) || outer.has(name))
        errors.push(`${where}: value ${name} is defined more than once (${what})`);
      defined.add(name);
    };
    const declared = new Set((g.valueInfo ?? []).map((v) => v.name ?? ""));
    for (const v of g.input ?? []) {
      define(v.name ?? "", "graph input");
      if (!typed(v)) errors.push(`${where}: input ${v.name} has no tensor type`);
    }
    for (const t of g.initializer ?? []) {
      // An initializer may also be listed as an input (an input with a default).
      if (!(g.input ?? []).some((v) => v.name === t.name)) define(t.name ?? "", "initializer");
      const dtype = t.dataType ?? 0;
      if (IR_DTYPE[dtype] === undefined) {
        errors.push(`${where}: initializer ${t.name} has unsupported element type ${dtype}`);
        continue;
      }
      const count = (t.dims ?? []).reduce<number>((a, d) => a * num(d), 1);
      if (t.rawData && t.rawData.length !== count * BYTES[dtype]!)
        errors.push(
          `${where}: initializer ${t.name} has ${t.rawData.length} bytes for ${count} values`,
        );
    }
    const outputs = new Set((g.output ?? []).map((v) => v.name ?? ""));
    for (const [i, n] of (g.node ?? []).entries()) {
      const label = `${where}: node ${n.name || `#${i}`} (${n.opType})`;
      if (!n.name) errors.push(`${label}: has no name`);
      else if (nodeNames.has(n.name)) errors.push(`${label}: name is not unique`);
      else nodeNames.add(n.name);
      if (!opsets.has(n.domain ?? ""))
        errors.push(`${label}: domain "${n.domain}" has no opset import`);
      for (const input of n.input ?? []) {
        if (input !== "" && !defined.has(input) && !outer.has(input))
          errors.push(`${label}: reads ${input} before it is defined`);
      }
      for (const a of n.attribute ?? []) {
        const subs = [...(a.g ? [a.g] : []), ...(a.graphs ?? [])];
        for (const sub of subs)
          checkGraph(sub, new Set([...outer, ...defined]), `${where}/${n.name}.${a.name}`);
      }
      for (const o of n.output ?? []) {
        define(o, `output of ${n.name}`);
        if (o !== "" && !declared.has(o) && !outputs.has(o))
          errors.push(`${label}: output ${o} has no declared type`);
      }
    }
    for (const v of g.output ?? []) {
      if (!typed(v)) errors.push(`${where}: output ${v.name} has no tensor type`);
      if (!defined.has(v.name ?? "") && !outer.has(v.name ?? ""))
        errors.push(`${where}: output ${v.name} is never defined`);
    }
  };
  checkGraph(model.graph, new Set(), model.graph.name ?? "graph");
  return errors;
}
