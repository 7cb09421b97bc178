/** Shape-changing (injective) ONNX operators and constants. */
import { formatShape, normDim, Poly } from "../dims.js";
import type { Dim, DType } from "../types.js";
import {
  constInts,
  intAttr,
  intsAttr,
  need,
  normAxis,
  ShapeError,
  type InferArgs,
  type OpDef,
} from "./def.js";

/** Divides a dim product by another, when the quotient is a single monomial. */
function quotient(total: Poly, known: Poly): Dim | undefined {
  if (known.isZero()) return undefined;
  const [kk, kv] = known.terms.size === 1 ? [...known.terms.entries()][0]! : [undefined, 0];
  if (kk === undefined) return undefined;
  const out = new Map<string, number>();
  for (const [k, v] of total.terms) {
    const syms = k === "" ? [] : k.split("*");
    for (const s of kk === "" ? [] : kk.split("*")) {
      const i = syms.indexOf(s);
      if (i < 0) return undefined;
      syms.splice(i, 1);
    }
    if (v % kv !== 0) return undefined;
    out.set(syms.join("*"), v / kv);
  }
  if (out.size !== 1) return undefined;
  const [k, v] = [...out.entries()][0]!;
  if (k === "") return v;
  if (k.includes("*")) return undefined;
  return v === 1 ? k : undefined;
}

function injective(def: Omit<OpDef, "domain" | "category">): OpDef {
  return { domain: "", category: "injective", ...def };
}

