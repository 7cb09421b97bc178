/** Lowerings of matrix products, softmax, normalisations and reductions. */
import { num, nums } from "../codegen/literal.js";
import type { LowerContext, Lowering } from "./types.js";

/** An axis attribute normalised against input 0's static rank. */
export function axisOf(c: LowerContext, name: string, dflt: number, rank?: number): number {
  const r = rank ?? c.inputType(0)?.shape.length ?? 0;
  const a = c.int(name, dflt);
  const n = a < 0 ? a + r : a;
  if (n < 0 || n >= r) c.fail(`axis ${a} is out of range for rank ${r}`);
  return n;
}

function softmaxLike(helperName: string): Lowering {
  return {
    lower: (c) => [c.assign(`${c.helper(helperName)}(${c.need(0)}, ${axisOf(c, "axis", -1)})`)],
  };
}

/** `fn` names the function to call, `fn(x, axes | null, keepDims)`. */
function reduce(fn: (c: LowerContext) => string): Lowering {
  return {
    constInputs: [1],
    lower: (c) => {
      const x = c.need(0);
      const rank = c.inputType(0)?.shape.length ?? 0;
      const keep = c.int("keepdims", 1) !== 0;
      const given = c.inputCount > 1 && c.node.inputs[1] !== "";
      const axes = given
        ? c.constInts(1, "the axes").map((a) => (a < 0 ? a + rank : a))
        : undefined;
      if (axes !== undefined && axes.length === 0 && c.int("noop_with_empty_axes", 0) !== 0)
        return [c.assign(x)];
      const list = axes === undefined || axes.length === 0 ? "null" : nums(axes);
      return [c.assign(`${fn(c)}(${x}, ${list}, ${keep})`)];
    },
  };
}

export const NN_LOWERINGS: Record<string, Lowering> = {
  MatMul: { lower: (c) => [c.assign(`${c.helper("matmul")}(${c.need(0)}, ${c.need(1)})`)] },
  Gemm: {
    lower: (c) => {
      const args = [
        c.need(0),
        c.need(1),
        c.input(2) ?? "undefined",
        num(c.float("alpha", 1)),
        num(c.float("beta", 1)),
        String(c.int("transA", 0) !== 0),
        String(c.int("transB", 0) !== 0),
      ];
      return [c.assign(`${c.helper("gemm")}(${args.join(", ")})`)];
    },
  },
  Softmax: softmaxLike("softmax"),
  LogSoftmax: softmaxLike("logSoftmax"),
  LayerNormalization: {
    lower: (c) => {
      const args = [
        c.need(0),
        c.need(1),
        c.input(2) ?? "undefined",
        axisOf(c, "axis", -1),
        num(c.float("epsilon", 1e-5)),
      ];
      return [c.assign(`${c.helper("layerNorm")}(${args.join(", ")})`)];
    },
  },
  RMSNormalization: {
    lower: (c) => {
      const args = [c.need(0), c.need(1), axisOf(c, "axis", -1), num(c.float("epsilon", 1e-5))];
      return [c.assign(`${c.helper("rmsNorm")}(${args.join(", ")})`)];
    },
  },
  ReduceSum: reduce((c) => c.helper("sum")),
  ReduceMean: reduce(() => "tf.mean"),
  ReduceMax: reduce(() => "tf.max"),
};
