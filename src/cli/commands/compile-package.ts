/**
 * What `compile --target tfjs` and `--target onnx` share: weights drawn from `--seed` as
 * the interpreter draws them (so `run --backend interp --seed N` describes the same
 * model) or a checkpoint's trained weights and vocabularies, the spec's text for the
 * description, the atomic write, and how failures are reported: a backend that cannot
 * translate a verified module is an internal error; a refused or unwritable directory
 * is the user's.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { initWeights, type IrModule, type WeightData } from "../../node/index.js";
import { EXIT, type Io } from "../io.js";

/** Trained weights and what travels with them, for compiling a checkpoint directory. */
export interface TrainedWeights {
  weights: ReadonlyMap<string, WeightData>;
  step: number;
  /** The spec's text as the checkpoint recorded it (else read from the spec's file). */
  specText?: string;
  /** Extra files for the package, e.g. `vocab.json`. */
  extra: ReadonlyMap<string, string>;
}

type Origin = { kind: "seed"; seed: number } | { kind: "trained"; step: number };

export interface PackageTarget {
  /** Writes the package into `dir` (absolute) atomically; returns the file names. */
  write(
    dir: string,
    module: IrModule,
    weights: ReadonlyMap<string, WeightData>,
    spec: { file: string; text?: string },
    origin: Origin,
    extra?: ReadonlyMap<string, string>,
  ): string[];
  /** The internal-error message for `e` when the backend failed to translate the module. */
  internal(e: unknown, module: IrModule): string | undefined;
  /** Whether `e` is the writer's own refusal (its message is shown as is). */
  refused(e: unknown): boolean;
}

function specText(io: Io, file: string): string | undefined {
  try {
    return readFileSync(resolve(io.cwd, file), "utf8");
  } catch {
    return undefined; // the description then names the file without its hash
  }
}

export function compilePackage(
  io: Io,
  target: PackageTarget,
  module: IrModule,
  out: string,
  seed: number,
  trained?: TrainedWeights,
): number {
  const dir = resolve(io.cwd, out);
  const text = trained?.specText ?? specText(io, module.file);
  const spec = text === undefined ? { file: module.file } : { file: module.file, text };
  let files: string[];
  try {
    files =
      trained === undefined
        ? target.write(dir, module, initWeights(module, seed), spec, { kind: "seed", seed })
        : target.write(
            dir,
            module,
            trained.weights,
            spec,
            { kind: "trained", step: trained.step },
            trained.extra,
          );
  } catch (e) {
    const internal = target.internal(e, module);
    if (internal !== undefined) {
      io.stderr(`s2sc: internal error: ${internal}\nplease report it\n`);
      return EXIT.usage;
    }
    const err = e as NodeJS.ErrnoException;
    const why = target.refused(e) ? err.message : `cannot write ${out}: ${err.code ?? err.message}`;
    io.stderr(`s2sc compile: ${why}\n`);
    return EXIT.usage;
  }
  io.stdout(`wrote ${files.map((f) => join(out, f)).join(", ")}\n`);
  return EXIT.ok;
}
