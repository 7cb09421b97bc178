/**
 * The ONNX Runtime side of `s2sc run --backend ort`: the model exported to ONNX in
 * memory (exactly what `compile --target onnx` writes, weights drawn from the seed) and
 * run by onnxruntime-node. run.ts imports this module lazily.
 */
import { initWeights } from "../../backends/interp/weights.js";
import type { Tensor } from "../../reference/tensor.js";
import { createOrtModel } from "../../node/ort/model.js";
import { ortStepModel } from "../../node/ort/step-model.js";
import { greedy } from "../../decode/search.js";
import type { IrModule } from "../../ir/types.js";
import type { Runner } from "./runner.js";

export async function ortRunner(module: IrModule, seed: number): Promise<Runner> {
  const model = await createOrtModel(module, initWeights(module, seed));
  const step = ortStepModel(model);
  return {
    label: "ONNX Runtime (cpu)",
    greedy: async (src, maxLength) => (await greedy(step, [src], { maxLength }))[0]!.tokens,
    async logits(src, tgtIn): Promise<Tensor> {
      const logits = await model.decode(await model.encode([src]), [tgtIn]);
      return { dtype: "float32", dims: logits.dims, data: logits.data };
    },
    dispose: () => void model.dispose(),
  };
}
