/**
 * Lowerings of the shape ops and constants. Shapes and axes are constant inputs in the
 * IR, so they become JavaScript literals here; a dim that ONNX copies from the input
 * (Reshape's 0) reads the tensor's runtime shape.
 */
import { constTensor, nums } from "../codegen/literal.js";
import { axisOf } from "./nn.js";
import type { LowerContext, Lowering } from "./types.js";

function normalise(c: LowerContext, axes: readonly number[], rank: number): number[] {
  return axes.map((a) => {
    const n = a < 0 ? a + rank : a;
    if (n < 0 || n >= rank) c.fail(`axis ${a} is out of range for rank ${rank}`);
    return n;
  });
}

function rankOf(c: LowerContext, i: number): number {
  return c.inputType(i)?.shape.length ?? c.fail(`input ${i} has no type`);
}

export const SHAPE_LOWERINGS: Record<string, Lowering> = {
  Constant: {
    lower: (c) => {
      const v = c.node.attrs["value"];
      if (v?.kind !== "tensor") return c.fail("needs a tensor value");
      return [c.assign(constTensor(v.value))];
    },
  },
  Transpose: {
    lower: (c) => {
      const rank = rankOf(c, 0);
      const perm = c.ints("perm") ?? Array.from({ length: rank }, (_, i) => rank - 1 - i);
      return [c.assign(`tf.transpose(${c.need(0)}, ${nums(perm)})`)];
    },
  },
  Reshape: {
    constInputs: [1],
    lower: (c) => {
      const x = c.need(0);
      const allowZero = c.int("allowzero", 0) !== 0;
      const dims = c
        .constInts(1, "the shape")
        .map((d, i) => (d === 0 && !allowZero ? `${x}.shape[${i}]` : String(d)));
      return [c.assign(`tf.reshape(${x}, [${dims.join(", ")}])`)];
    },
  },
  Concat: {
    lower: (c) => {
      const parts = Array.from({ length: c.inputCount }, (_, i) => c.need(i));
      return [c.assign(`tf.concat([${parts.join(", ")}], ${axisOf(c, "axis", 0)})`)];
    },
  },
  Slice: {
    constInputs: [1, 2, 3, 4],
    lower: (c) => {
      const rank = rankOf(c, 0);
      const starts = c.constInts(1, "starts");
      const ends = c.constInts(2, "ends");
      const given = (i: number) => c.inputCount > i && c.node.inputs[i] !== "";
      const axes = given(3) ? normalise(c, c.constInts(3, "axes"), rank) : starts.map((_, i) => i);
      const steps = given(4) ? c.constInts(4, "steps") : starts.map(() => 1);
      if (steps.includes(0)) c.fail("a step of 0");
      const args = [c.need(0), nums(starts), nums(ends), nums(axes), nums(steps)];
      return [c.assign(`${c.helper("slice")}(${args.join(", ")})`)];
    },
  },
  Unsqueeze: {
    constInputs: [1],
    lower: (c) => {
      const axes = c.constInts(1, "the axes");
      const norm = normalise(c, axes, rankOf(c, 0) + axes.length).sort((a, b) => a - b);
      if (norm.length === 1) return [c.assign(`tf.expandDims(${c.need(0)}, ${norm[0]})`)];
      return [c.assign(`${c.helper("unsqueeze")}(${c.need(0)}, ${nums(norm)})`)];
    },
  },
  Squeeze: {
    constInputs: [1],
    lower: (c) => {
      if (c.inputCount < 2 || c.node.inputs[1] === "")
        return [c.assign(`tf.squeeze(${c.need(0)})`)];
      const axes = normalise(c, c.constInts(1, "the axes"), rankOf(c, 0));
      return [c.assign(`tf.squeeze(${c.need(0)}, ${nums(axes)})`)];
    },
  },
  Expand: {
    constInputs: [1],
    lower: (c) => [
      c.assign(`${c.helper("expand")}(${c.need(0)}, ${nums(c.constInts(1, "the shape"))})`),
    ],
  },
  Gather: {
    lower: (c) => [
      c.assign(`${c.helper("gather")}(${c.need(0)}, ${c.need(1)}, ${axisOf(c, "axis", 0)})`),
    ],
  },
  CumSum: {
    constInputs: [1],
    lower: (c) => {
      const rank = rankOf(c, 0);
      const [axis] = normalise(c, c.constInts(1, "the axis").slice(0, 1), rank);
      const exclusive = c.int("exclusive", 0) !== 0;
      const reverse = c.int("reverse", 0) !== 0;
      return [c.assign(`tf.cumsum(${c.need(0)}, ${axis}, ${exclusive}, ${reverse})`)];
    },
  },
  Trilu: {
    constInputs: [1],
    lower: (c) => {
      const k = c.inputCount > 1 && c.node.inputs[1] !== "" ? (c.constInts(1, "k")[0] ?? 0) : 0;
      return [c.assign(`${c.helper("trilu")}(${c.need(0)}, ${k}, ${c.int("upper", 1) !== 0})`)];
    },
  },
  Shape: {
    lower: (c) => {
      const rank = rankOf(c, 0);
      const fix = (v: number) => Math.min(rank, Math.max(0, v < 0 ? v + rank : v));
      const start = fix(c.int("start", 0));
      const end = Math.max(start, fix(c.int("end", rank)));
      return [c.assign(`tf.tensor1d(${c.need(0)}.shape.slice(${start}, ${end}), "int32")`)];
    },
  },
};
