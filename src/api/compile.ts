/**
 * Compiling to a target in memory: the files `s2sc compile -o DIR` would write, as a map
 * of file name → contents (text, or bytes for weights and ONNX models). Nothing touches a
 * disk, so a web page can zip the map or hand it to a download; the node entry writes it.
 *
 * - `tfjs`: model.js (imports only @tensorflow/tfjs), model.json, the weights manifest
 *   and shards, package.json;
 * - `onnx`: encoder.onnx, decoder.onnx, decoder_step.onnx and model.json;
 * - `ir`: model.ir.json, the module as JSON (schema/ir.schema.json).
 */
import { initWeights } from "../backends/interp/index.js";
import type { WeightData } from "../backends/tfjs/index.js";
import { irToJson } from "../ir/index.js";
import type { IrModule } from "../ir/index.js";
import { optimize, type PipelineOptions } from "./optimize.js";
import { weightsProblem } from "./weights.js";

export const COMPILE_TARGETS = ["tfjs", "onnx", "ir"] as const;
export type CompileTarget = (typeof COMPILE_TARGETS)[number];

/** The file `--target ir` writes. */
export const IR_FILE = "model.ir.json";

export interface CompileOptions {
  /** What to compile to (default `tfjs`). */
  target?: CompileTarget;
  /** The pass pipeline run first (default `-O2` for the target); `{ level: 0 }` runs none. */
  pipeline?: PipelineOptions;
  /** Seed of the weights drawn as the interpreter draws them (default 0). Ignored with `weights`. */
  seed?: number;
  /** Trained weights by parameter name (e.g. from a checkpoint); they fit the optimised module. */
  weights?: ReadonlyMap<string, WeightData>;
  /** The training step the weights come from, recorded in model.json with `weights`. */
  step?: number;
  /** The spec's text, recorded in model.json as a hash. */
  specText?: string;
  /** Extra files that travel with the package (e.g. `vocab.json`). */
  extra?: ReadonlyMap<string, string>;
}

export interface CompileResult {
  /** The files by name; empty when `error` is set. */
  files: Map<string, string | Uint8Array>;
  /** The module after the pipeline, as compiled. */
  module?: IrModule;
  /**
   * A bad pipeline or target, weights that do not fit, or a backend that cannot translate
   * the module (a bug in s2sc).
   */
  error?: string;
}

/**
 * Compiles a verified IR module (from `loadModel`) to `options.target`, in memory.
 * Asynchronous because each backend loads on first use (tfjs is large).
 */
export async function compile(
  module: IrModule,
  options: CompileOptions = {},
): Promise<CompileResult> {
  const target = options.target ?? "tfjs";
  if (!COMPILE_TARGETS.includes(target))
    return {
      files: new Map(),
      error: `unknown target \`${String(target)}\`; the targets are ${COMPILE_TARGETS.join(", ")}`,
    };
  const optimised = optimize(module, { target, ...options.pipeline });
  if (optimised.module === undefined) return { files: new Map(), error: optimised.error ?? "" };
  const m = optimised.module;
  // Passes never rename parameters, so weights of the module as loaded fit the optimised one.
  const unfit = options.weights === undefined ? undefined : weightsProblem(m, options.weights);
  if (unfit !== undefined) return { files: new Map(), error: unfit };
  try {
    return { files: await filesFor(target, m, options), module: m };
  } catch (e) {
    const why = e instanceof Error ? e.message : String(e);
    return {
      files: new Map(),
      module: m,
      error: `internal error: cannot compile \`${m.model}\` to ${target}: ${why}`,
    };
  }
}

async function filesFor(
  target: CompileTarget,
  m: IrModule,
  options: CompileOptions,
): Promise<Map<string, string | Uint8Array>> {
  if (target === "ir") return new Map([[IR_FILE, irToJson(m)]]);
  const spec =
    options.specText === undefined ? { file: m.file } : { file: m.file, text: options.specText };
  const seed = options.seed ?? 0;
  const weights = options.weights ?? initWeights(m, seed);
  const origin =
    options.weights === undefined
      ? { kind: "seed" as const, seed }
      : { kind: "trained" as const, ...(options.step === undefined ? {} : { step: options.step }) };
  const extra = options.extra ?? new Map<string, string>();
  if (target === "tfjs") {
    const { packageFiles } = await import("../backends/tfjs/index.js");
    return packageFiles(m, weights, spec, origin, extra);
  }
  const { onnxPackageFiles } = await import("../backends/onnx/index.js");
  return onnxPackageFiles(m, weights, spec, origin, extra);
}
