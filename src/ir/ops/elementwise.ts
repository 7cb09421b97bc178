/** Elementwise (unary) and broadcasting (binary/ternary) ONNX operators. */
import type { DType, TensorType } from "../types.js";
import { broadcastShapes } from "./broadcast.js";
import { need, same, ShapeError, stringAttr, type InferArgs, type OpDef } from "./def.js";

function unary(name: string, doc: string, attrs: OpDef["attrs"] = {}): OpDef {
  return {
    name,
    domain: "",
    category: "elementwise",
    inputs: [1, 1],
    outputs: [1, 1],
    attrs,
    infer: (a) => same(a, name),
    doc,
  };
}

function binary(name: string, doc: string, result?: DType): OpDef {
  return {
    name,
    domain: "",
    category: "broadcast",
    inputs: [2, 2],
    outputs: [1, 1],
    attrs: {},
    infer(a: InferArgs): TensorType[] {
      const x = need(a, 0, name);
      const y = need(a, 1, name);
      if (x.dtype !== y.dtype && name !== "Pow") {
        throw new ShapeError(`${name}: element types differ (${x.dtype} vs ${y.dtype})`);
      }
      return [{ dtype: result ?? x.dtype, shape: broadcastShapes(name, [x.shape, y.shape]) }];
    },
    doc,
  };
}

export const ELEMENTWISE_OPS: OpDef[] = [
  unary("Identity", "y = x"),
  unary("Neg", "y = -x"),
  unary("Sqrt", "y = sqrt(x)"),
  unary("Exp", "y = exp(x)"),
  unary("Log", "y = log(x)"),
  unary("Tanh", "y = tanh(x)"),
  unary("Sigmoid", "y = 1 / (1 + exp(-x))"),
  unary("Relu", "y = max(x, 0)"),
  unary("Erf", "the Gauss error function"),
  unary("Sin", "y = sin(x)"),
  unary("Cos", "y = cos(x)"),
  unary("Softplus", "y = log(1 + exp(x))"),
  unary("Not", "logical not of a bool tensor"),
  unary("Gelu", "GELU, exact (erf) or `approximate = tanh`", {
    approximate: { kind: "string", doc: "`none` (default) or `tanh`" },
  }),
  {
    name: "Cast",
    domain: "",
    category: "elementwise",
    inputs: [1, 1],
    outputs: [1, 1],
    attrs: { to: { kind: "string", required: true, doc: "target element type (IR dtype name)" } },
    infer(a) {
      const x = need(a, 0, "Cast");
      const to = stringAttr(a, "to", "float32") as DType;
      return [{ dtype: to, shape: [...x.shape] }];
    },
    doc: "element type conversion (the `to` attribute names an IR dtype)",
  },
  {
    name: "Dropout",
    domain: "",
    category: "elementwise",
    inputs: [1, 3],
    outputs: [1, 2],
    attrs: { seed: { kind: "int" } },
    infer(a) {
      const x = need(a, 0, "Dropout");
      return [
        { dtype: x.dtype, shape: [...x.shape] },
        { dtype: "bool", shape: [...x.shape] },
      ];
    },
    doc: "inverted dropout with ratio input 1 when training_mode (input 2) is true; identity otherwise",
  },
  binary("Add", "y = a + b"),
  binary("Sub", "y = a - b"),
  binary("Mul", "y = a * b"),
  binary("Div", "y = a / b"),
  binary("Pow", "y = a ** b"),
  binary("Max", "elementwise maximum"),
  binary("Min", "elementwise minimum"),
  binary("Equal", "a == b", "bool"),
  binary("Less", "a < b", "bool"),
  {
    name: "Where",
    domain: "",
    category: "broadcast",
    inputs: [3, 3],
    outputs: [1, 1],
    attrs: {},
    infer(a) {
      const c = need(a, 0, "Where");
      const x = need(a, 1, "Where");
      const y = need(a, 2, "Where");
      if (c.dtype !== "bool") throw new ShapeError("Where: condition must be bool");
      if (x.dtype !== y.dtype) throw new ShapeError("Where: branches have different types");
      return [{ dtype: x.dtype, shape: broadcastShapes("Where", [c.shape, x.shape, y.shape]) }];
    },
    doc: "y = cond ? a : b",
  },
];
