/**
 * The s2sc side of a peer comparison: a spec compiled to a TfjsModel and trained exactly
 * as `s2sc train` trains (src/train/loop.ts: TfjsModel.gradients, then the project's
 * Adam with clipping, src/train/optimizer.ts), wrapped in the same Peer interface as
 * the hand-written models so the groups time both sides with one piece of code.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type * as tf from "@tensorflow/tfjs";
import { initWeights } from "../../src/backends/interp/weights.js";
import type { TfBackend } from "../../src/backends/tfjs/index.js";
import { createTfjsModel, type TfjsModel } from "../../src/runtime/index.js";
import type { CheckedModel } from "../../src/check/model.js";
import { selectModel } from "../../src/cli/select-model.js";
import type { StepModel } from "../../src/decode/step-model.js";
import { tfjsStepModel } from "../../src/runtime/step-model.js";
import { elaborate } from "../../src/elaborate/index.js";
import { paramCounts } from "../../src/ir/cost.js";
import type { IrModule } from "../../src/ir/types.js";
import { runPipeline } from "../../src/passes/manager.js";
import { passesForLevel, type OptLevel } from "../../src/passes/registry.js";
import { diskHost } from "../../src/node/disk-host.js";
import { Optimizer } from "../../src/train/optimizer.js";
import { settingsFromSpec, type TrainSettings } from "../../src/train/settings.js";
import { greedyFixed } from "../harness/models.js";
import type { IdBatch, Peer } from "./batch.js";

/** The repository root (bench/peers/../..), so specs resolve from any working directory. */
export const ROOT = resolve(import.meta.dirname, "../..");

export interface CompiledSpec {
  checked: CheckedModel;
  module: IrModule;
  /** Trainable parameters as `s2sc summary` counts them. */
  params: number;
  /** The spec's `train.batch_size`. */
  trainBatch: number;
}

/** `FILE` (relative to the repository root) → checked model and IR at `level`. */
export function compileSpec(file: string, level: OptLevel = 0): CompiledSpec {
  const sel = selectModel(resolve(ROOT, file), diskHost(ROOT), (p) => existsSync(p));
  if (sel.model === undefined) throw new Error(`${file} does not check`);
  const { module, diagnostics } = elaborate(sel.model);
  if (module === undefined || diagnostics.some((d) => d.severity === "error"))
    throw new Error(`${file} does not elaborate`);
  let m = module;
  if (level > 0) {
    const r = runPipeline(module, passesForLevel(level));
    if ("error" in r) throw new Error(`-O${level} on ${file}: ${r.error}`);
    m = r.module;
  }
  return {
    checked: sel.model,
    module: m,
    params: paramCounts(m).trainable,
    trainBatch: settingsFromSpec(sel.model).batchSize,
  };
}

export class S2scSide implements Peer {
  private readonly optimizer: Optimizer;
  private readonly steps: StepModel<unknown>;
  private step = 0;

  private constructor(
    readonly name: string,
    readonly model: TfjsModel,
    readonly settings: TrainSettings,
    private readonly paramCount: number,
  ) {
    this.optimizer = new Optimizer(settings, model.variables);
    this.steps = tfjsStepModel(model) as StepModel<unknown>;
  }

  /** The spec's model on `backend` with weights drawn from `seed`, trained with the spec's settings. */
  static async create(
    spec: CompiledSpec,
    backend: TfBackend,
    options: { seed?: number; lr?: number; name?: string } = {},
  ): Promise<S2scSide> {
    const model = await createTfjsModel(spec.module, initWeights(spec.module, options.seed ?? 0), {
      backend,
    });
    const settings = settingsFromSpec(spec.checked);
    if (options.lr !== undefined) settings.lr = options.lr;
    return new S2scSide(options.name ?? `s2sc ${spec.module.model}`, model, settings, spec.params);
  }

  countParams(): number {
    return this.paramCount;
  }

  /** One step as src/train/loop.ts takes it (constant learning rate: no schedule here). */
  async trainStep(batch: IdBatch): Promise<number> {
    this.step++;
    this.model.seedDropout(this.step);
    const { loss, grads } = this.model.gradients(batch, {
      training: true,
      labelSmoothing: this.settings.labelSmoothing,
    });
    this.optimizer.apply(grads, this.settings.lr);
    return loss;
  }

  forward(batch: IdBatch): tf.Tensor {
    const { bos } = this.model.module.config.specials;
    const encoded = this.model.encode(batch.src);
    try {
      return this.model.decode(
        encoded,
        batch.tgt.map((t) => [bos, ...t]),
      );
    } finally {
      this.model.disposeEncoded(encoded);
    }
  }

  /**
   * Greedy decoding through decode_step with the recurrent state or key/value cache:
   * the generated module's own greedy, or with `fixed` the benchmarks' fixed-length
   * greedy over the same decode_step (bench/harness/models.ts).
   */
  greedy(src: number[][], maxLength: number, fixed = false): Promise<number[][]> {
    return fixed ? greedyFixed(this.steps, src, maxLength) : this.model.greedy(src, maxLength);
  }

  dispose(): void {
    this.optimizer.dispose();
    this.model.dispose();
  }
}
