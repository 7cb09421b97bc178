/**
 * One model on any of the three backends that run in Node — the reference interpreter,
 * TensorFlow.js, ONNX Runtime — behind the few calls `s2sc run` and `s2sc translate`
 * make: a teacher-forced forward pass, greedy decoding, and the `decode_step` model that
 * beam search drives. The tfjs and ORT code is imported only when asked for, so that
 * opening a model on the interpreter never starts tfjs or loads onnxruntime-node.
 */
import type { WeightData, TfBackend } from "../backends/tfjs/index.js";
import { assertInputLengths, type StepModel } from "../decode/index.js";
import type { IrModule } from "../ir/index.js";
import type { Tensor } from "../reference/index.js";
import { OrtUnavailableError } from "./ort/index.js";

/** Where a model runs. */
export const RUN_BACKENDS = ["interp", "tfjs", "ort"] as const;
export type RunBackend = (typeof RUN_BACKENDS)[number];

export interface BackendModelOptions {
  backend: RunBackend;
  /** The tfjs backend for `backend: "tfjs"` (default `wasm`). */
  tfBackend?: TfBackend;
}

export interface BackendModel {
  /** How a report names the backend ("the interpreter", "tfjs (wasm)"). */
  label: string;
  /** Greedy decoding of one source, as the backend's own search does it. */
  greedy(src: number[], maxLength: number): Promise<number[]>;
  /** Teacher-forced logits [1, T, V] for one sequence; `tgtIn` starts with <bos>. */
  logits(src: number[], tgtIn: number[]): Promise<Tensor>;
  /** `decode_step` for the searches of src/decode (greedy and beam over batches). */
  step: StepModel<unknown>;
  dispose(): void;
}

/**
 * Opens `module` with `weights` on a backend. ONNX Runtime missing or broken is an
 * `error` (an optional dependency, not a bug); anything else that fails is thrown. A
 * source or target longer than the position table throws InputLengthError (from
 * src/decode/lengths.ts) with the same message on every backend.
 */
export async function openBackendModel(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  options: BackendModelOptions,
): Promise<{ model: BackendModel } | { error: string }> {
  if (options.backend === "tfjs")
    return {
      model: withLengthChecks(
        module,
        await tfjsModel(module, weights, options.tfBackend ?? "wasm"),
      ),
    };
  if (options.backend === "interp")
    return { model: withLengthChecks(module, await interpModel(module, weights)) };
  try {
    return { model: withLengthChecks(module, await ortModel(module, weights)) };
  } catch (e) {
    if (e instanceof OrtUnavailableError) return { error: e.message };
    throw e;
  }
}

/**
 * Checks inputs against the position table before a backend sees them (each would fail
 * in its own words: a Gather error, a GatherV2 error, an ORT log). The searches over
 * `step` check sources themselves (src/decode/search.ts).
 */
function withLengthChecks(module: IrModule, model: BackendModel): BackendModel {
  return {
    ...model,
    async greedy(src, maxLength) {
      assertInputLengths(module.config, { src: [src] });
      return model.greedy(src, maxLength);
    },
    async logits(src, tgtIn) {
      assertInputLengths(module.config, { src: [src], tgtIn: [tgtIn] });
      return model.logits(src, tgtIn);
    },
  };
}

async function interpModel(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
): Promise<BackendModel> {
  const [{ InterpModel }, { makeTensor }, { interpStepModel }] = await Promise.all([
    import("../backends/interp/index.js"),
    import("../reference/index.js"),
    import("../decode/index.js"),
  ]);
  const tensors = new Map<string, Tensor>();
  for (const [k, v] of weights)
    tensors.set(k, makeTensor("float32", v.dims, Float32Array.from(v.data)));
  const model = new InterpModel(module, tensors);
  return {
    label: "the interpreter",
    greedy: async (src, maxLength) => model.greedy([src], maxLength)[0]!,
    logits: async (src, tgtIn) => model.decode(model.encode([src]), [tgtIn]),
    step: interpStepModel(model) as StepModel<unknown>,
    dispose: () => {},
  };
}

async function tfjsModel(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  backend: TfBackend,
): Promise<BackendModel> {
  const { createTfjsModel, tfjsStepModel } = await import("../runtime/index.js");
  const model = await createTfjsModel(module, weights, { backend });
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
    step: tfjsStepModel(model) as StepModel<unknown>,
    dispose: () => model.dispose(),
  };
}

/** Exactly what `compile --target onnx` writes, exported in memory and run by onnxruntime-node. */
async function ortModel(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
): Promise<BackendModel> {
  const [{ createOrtModel, ortStepModel }, { greedy }] = await Promise.all([
    import("./ort/index.js"),
    import("../decode/index.js"),
  ]);
  const model = await createOrtModel(module, weights);
  const step = ortStepModel(model) as StepModel<unknown>;
  return {
    label: "ONNX Runtime (cpu)",
    greedy: async (src, maxLength) => (await greedy(step, [src], { maxLength }))[0]!.tokens,
    async logits(src, tgtIn): Promise<Tensor> {
      const logits = await model.decode(await model.encode([src]), [tgtIn]);
      return { dtype: "float32", dims: logits.dims, data: logits.data };
    },
    step,
    dispose: () => void model.dispose(),
  };
}
