/**
 * Lowerings of the fused ops of src/ir/ops/fused.ts (made by src/passes), each the
 * composition it stands for: FusedMatMul through the fusedMatMul helper, the
 * Add+normalisation pairs as the sum and the norm helper (the sum is output 1).
 */
import { num, nums, str } from "../codegen/literal.js";
import { axisOf } from "./nn.js";
import type { Lowering } from "./types.js";

function addNorm(rms: boolean): Lowering {
  return {
    lower: (c) => {
      const sum = c.output(1) ?? c.fresh("sum");
      const axis = axisOf(c, "axis", -1);
      const eps = num(c.float("epsilon", 1e-5));
      const norm = rms
        ? `${c.helper("rmsNorm")}(${sum}, ${c.need(2)}, ${axis}, ${eps})`
        : `${c.helper("layerNorm")}(${sum}, ${c.need(2)}, ${c.input(3) ?? "undefined"}, ${axis}, ${eps})`;
      return [`const ${sum} = tf.add(${c.need(0)}, ${c.need(1)});`, c.assign(norm)];
    },
  };
}

export const FUSED_LOWERINGS: Record<string, Lowering> = {
  FusedMatMul: {
    lower: (c) => {
      const splits = c.ints("splits");
      // A transposed weight is transposed once (the runtime library's `prepared`), not per call.
      const transB = c.int("transB", 0) !== 0;
      const kept = transB && c.isWeight(1);
      const b = c.need(1);
      const args = [
        c.need(0),
        kept ? `${c.helper("prepared")}(${b}, "transpose", () => tf.transpose(${b}))` : b,
        c.input(2) ?? "undefined",
        String(transB && !kept),
        str(c.string("activation", "")),
        splits === undefined || splits.length === 1 ? "undefined" : nums(splits),
      ];
      return [c.outputsFrom(`${c.helper("fusedMatMul")}(${args.join(", ")})`)];
    },
  },
  AddLayerNormalization: addNorm(false),
  AddRMSNormalization: addNorm(true),
};