export const SHAPE_OPS: OpDef[] = [
  injective({
    name: "Transpose",
    inputs: [1, 1],
    outputs: [1, 1],
    attrs: { perm: { kind: "ints" } },
    infer(a) {
      const x = need(a, 0, "Transpose");
      const perm = intsAttr(a, "perm") ?? x.shape.map((_, i) => x.shape.length - 1 - i);
      if (perm.length !== x.shape.length)
        throw new ShapeError("Transpose: perm has the wrong length");
      return [{ dtype: x.dtype, shape: perm.map((p) => x.shape[p]!) }];
    },
    doc: "permutes axes (reverses them when `perm` is absent)",
  }),
  injective({
    name: "Reshape",
    inputs: [2, 2],
    outputs: [1, 1],
    attrs: { allowzero: { kind: "int" } },
    infer(a) {
      const x = need(a, 0, "Reshape");
      const target = constInts(a, 1, "Reshape");
      const shape: Dim[] = target.map((t, i) => (t === 0 ? x.shape[i]! : t));
      const unknown = shape.indexOf(-1);
      if (unknown >= 0) {
        const rest = shape.filter((_, i) => i !== unknown);
        const q = quotient(Poly.product(x.shape), Poly.product(rest));
        if (q === undefined) {
          throw new ShapeError(
            `Reshape: cannot infer -1 reshaping ${formatShape(x.shape)} to [${target}]`,
          );
        }
        shape[unknown] = q;
      }
      return [{ dtype: x.dtype, shape: shape.map(normDim) }];
    },
    doc: "reshape to the constant shape input (0 copies a dim, -1 is inferred)",
  }),
  injective({
    name: "Concat",
    inputs: [1, Infinity],
    outputs: [1, 1],
    attrs: { axis: { kind: "int", required: true } },
    infer(a) {
      const first = need(a, 0, "Concat");
      const axis = normAxis(intAttr(a, "axis", 0), first.shape.length, "Concat");
      let total = Poly.zero();
      for (let i = 0; i < a.inputs.length; i++) {
        const t = need(a, i, "Concat");
        if (t.shape.length !== first.shape.length) throw new ShapeError("Concat: ranks differ");
        t.shape.forEach((d, k) => {
          if (k !== axis && normDim(d) !== normDim(first.shape[k]!)) {
            throw new ShapeError(
              `Concat: shapes ${formatShape(first.shape)} and ${formatShape(t.shape)} differ off axis ${axis}`,
            );
          }
        });
        total = total.add(Poly.of(t.shape[axis]!));
      }
      const shape = [...first.shape];
      shape[axis] = polyToDim(total);
      return [{ dtype: first.dtype, shape }];
    },
    doc: "joins tensors along `axis`",
  }),
  injective({
    name: "Slice",
    inputs: [3, 5],
    outputs: [1, 1],
    attrs: {},
    infer(a) {
      const x = need(a, 0, "Slice");
      const starts = constInts(a, 1, "Slice");
      const ends = constInts(a, 2, "Slice");
      const axes = a.consts[3]?.data ?? starts.map((_, i) => i);
      const shape = [...x.shape];
      axes.forEach((ax, i) => {
        const k = normAxis(ax, x.shape.length, "Slice");
        const d = x.shape[k]!;
        const s = starts[i]!;
        const e = ends[i]!;
        if (typeof d === "number") {
          const clamp = (v: number) => Math.max(0, Math.min(d, v < 0 ? v + d : v));
          shape[k] = Math.max(0, clamp(e) - clamp(s));
        } else if (s >= 0 && e >= 0 && e < 2 ** 31) {
          shape[k] = e - s;
        } else if (s === 0 && e >= 2 ** 31) {
          shape[k] = d;
        } else {
          throw new ShapeError(`Slice: cannot slice symbolic dim ${d} with [${s}, ${e})`);
        }
      });
      return [{ dtype: x.dtype, shape }];
    },
    doc: "takes [start, end) along the given axes (steps of 1)",
  }),
  injective({
    name: "Unsqueeze",
    inputs: [2, 2],
    outputs: [1, 1],
    attrs: {},
    infer(a) {
      const x = need(a, 0, "Unsqueeze");
      const rank = x.shape.length + constInts(a, 1, "Unsqueeze").length;
      const axes = constInts(a, 1, "Unsqueeze").map((v) => normAxis(v, rank, "Unsqueeze"));
      const shape: Dim[] = [];
      let j = 0;
      for (let i = 0; i < rank; i++) shape.push(axes.includes(i) ? 1 : x.shape[j++]!);
      return [{ dtype: x.dtype, shape }];
    },
    doc: "inserts size-1 axes",
  }),
  injective({
    name: "Squeeze",
    inputs: [1, 2],
    outputs: [1, 1],
    attrs: {},
    infer(a) {
      const x = need(a, 0, "Squeeze");
      const axes =
        a.inputs[1] === undefined
          ? x.shape.flatMap((d, i) => (d === 1 ? [i] : []))
          : constInts(a, 1, "Squeeze").map((v) => normAxis(v, x.shape.length, "Squeeze"));
      for (const ax of axes) {
        if (x.shape[ax] !== 1)
          throw new ShapeError(`Squeeze: axis ${ax} of ${formatShape(x.shape)} is not 1`);
      }
      return [{ dtype: x.dtype, shape: x.shape.filter((_, i) => !axes.includes(i)) }];
    },
    doc: "removes size-1 axes",
  }),
  injective({
    name: "Expand",
    inputs: [2, 2],
    outputs: [1, 1],
    attrs: {},
    infer(a) {
      const x = need(a, 0, "Expand");
      const target = constInts(a, 1, "Expand");
      const rank = Math.max(target.length, x.shape.length);
      const shape: Dim[] = [];
      for (let i = 0; i < rank; i++) {
        const xd = x.shape[i - (rank - x.shape.length)] ?? 1;
        const td = target[i - (rank - target.length)] ?? 1;
        shape.push(xd === 1 ? td : xd);
      }
      return [{ dtype: x.dtype, shape }];
    },
    doc: "broadcasts to a constant shape",
  }),
  injective({
    name: "Gather",
    inputs: [2, 2],
    outputs: [1, 1],
    attrs: { axis: { kind: "int" } },
    infer(a) {
      const x = need(a, 0, "Gather");
      const idx = need(a, 1, "Gather");
      if (idx.dtype !== "int32" && idx.dtype !== "int64")
        throw new ShapeError("Gather: indices must be integers");
      const axis = normAxis(intAttr(a, "axis", 0), x.shape.length, "Gather");
      return [
        {
          dtype: x.dtype,
          shape: [...x.shape.slice(0, axis), ...idx.shape, ...x.shape.slice(axis + 1)],
        },
      ];
    },
    doc: "takes slices along `axis` at the given indices (embedding lookup)",
  }),
  injective({
    name: "CumSum",
    inputs: [2, 2],
    outputs: [1, 1],
    attrs: { exclusive: { kind: "int" }, reverse: { kind: "int" } },
    infer(a) {
      normAxis(constInts(a, 1, "CumSum")[0] ?? 0, need(a, 0, "CumSum").shape.length, "CumSum");
      return [{ ...need(a, 0, "CumSum") }];
    },
    doc: "running sum along the axis given by input 1 (positions from a padding mask)",
  }),
  injective({
    name: "Trilu",
    inputs: [1, 2],
    outputs: [1, 1],
    attrs: { upper: { kind: "int" } },
    infer(a) {
      return [{ ...need(a, 0, "Trilu") }];
    },
    doc: "keeps the upper or lower triangle of the last two axes",
  }),
  injective({
    name: "Shape",
    inputs: [1, 1],
    outputs: [1, 1],
    attrs: {},
    infer(a) {
      return [{ dtype: "int64", shape: [need(a, 0, "Shape").shape.length] }];
    },
    doc: "the shape of a tensor as an int64 vector",
  }),
  {
    name: "Constant",
    domain: "",
    category: "injective",
    inputs: [0, 0],
    outputs: [1, 1],
    attrs: { value: { kind: "tensor", required: true } },
    infer(a: InferArgs) {
      const v = a.attrs["value"];
      if (v === undefined || v.kind !== "tensor")
        throw new ShapeError("Constant: needs a tensor value");
      return [{ dtype: v.value.dtype as DType, shape: [...v.value.dims] }];
    },
    doc: "a constant tensor",
  },
];

function polyToDim(p: Poly): Dim {
  if (p.terms.size === 0) return 0;
  const parts: string[] = [];
  let c = 0;
  for (const [k, v] of p.terms) {
    if (k === "") c = v;
    else if (k.includes("*")) throw new ShapeError(`dimension ${p.toString()} is not linear`);
    else parts.push(v === 1 ? k : `${v}*${k}`);
  }
  if (parts.length === 0) return c;
  return normDim(parts.join("+") + (c !== 0 ? `+${c}` : ""));
}
