/**
 * What `s2sc run` runs, and on which source: a spec (weights drawn from `--seed`), an IR
 * directory (the same), or a training run's checkpoint directory, which brings its
 * trained weights and its tokenizer and vocabularies, so that `--input TEXT` reads text
 * as `translate` does and the report shows tokens as text.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import {
  encodeLine,
  hasCheckpoint,
  readIrDirectory,
  readTrainedModel,
  targetText,
  unknownTokensMessage,
  type Checkpoint,
  type IrModule,
} from "../../node/index.js";
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";

/** A checkpoint directory's contribution: weights, tokenizer and vocabularies. */
export interface RunCheckpoint {
  /** The directory as the user wrote it (for the report). */
  dir: string;
  checkpoint: Checkpoint;
}

export interface RunSubject {
  module: IrModule;
  /** Present for a checkpoint directory; otherwise weights come from the seed. */
  trained?: RunCheckpoint;
}

/** Loads `FILE[:MODEL]`, an IR directory or a checkpoint directory, reporting problems. */
export function loadRunSubject(
  io: Io,
  spec: string,
  memoryBudget: number | undefined,
): RunSubject | { exitCode: number } {
  const dir = resolve(io.cwd, spec);
  if (!isDirectory(dir)) return loadModule(io, spec, { memoryBudgetBytes: memoryBudget });
  if (!hasCheckpoint(dir)) return loadIrDir(io, dir);
  const read = readTrainedModel(dir);
  if ("error" in read) {
    io.stderr(
      `s2sc: ${read.damaged ? `${spec}: ${read.error} (a damaged checkpoint)` : read.error}\n`,
    );
    return { exitCode: read.damaged ? EXIT.input : EXIT.usage };
  }
  return {
    module: read.trained.module,
    trained: { dir: spec, checkpoint: read.trained.checkpoint },
  };
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function loadIrDir(io: Io, dir: string): RunSubject | { exitCode: number } {
  const read = readIrDirectory(dir);
  if (read.module !== undefined) return { module: read.module };
  if (!read.readable) {
    io.stderr(
      `s2sc: ${dir} is a directory without model.ir.json (write one with \`s2sc compile --target ir\`) or checkpoint.json (from \`s2sc train\`)\n`,
    );
    return { exitCode: EXIT.usage };
  }
  io.stderr(
    `s2sc: ${read.path} is not valid s2s IR:\n${read.errors
      .slice(0, 10)
      .map((e) => `  ${e}\n`)
      .join("")}`,
  );
  return { exitCode: EXIT.input };
}

/**
 * `--input TEXT` as source ids through the checkpoint's tokenizer and source vocabulary.
 * Tokens it does not know are read as <unk> with a warning; a spec or IR directory has
 * no tokenizer, so text is a usage error there.
 */
export function inputIds(
  io: Io,
  input: string,
  subject: RunSubject,
): { ids: number[] } | { exitCode: number } {
  if (subject.trained === undefined) {
    io.stderr(
      "s2sc: --input needs a checkpoint directory (`s2sc train --out DIR`), whose tokenizer reads text; give token ids with --src\n",
    );
    return { exitCode: EXIT.usage };
  }
  const e = encodeLine(subject.trained.checkpoint, input, subject.module.config.maxLength);
  if (e.error !== undefined) {
    io.stderr(`s2sc: --input: ${e.error}\n`);
    return { exitCode: EXIT.usage };
  }
  if (e.ids.length === 0) {
    io.stderr("s2sc: --input: give at least one token\n");
    return { exitCode: EXIT.usage };
  }
  if (e.unknown.length > 0) io.stderr(`s2sc: --input: ${unknownTokensMessage(e.unknown)}\n`);
  return { ids: e.ids };
}

/** Target ids as text through the checkpoint's target vocabulary (specials dropped). */
export function idsAsText(trained: RunCheckpoint, ids: readonly number[]): string {
  return targetText(trained.checkpoint, ids);
}
