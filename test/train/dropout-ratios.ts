/** What the dropout tests read of a module: the rate each Dropout node drops at. */
import type { Graph, IrModule } from "../../src/ir/types.js";

/** The constant value each Dropout's ratio input reads, over all graphs and bodies. */
export function dropoutRatios(m: IrModule): number[] {
  const out: number[] = [];
  const visit = (g: Graph, consts: Map<string, number>) => {
    const scope = new Map(consts);
    for (const n of g.nodes) {
      const v = n.attrs["value"];
      if (n.op === "Constant" && v?.kind === "tensor" && v.value.dims.length === 0)
        scope.set(n.outputs[0]!, v.value.data[0]!);
      if (n.op === "Dropout") out.push(scope.get(n.inputs[1]!) ?? NaN);
      const body = n.attrs["body"];
      if (body?.kind === "graph") visit(body.value, scope);
    }
  };
  for (const g of Object.values(m.graphs)) visit(g, new Map());
  return out;
}
