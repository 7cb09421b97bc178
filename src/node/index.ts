/**
 * s2sc for Node (`import … from "s2sc/node"`): everything of the core entry (`"s2sc"`)
 * plus what needs a disk or native code: the disk `SourceHost`, loading and checking
 * files, writing compiled packages and checkpoints atomically, and ONNX Runtime (an
 * optional peer dependency, loaded on first use). The CLI is a shell over these two
 * entries. See docs/api.md.
 */
import {
  checkFiles,
  type CheckFilesOptions,
  type CheckFilesResult,
  createRuntime as createCoreRuntime,
  loadModel,
  type LoadOptions,
  type LoadResult,
  type RuntimeOptions,
  type RuntimeResult,
} from "../api/index.js";
import type { IrModule } from "../ir/index.js";
import { diskHost } from "./disk-host.js";
import { diskIsFile } from "./disk-is-file.js";
import { wasmDirectory } from "./tfjs-backend.js";
import { writeDirectoryAtomically } from "./write-dir.js";

export * from "../api/index.js";

// ---- sources on disk -----------------------------------------------------------------
export { diskHost, readSourceFile, MAX_SOURCE_BYTES } from "./disk-host.js";
export { readStdinText, MAX_STDIN_BYTES } from "./stdin-text.js";
export { diskIsFile } from "./disk-is-file.js";

export interface DiskOptions {
  /** The directory relative paths start from, and diagnostics are shown relative to (default: `process.cwd()`). */
  cwd?: string;
}

/** `loadModel` over the disk: `spec` is `FILE` or `FILE:MODEL`. */
export function loadFile(
  spec: string,
  options: Omit<LoadOptions, "isFile"> & DiskOptions = {},
): LoadResult {
  const cwd = options.cwd ?? process.cwd();
  return loadModel(diskHost(cwd), spec, {
    memoryBudgetBytes: options.memoryBudgetBytes,
    isFile: diskIsFile(cwd),
  });
}

/** The whole check (`checkFiles`) of files on disk. */
export function checkFile(
  paths: string | readonly string[],
  options: CheckFilesOptions & DiskOptions = {},
): CheckFilesResult {
  const { cwd, ...check } = options;
  return checkFiles(diskHost(cwd), typeof paths === "string" ? [paths] : paths, check);
}

// ---- writing ---------------------------------------------------------------------------
/**
 * Writes `compile`'s files as the directory `dir` (absolute) atomically: a reader sees
 * the old directory or the new one, never half of one. Throws on an I/O error.
 */
export function writeFiles(dir: string, files: ReadonlyMap<string, string | Uint8Array>): string[] {
  return writeDirectoryAtomically(dir, files);
}
export { writeTfjsPackage } from "./tfjs-package.js";
export { PackageError } from "../backends/tfjs/index.js";
export { writeOnnxPackage, readDescription as readOnnxDescription } from "./onnx-package.js";
export { OnnxPackageError } from "../backends/onnx/index.js";
export { writeFileAtomic, type AtomicWriteOptions } from "./atomic.js";

// ---- running on tfjs ---------------------------------------------------------------------
/**
 * The core's `createRuntime`, on the `wasm` backend by default (many times faster than
 * `cpu` at matmul), with its .wasm files found in the installed package.
 */
export function createRuntime(
  module: IrModule,
  options: RuntimeOptions = {},
): Promise<RuntimeResult> {
  const backend = options.backend ?? "wasm";
  const wasmPaths = options.wasmPaths ?? (backend === "wasm" ? wasmDirectory() : undefined);
  return createCoreRuntime(module, {
    ...options,
    backend,
    ...(wasmPaths === undefined ? {} : { wasmPaths }),
  });
}
export { useTfBackendNode, wasmDirectory } from "./tfjs-backend.js";

// ---- checkpoints and training runs ------------------------------------------------------
export { openTrainRun, type TrainRun, type TrainRunRequest } from "./train-run.js";
export { readTsv, fileDataset, type FileDataOptions } from "./tsv-file.js";
export {
  CHECKPOINT_FILE,
  SPEC_FILE,
  CheckpointError,
  checkpointJson,
  hasCheckpoint,
  loadCheckpoint,
  loadCheckpointModule,
  saveCheckpoint,
  weightsMismatch,
  writeStatic,
  type AdamState,
  type Checkpoint,
  type SpecRecord,
  type StoredTensor,
} from "./checkpoint.js";

// ---- ONNX Runtime (optional peer dependency) ---------------------------------------------
export {
  createOrtModel,
  loadOrtModel,
  loadOrt,
  ortStepModel,
  OrtModel,
  OrtUnavailableError,
  type OrtEncoded,
  type OrtModelOptions,
  type OrtState,
  type OrtTensors,
} from "./ort/index.js";

// ---- models from directories, on any backend ---------------------------------------------
/** An IR directory (`model.ir.json`) and a training run's checkpoint directory, as data. */
export {
  readIrDirectory,
  readTrainedModel,
  type IrDirectory,
  type TrainedModel,
} from "./model-dir.js";
/** One model on the interpreter, tfjs or ONNX Runtime: forward pass, greedy, decode_step. */
export {
  openBackendModel,
  RUN_BACKENDS,
  type BackendModel,
  type BackendModelOptions,
  type RunBackend,
} from "./backend-model.js";
/** Lines of text translated with a trained model and its vocabularies. */
export {
  encodeLine,
  targetText,
  translateLines,
  unknownTokensMessage,
  type EncodedLine,
  type TranslateOptions,
  type Translation,
} from "./translate.js";
/** `format` over a file, under its prettier configuration. */
export { formatFile, type FormatFileResult } from "./format-file.js";

// ---- experiments (docs/experiments-format.md) -------------------------------------------
/** Experiment files: loading and validating them, training their models, plots and the report. */
export { ExperimentError, loadExperiment, type Experiment } from "./experiment/load.js";
export { PLOTS, renderSvg } from "./experiment/plot.js";
export { runAll, WorkerError } from "./experiment/pool.js";
export { report, withWordsOf, type PlotPaths, type RunContext } from "./experiment/report.js";
export type { ExperimentResult } from "./experiment/result.js";
export {
  checkModel,
  DEFAULT_BUCKET_PAIRS,
  DEFAULT_EVAL_SIZE,
  DEFAULT_THRESHOLD,
  experimentSettings,
  ModelLoadError,
  runModel,
  type ModelProblem,
} from "./experiment/run.js";
