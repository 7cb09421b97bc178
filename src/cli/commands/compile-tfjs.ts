/**
 * `s2sc compile --target tfjs -o DIR`: the generated ES module, model.json and the
 * weights (drawn from `--seed` by the interpreter's initialisers, so `run --backend
 * interp --seed N` describes the same model), or a checkpoint's trained weights and
 * vocabularies, written atomically into DIR.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { initWeights } from "../../backends/interp/weights.js";
import { LoweringError } from "../../backends/tfjs/codegen/graph.js";
import { PackageError, writeTfjsPackage } from "../../backends/tfjs/package/write.js";
import type { IrModule } from "../../ir/types.js";
import type { WeightData } from "../../backends/tfjs/runtime/model.js";
import { EXIT, type Io } from "../io.js";

function specText(io: Io, file: string): string | undefined {
  try {
    return readFileSync(resolve(io.cwd, file), "utf8");
  } catch {
    return undefined;
  }
}

/** Trained weights and what travels with them, for compiling a checkpoint directory. */
export interface TrainedWeights {
  weights: ReadonlyMap<string, WeightData>;
  step: number;
  /** The spec's text as the checkpoint recorded it. */
  specText: string;
  /** Extra files for the package, e.g. `vocab.json`. */
  extra: ReadonlyMap<string, string>;
}

export function compileTfjs(
  io: Io,
  module: IrModule,
  out: string,
  seed: number,
  trained?: TrainedWeights,
): number {
  const dir = resolve(io.cwd, out);
  const text = trained?.specText ?? specText(io, module.file);
  let files: string[];
  try {
    const spec = text === undefined ? { file: module.file } : { file: module.file, text };
    files =
      trained === undefined
        ? writeTfjsPackage(dir, module, initWeights(module, seed), spec, { kind: "seed", seed })
        : writeTfjsPackage(
            dir,
            module,
            trained.weights,
            spec,
            { kind: "trained", step: trained.step },
            trained.extra,
          );
  } catch (e) {
    if (e instanceof LoweringError) {
      io.stderr(
        `s2sc: internal error: cannot lower model \`${module.model}\` to tfjs: ${e.message}\nplease report it\n`,
      );
      return EXIT.usage;
    }
    const err = e as NodeJS.ErrnoException;
    const why =
      e instanceof PackageError ? err.message : `cannot write ${out}: ${err.code ?? err.message}`;
    io.stderr(`s2sc compile: ${why}\n`);
    return EXIT.usage;
  }
  io.stdout(`wrote ${files.map((f) => join(out, f)).join(", ")}\n`);
  return EXIT.ok;
}
