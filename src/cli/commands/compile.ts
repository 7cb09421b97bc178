/**
 * `s2sc compile FILE[:MODEL]|RUN_DIR -o DIR`: `--target tfjs` (the default) writes a directory
 * that runs with @tensorflow/tfjs alone (compile-tfjs.ts); `--target onnx` writes the
 * three ONNX models (compile-onnx.ts); `--target ir` writes `DIR/model.ir.json`.
 *
 * The text is validated against the IR schema (and verified) before it is written, and
 * it is written atomically — to a temporary file in DIR, then renamed — so a reader
 * never sees half a file and a failed compile leaves the previous output in place.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  hasCheckpoint,
  IR_FILE,
  irFromJson,
  irToJson,
  readTrainedModel,
} from "../../node/index.js";
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { optimiseForCli, type PassCliOptions } from "../passes-options.js";
import { compileOnnx } from "./compile-onnx.js";
import { compileTfjs } from "./compile-tfjs.js";

export const TARGETS = ["tfjs", "ir", "onnx"] as const;
export type Target = (typeof TARGETS)[number];

export interface CompileOptions extends PassCliOptions {
  target: Target;
  /** The output directory (created when missing). */
  out: string;
  memoryBudget?: number;
  /** Seed of the weights written with the tfjs target (default 0). */
  seed?: number;
}

export function runCompile(io: Io, spec: string, opts: CompileOptions): number {
  const asDir = resolve(io.cwd, spec);
  if (hasCheckpoint(asDir)) return compileCheckpoint(io, asDir, opts);
  const loaded = loadModule(io, spec, { memoryBudgetBytes: opts.memoryBudget });
  if ("exitCode" in loaded) return loaded.exitCode;
  const optimised = optimiseForCli(io, loaded.module, opts, opts.target);
  if ("exitCode" in optimised) return optimised.exitCode;
  if (opts.target === "tfjs") return compileTfjs(io, optimised.module, opts.out, opts.seed ?? 0);
  if (opts.target === "onnx") return compileOnnx(io, optimised.module, opts.out, opts.seed ?? 0);
  const text = irToJson(optimised.module);
  // Reading the text back checks exactly what a later command will load.
  const { errors } = irFromJson(text);
  if (errors.length > 0) {
    io.stderr(
      `s2sc: internal error: the IR JSON does not load back:\n${errors.map((e) => `  ${e}\n`).join("")}`,
    );
    return EXIT.usage;
  }
  const dir = resolve(io.cwd, opts.out);
  const target = join(dir, IR_FILE);
  const temp = join(dir, `.${IR_FILE}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (e) {
    removeQuietly(temp);
    const err = e as NodeJS.ErrnoException;
    io.stderr(
      `s2sc compile: cannot write ${join(opts.out, IR_FILE)}: ${err.code ?? err.message}\n`,
    );
    return EXIT.usage;
  }
  io.stdout(`wrote ${join(opts.out, IR_FILE)}\n`);
  return EXIT.ok;
}

/**
 * `s2sc compile RUN_DIR`: the standalone tfjs (or ONNX) package of a training run, with its
 * trained weights and vocabularies (`vocab.json`). Passes never rename parameters, so
 * the checkpoint's weights fit the optimised module.
 */
function compileCheckpoint(io: Io, dir: string, opts: CompileOptions): number {
  if (opts.target === "ir") {
    io.stderr(
      `s2sc compile: a checkpoint directory compiles to --target tfjs or onnx; its IR is ${join(dir, IR_FILE)}\n`,
    );
    return EXIT.usage;
  }
  const read = readTrainedModel(dir);
  if ("error" in read) {
    io.stderr(`s2sc compile: ${read.error}\n`);
    return EXIT.input;
  }
  const { module, checkpoint: ckpt, specText } = read.trained;
  const optimised = optimiseForCli(io, module, opts, opts.target);
  if ("exitCode" in optimised) return optimised.exitCode;
  const vocab = {
    tokenizer: ckpt.tokenizer,
    source: ckpt.srcVocab.toJson(),
    target: ckpt.tgtVocab.toJson(),
  };
  const trained = {
    weights: ckpt.weights,
    step: ckpt.step,
    ...(specText === undefined ? {} : { specText }),
    extra: new Map([["vocab.json", JSON.stringify(vocab, null, 2) + "\n"]]),
  };
  return opts.target === "onnx"
    ? compileOnnx(io, optimised.module, opts.out, 0, trained)
    : compileTfjs(io, optimised.module, opts.out, 0, trained);
}

/** Best-effort cleanup of a temporary file; the original error is what gets reported. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The directory may not exist at all (that is often the error being reported).
  }
}
