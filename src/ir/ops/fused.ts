/**
 * Fused operators of our own (domain "s2s"), made only by the passes in src/passes.
 * Each is defined as a composition of ONNX ops, which is what every backend's entry
 * must compute (the equivalence tests in test/passes compare against the unfused graph):
 *
 * - `FusedMatMul(A, B, bias?) {transB, activation, splits}` =
 *   `Split(act(Add(MatMul(A, transB ? Transpose(B) : B), bias)), splits, axis = -1)`,
 *   with B a 2-D matrix, `act` one of "" (none), relu, sigmoid, tanh, gelu (exact erf
 *   form) and `splits` absent for one output.
 * - `AddLayerNormalization(A, B, scale, bias?) {axis, epsilon}` =
 *   `LayerNormalization(Add(A, B), scale, bias)`, with the sum `Add(A, B)` as optional
 *   second output (pre-norm residual streams need it). A and B have the same shape.
 * - `AddRMSNormalization(A, B, scale) {axis, epsilon}` = the same with RMSNormalization.
 */
import { dimsEqual, formatShape, Poly } from "../dims.js";
import type { Dim } from "../types.js";
import {
  intAttr,
  intsAttr,
  need,
  normAxis,
  ShapeError,
  stringAttr,
  type InferArgs,
  type OpDef,
} from "./def.js";

export const FUSED_ACTIVATIONS = ["", "relu", "sigmoid", "tanh", "gelu"] as const;
export type FusedActivation = (typeof FUSED_ACTIVATIONS)[number];

interface MatMulDims {
  lead: Dim[];
  k: number;
  n: number;
  splits: number[];
}

function fusedMatMulDims(a: InferArgs): MatMulDims {
  const op = "FusedMatMul";
  const x = need(a, 0, op);
  const w = need(a, 1, op);
  if (x.shape.length < 2) throw new ShapeError(`${op}: A must have rank 2 or more`);
  if (w.shape.length !== 2)
    throw new ShapeError(`${op}: B must be 2-D, got ${formatShape(w.shape)}`);
  const trans = intAttr(a, "transB", 0) !== 0;
  const [k, n] = trans ? [w.shape[1]!, w.shape[0]!] : [w.shape[0]!, w.shape[1]!];
  if (typeof k !== "number" || typeof n !== "number")
    throw new ShapeError(`${op}: B must have static dims`);
  if (!dimsEqual(x.shape[x.shape.length - 1]!, k)) {
    throw new ShapeError(
      `${op}: inner sizes differ: ${formatShape(x.shape)} × ${formatShape(w.shape)}`,
    );
  }
  const bias = a.inputs[2];
  if (bias !== undefined && (bias.shape.length !== 1 || !dimsEqual(bias.shape[0]!, n))) {
    throw new ShapeError(`${op}: bias must be [${n}], got ${formatShape(bias.shape)}`);
  }
  const act = stringAttr(a, "activation", "");
  if (!(FUSED_ACTIVATIONS as readonly string[]).includes(act))
    throw new ShapeError(`${op}: unknown activation "${act}"`);
  const splits = intsAttr(a, "splits") ?? [n];
  if (splits.some((s) => s <= 0) || splits.reduce((p, q) => p + q, 0) !== n) {
    throw new ShapeError(`${op}: splits [${splits.join(", ")}] do not add up to ${n}`);
  }
  return { lead: x.shape.slice(0, -1), k, n, splits };
}

function addNorm(name: string, withBias: boolean, doc: string): OpDef {
  return {
    name,
    domain: "s2s",
    category: "reduction",
    inputs: [3, withBias ? 4 : 3],
    outputs: [1, 2],
    attrs: { axis: { kind: "int" }, epsilon: { kind: "float" } },
    infer(a) {
      const x = need(a, 0, name);
      const y = need(a, 1, name);
      if (
        x.shape.length !== y.shape.length ||
        !x.shape.every((d, i) => dimsEqual(d, y.shape[i]!))
      ) {
        throw new ShapeError(
          `${name}: A ${formatShape(x.shape)} and B ${formatShape(y.shape)} differ`,
        );
      }
      const axis = normAxis(intAttr(a, "axis", -1), x.shape.length, name);
      if (need(a, 2, name).shape.length > x.shape.length - axis)
        throw new ShapeError(`${name}: scale has more dims than the normalised axes`);
      const t = { dtype: x.dtype, shape: [...x.shape] };
      return [t, { ...t, shape: [...x.shape] }];
    },
    doc,
  };
}

export const FUSED_OPS: OpDef[] = [
  {
    name: "FusedMatMul",
    domain: "s2s",
    category: "matmul",
    inputs: [2, 3],
    outputs: [1, 64],
    attrs: {
      transB: { kind: "int", doc: "1: B is stored transposed ([N, K])" },
      activation: { kind: "string", doc: '"", "relu", "sigmoid", "tanh" or "gelu"' },
      splits: { kind: "ints", doc: "sizes of the outputs along the last axis" },
    },
    infer(a) {
      const d = fusedMatMulDims(a);
      const dtype = need(a, 0, "FusedMatMul").dtype;
      return d.splits.map((s) => ({ dtype, shape: [...d.lead, s] }));
    },
    macs(a) {
      const d = fusedMatMulDims(a);
      return Poly.product(d.lead).mul(Poly.of(d.k * d.n));
    },
    doc: "Split(act(MatMul(A, transB ? Bᵀ : B) + bias), splits, axis = -1)",
  },
  addNorm(
    "AddLayerNormalization",
    true,
    "LayerNormalization(A + B, scale, bias); output 1 is A + B",
  ),
  addNorm("AddRMSNormalization", false, "RMSNormalization(A + B, scale); output 1 is A + B"),
];
