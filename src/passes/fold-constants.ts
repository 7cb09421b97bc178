/**
 * Constant folding. Pattern: a node whose inputs are all Constant outputs (or, for
 * Shape, a value whose shape is fully known). Rewrite: a Constant with the value the
 * reference kernel computes (src/reference, the kernels the interpreter runs), under
 * the same output name, so no reader changes. This folds the zero half of the recurrent biases' `Concat(b, zeros)` down to
 * one Constant and the shape arithmetic around it; `b` and the tied output's
 * `Transpose(embedding)` read parameters, which are not compile-time constants here
 * (weights are bound at run time), so fuse-matmul-bias absorbs that Transpose into its
 * `transB` attribute instead. Likewise Attention's 1/√d_head scale cannot be folded into
 * the query projection's weights: it stays Attention's `scale` attribute, which the
 * kernels apply to Q once per head (the cost is one multiply per query element).
 */
import {
  KERNELS,
  Rng,
  allocData,
  makeTensor,
  plainAttrs,
  type Tensor,
} from "../reference/index.js";
import type { ConstTensor, Node } from "../ir/index.js";
import { STATEFUL_OPS } from "./dce.js";
import { constantOf, eachGraph, producers } from "./graph.js";
import type { Pass } from "./pass.js";

/** Folded constants larger than this stay computed (they would bloat the IR). */
export const MAX_FOLDED = 1 << 14;

const CONSTANT: ReadonlySet<string> = new Set(["Constant"]);

const NEVER: ReadonlySet<string> = new Set([...STATEFUL_OPS, "Constant", "Scan"]);

function toTensor(c: ConstTensor): Tensor {
  const data = allocData(c.dtype, c.data.length);
  data.set(c.data);
  return makeTensor(c.dtype, c.dims, data);
}

/** Shape reads only dims, so a dims-only stand-in serves for a value with a known shape. */
function shapeOnly(dims: number[]): Tensor {
  return { dtype: "float32", dims, data: new Float32Array(0) };
}

function constantNode(n: Node, t: Tensor): Node {
  const value: ConstTensor = {
    dtype: t.dtype,
    dims: [...t.dims],
    data: Array.from(t.data, Number),
  };
  const out: Node = {
    op: "Constant",
    path: n.path,
    inputs: [],
    outputs: [n.outputs[0]!],
    attrs: {},
  };
  out.attrs["value"] = { kind: "tensor", value };
  if (n.range !== undefined) out.range = n.range;
  return out;
}

export const foldConstants: Pass = {
  name: "fold-constants",
  categories: ["elementwise", "broadcast", "injective", "reduction"],
  level: 1,
  doc: "nodes computed from constants only become Constants (evaluated by the reference kernels)",
  run: (m) =>
    eachGraph(m, (g, types) => {
      let changed = false;
      // Only Constant producers matter (constantOf): a table of those, not of every value.
      const prod = producers(g, CONSTANT);
      g.nodes = g.nodes.map((n) => {
        if (NEVER.has(n.op) || n.outputs.length !== 1 || n.inputs.length === 0) return n;
        if (n.op === "Shape") {
          const t = types.of(n.inputs[0]!);
          if (t === undefined || !t.shape.every((d) => typeof d === "number")) return n;
        }
        const ins: (ConstTensor | undefined)[] = [];
        for (const i of n.inputs) {
          const c = i === "" ? undefined : constantOf(prod, i);
          if (c === undefined && i !== "" && n.op !== "Shape") return n;
          ins.push(c);
        }
        const kernel = KERNELS[n.op];
        if (kernel === undefined) return n;
        let out: Tensor | undefined;
        try {
          const inputs =
            n.op === "Shape"
              ? [shapeOnly(types.of(n.inputs[0]!)!.shape as number[])]
              : ins.map((c) => (c === undefined ? undefined : toTensor(c)));
          out = kernel(inputs, plainAttrs(n.attrs), { rng: new Rng(0), outputs: 1 })[0];
        } catch {
          return n;
        }
        if (out === undefined || out.data.length > MAX_FOLDED) return n;
        const folded = constantNode(n, out);
        prod.set(n.outputs[0]!, folded);
        changed = true;
        return folded;
      });
      return changed;
    }),
};
