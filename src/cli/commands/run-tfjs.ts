/**
 * The tfjs side of `s2sc run --backend tfjs`: the model on TensorFlow.js in this process
 * (the generated code, with weights drawn from the seed as the interpreter draws them).
 * run.ts imports this module lazily, so other commands never load tfjs.
 */
import { initWeights } from "../../backends/interp/weights.js";
import type { Tensor } from "../../reference/tensor.js";
import type { TfBackend } from "../../backends/tfjs/runtime/tf-backends.js";
import { createTfjsModel } from "../../backends/tfjs/runtime/model.js";
import type { IrModule } from "../../ir/types.js";
import type { Runner } from "./runner.js";

export async function tfjsRunner(
  module: IrModule,
  seed: number,
  backend: TfBackend,
): Promise<Runner> {
  const model = await createTfjsModel(module, initWeights(module, seed), { backend });
  return {
    label: `tfjs (${backend})`,
    greedy: async (src, maxLength) => (await model.greedy([src], maxLength))[0]!,
    async logits(src, tgtIn): Promise<Tensor> {
      const encoded = model.encode([src]);
      const logits = model.decode(encoded, [tgtIn]);
      const data = (await logits.data()) as Float32Array;
      const dims = logits.shape;
      logits.dispose();
      model.disposeEncoded(encoded);
      return { dtype: "float32", dims, data };
    },
    dispose: () => model.dispose(),
  };
}
