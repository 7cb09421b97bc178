/**
 * `train { dropout = p }` (or `--dropout p`): the dropout rate of every dropout layer
 * while training, in place of the rates the spec compiled into the model (each layer's
 * own, inherited from its part or the model). Decoding never drops anything either way.
 *
 * The override is a copy of the module whose Dropout nodes read a fresh scalar constant
 * `p` as their ratio (ONNX Dropout's input 1). A fresh constant, not an edit of the old
 * one: the elaborator shares equal constants between nodes, so the old 0.1 may feed
 * other ops as well.
 */
import type { Graph, IrModule, Node } from "../ir/index.js";
import { Namer } from "../passes/index.js";

function withRate(g: Graph, rate: number, fresh: () => string): Graph {
  let name: string | undefined;
  const nodes: Node[] = [];
  for (const n of g.nodes) {
    const body = n.attrs["body"];
    let node: Node =
      body?.kind === "graph"
        ? {
            ...n,
            attrs: {
              ...n.attrs,
              body: { kind: "graph", value: withRate(body.value, rate, fresh) },
            },
          }
        : n;
    if (node.op === "Dropout" && node.inputs.length > 1 && node.inputs[1] !== "") {
      if (name === undefined) {
        name = fresh();
        nodes.unshift({
          op: "Constant",
          path: "train/dropout",
          inputs: [],
          outputs: [name],
          attrs: { value: { kind: "tensor", value: { dtype: "float32", dims: [], data: [rate] } } },
        });
      }
      node = { ...node, inputs: node.inputs.map((v, i) => (i === 1 ? name! : v)) };
    }
    nodes.push(node);
  }
  if (name === undefined) return { ...g, nodes };
  return { ...g, nodes, values: { ...g.values, [name]: { dtype: "float32", shape: [] } } };
}

/** A copy of `m` whose dropout layers all drop with probability `rate` when training. */
export function withDropoutRate(m: IrModule, rate: number): IrModule {
  const namer = new Namer(m);
  const fresh = () => namer.next("train/dropout_rate");
  const graphs = Object.fromEntries(
    Object.entries(m.graphs).map(([k, g]) => [k, withRate(g, rate, fresh)]),
  ) as IrModule["graphs"];
  return { ...m, graphs };
}
