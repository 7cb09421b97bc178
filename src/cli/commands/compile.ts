/**
 * `s2sc compile FILE[:MODEL] -o DIR`: `--target tfjs` (the default) writes a directory
 * that runs with @tensorflow/tfjs alone (compile-tfjs.ts); `--target ir` writes
 * `DIR/model.ir.json`.
 *
 * The text is validated against the IR schema (and verified) before it is written, and
 * it is written atomically — to a temporary file in DIR, then renamed — so a reader
 * never sees half a file and a failed compile leaves the previous output in place.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { irFromJson, irToJson } from "../../ir/json.js";
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { optimiseForCli, type PassCliOptions } from "../../passes/cli.js";
import { compileTfjs } from "./compile-tfjs.js";

export const TARGETS = ["tfjs", "ir"] as const;
export type Target = (typeof TARGETS)[number];

export interface CompileOptions extends PassCliOptions {
  target: Target;
  /** The output directory (created when missing). */
  out: string;
  memoryBudget?: number;
  /** Seed of the weights written with the tfjs target (default 0). */
  seed?: number;
}

export const IR_FILE = "model.ir.json";

export function runCompile(io: Io, spec: string, opts: CompileOptions): number {
  const loaded = loadModule(
    io,
    spec,
    opts.memoryBudget === undefined ? {} : { memoryBudgetBytes: opts.memoryBudget },
  );
  if ("exitCode" in loaded) return loaded.exitCode;
  const optimised = optimiseForCli(io, loaded.module, opts);
  if ("exitCode" in optimised) return optimised.exitCode;
  if (opts.target === "tfjs") return compileTfjs(io, optimised.module, opts.out, opts.seed ?? 0);
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

/** Best-effort cleanup of a temporary file; the original error is what gets reported. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // The directory may not exist at all (that is often the error being reported).
  }
}
