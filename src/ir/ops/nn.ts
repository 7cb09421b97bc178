/** Normalisation, softmax and reduction ONNX operators. */
import type { Dim } from "../types.js";
import { intAttr, need, normAxis, same, ShapeError, type InferArgs, type OpDef } from "./def.js";

function softmaxLike(name: string, doc: string): OpDef {
  return {
    name,
    domain: "",
    category: "reduction",
    inputs: [1, 1],
    outputs: [1, 1],
    attrs: { axis: { kind: "int", doc: "default -1" } },
    infer(a) {
      normAxis(intAttr(a, "axis", -1), need(a, 0, name).shape.length, name);
      return same(a, name);
    },
    doc,
  };
}

function norm(name: string, doc: string): OpDef {
  return {
    name,
    domain: "",
    category: "reduction",
    inputs: [2, name === "LayerNormalization" ? 3 : 2],
    outputs: [1, 1],
    attrs: { axis: { kind: "int" }, epsilon: { kind: "float" }, stash_type: { kind: "int" } },
    infer(a) {
      const x = need(a, 0, name);
      const axis = normAxis(intAttr(a, "axis", -1), x.shape.length, name);
      const scale = need(a, 1, name);
      const normShape = x.shape.slice(axis);
      if (scale.shape.length > normShape.length) {
        throw new ShapeError(`${name}: scale has more dims than the normalised axes`);
      }
      return [{ dtype: x.dtype, shape: [...x.shape] }];
    },
    doc,
  };
}

function reduce(name: string, doc: string): OpDef {
  return {
    name,
    domain: "",
    category: "reduction",
    inputs: [1, 2],
    outputs: [1, 1],
    attrs: { keepdims: { kind: "int" }, noop_with_empty_axes: { kind: "int" } },
    infer(a: InferArgs) {
      const x = need(a, 0, name);
      const keep = intAttr(a, "keepdims", 1) === 1;
      const c = a.consts[1];
      const axes =
        c === undefined
          ? x.shape.map((_, i) => i)
          : c.data.map((v) => normAxis(v, x.shape.length, name));
      const shape: Dim[] = [];
      x.shape.forEach((d, i) => {
        if (!axes.includes(i)) shape.push(d);
        else if (keep) shape.push(1);
      });
      return [{ dtype: x.dtype, shape }];
    },
    doc,
  };
}

export const NN_OPS: OpDef[] = [
  softmaxLike("Softmax", "softmax along `axis`"),
  softmaxLike("LogSoftmax", "log of softmax along `axis`"),
  norm("LayerNormalization", "(x - mean) / sqrt(var + eps) · scale + bias over axes ≥ axis"),
  norm("RMSNormalization", "x / sqrt(mean(x²) + eps) · scale over axes ≥ axis"),
  reduce("ReduceSum", "sum over the axes given by input 1 (all when absent)"),
  reduce("ReduceMean", "mean over the axes given by input 1 (all when absent)"),
  reduce("ReduceMax", "max over the axes given by input 1 (all when absent)"),
];
