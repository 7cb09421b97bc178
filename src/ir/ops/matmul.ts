/** Matmul-like ONNX operators: MatMul (numpy semantics) and Gemm. */
import { dimsEqual, formatShape, Poly } from "../dims.js";
import type { Dim } from "../types.js";
import { broadcastShapes } from "./broadcast.js";
import { intAttr, need, ShapeError, type OpDef } from "./def.js";

function matmulShape(a: readonly Dim[], b: readonly Dim[]): { out: Dim[]; k: Dim } {
  if (a.length === 0 || b.length === 0)
    throw new ShapeError("MatMul: scalars cannot be multiplied");
  const A = a.length === 1 ? [1, a[0]!] : [...a];
  const Bm = b.length === 1 ? [b[0]!, 1] : [...b];
  const k = A[A.length - 1]!;
  if (!dimsEqual(k, Bm[Bm.length - 2]!)) {
    throw new ShapeError(`MatMul: inner sizes differ: ${formatShape(a)} × ${formatShape(b)}`);
  }
  const batch = broadcastShapes("MatMul", [A.slice(0, -2), Bm.slice(0, -2)]);
  const out = [...batch];
  if (a.length > 1) out.push(A[A.length - 2]!);
  if (b.length > 1) out.push(Bm[Bm.length - 1]!);
  return { out, k };
}

export const MATMUL_OPS: OpDef[] = [
  {
    name: "MatMul",
    domain: "",
    category: "matmul",
    inputs: [2, 2],
    outputs: [1, 1],
    attrs: {},
    infer(a) {
      const x = need(a, 0, "MatMul");
      const y = need(a, 1, "MatMul");
      return [{ dtype: x.dtype, shape: matmulShape(x.shape, y.shape).out }];
    },
    macs(a, outs) {
      const { k } = matmulShape(need(a, 0, "MatMul").shape, need(a, 1, "MatMul").shape);
      return Poly.product(outs[0]!.shape).mul(Poly.of(k));
    },
    doc: "matrix product with numpy broadcasting of batch dims",
  },
  {
    name: "Gemm",
    domain: "",
    category: "matmul",
    inputs: [2, 3],
    outputs: [1, 1],
    attrs: {
      alpha: { kind: "float" },
      beta: { kind: "float" },
      transA: { kind: "int" },
      transB: { kind: "int" },
    },
    infer(a) {
      const x = need(a, 0, "Gemm");
      const y = need(a, 1, "Gemm");
      if (x.shape.length !== 2 || y.shape.length !== 2)
        throw new ShapeError("Gemm: inputs must be 2-D");
      const [m, k1] = intAttr(a, "transA", 0)
        ? [x.shape[1]!, x.shape[0]!]
        : [x.shape[0]!, x.shape[1]!];
      const [k2, n] = intAttr(a, "transB", 0)
        ? [y.shape[1]!, y.shape[0]!]
        : [y.shape[0]!, y.shape[1]!];
      if (!dimsEqual(k1, k2)) {
        throw new ShapeError(
          `Gemm: inner sizes differ: ${formatShape(x.shape)} × ${formatShape(y.shape)}`,
        );
      }
      const c = a.inputs[2];
      if (c !== undefined) broadcastShapes("Gemm", [c.shape, [m, n]]);
      return [{ dtype: x.dtype, shape: [m, n] }];
    },
    macs(a, outs) {
      const x = need(a, 0, "Gemm");
      const k = intAttr(a, "transA", 0) ? x.shape[0]! : x.shape[1]!;
      return Poly.product(outs[0]!.shape).mul(Poly.of(k));
    },
    doc: "y = alpha·A'·B' + beta·C (2-D)",
  },
];
