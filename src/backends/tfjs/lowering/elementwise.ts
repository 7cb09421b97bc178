/** Lowerings of the elementwise and broadcasting ops: one tfjs call each, mostly. */
import { num, str, tfDtype } from "../codegen/literal.js";
import type { DType } from "../../../ir/index.js";
import type { Lowering } from "./types.js";

/** `fn(x)`: tfjs broadcasts binary ops with numpy's rules, as ONNX does. */
function call(fn: string): Lowering {
  return {
    lower: (c) => {
      const args = Array.from({ length: c.inputCount }, (_, i) => c.need(i));
      return [c.assign(`${fn}(${args.join(", ")})`)];
    },
  };
}

export const ELEMENTWISE_LOWERINGS: Record<string, Lowering> = {
  // A plain alias: the output is the same tensor object as the input.
  Identity: { lower: (c) => [c.assign(c.need(0))] },
  Neg: call("tf.neg"),
  Sqrt: call("tf.sqrt"),
  Exp: call("tf.exp"),
  Log: call("tf.log"),
  Tanh: call("tf.tanh"),
  Sigmoid: call("tf.sigmoid"),
  Relu: call("tf.relu"),
  Erf: call("tf.erf"),
  Sin: call("tf.sin"),
  Cos: call("tf.cos"),
  Softplus: call("tf.softplus"),
  Not: call("tf.logicalNot"),
  Gelu: {
    lower: (c) => [
      c.assign(`${c.helper("gelu")}(${c.need(0)}, ${str(c.string("approximate", "none"))})`),
    ],
  },
  Cast: {
    lower: (c) => [
      c.assign(`tf.cast(${c.need(0)}, ${str(tfDtype(c.string("to", "float32") as DType))})`),
    ],
  },
  Dropout: {
    constInputs: [1],
    hostInputs: [2],
    lower: (c) => {
      const ratio = c.inputCount > 1 ? c.constant(1) : undefined;
      if (c.inputCount > 1 && c.node.inputs[1] !== "" && ratio === undefined)
        c.fail("the ratio must be a constant");
      const rate = ratio?.data[0] ?? 0.5;
      const training = c.host(2) ?? "false";
      const wantMask = c.output(1) !== undefined;
      return [
        c.outputsFrom(
          `${c.helper("dropout")}(${c.need(0)}, ${num(rate)}, ${training}, ${wantMask})`,
        ),
      ];
    },
  },
  Add: call("tf.add"),
  Sub: call("tf.sub"),
  Mul: call("tf.mul"),
  Div: {
    lower: (c) => {
      const [a, b] = [c.need(0), c.need(1)];
      // ONNX integer division truncates toward zero; tf.div floors int32. Dividing as
      // float32 and casting back truncates (exactly, for |values| < 2^24).
      if (c.outputType(0).dtype === "float32") return [c.assign(`tf.div(${a}, ${b})`)];
      return [
        c.assign(`tf.cast(tf.div(tf.cast(${a}, "float32"), tf.cast(${b}, "float32")), "int32")`),
      ];
    },
  },
  Pow: {
    lower: (c) => {
      const y = `tf.pow(${c.need(0)}, ${c.need(1)})`;
      // ONNX gives the base's type; tfjs upcasts an int base with a float exponent.
      return [c.assign(c.outputType(0).dtype === "float32" ? y : `tf.cast(${y}, "int32")`)];
    },
  },
  Max: call("tf.maximum"),
  Min: call("tf.minimum"),
  Equal: call("tf.equal"),
  Less: call("tf.less"),
  Where: call("tf.where"),
};
