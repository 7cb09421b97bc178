/**
 * `s2sc compile --target tfjs -o DIR`: the generated ES module, model.json and the
 * weights (drawn from `--seed` by the interpreter's initialisers, so `run --backend
 * interp --seed N` describes the same model) written atomically into DIR.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { initWeights } from "../../backends/interp/weights.js";
import { LoweringError } from "../../backends/tfjs/codegen/graph.js";
import { PackageError, writeTfjsPackage } from "../../backends/tfjs/package/write.js";
import type { IrModule } from "../../ir/types.js";
import { EXIT, type Io } from "../io.js";

function specText(io: Io, file: string): string | undefined {
  try {
    return readFileSync(resolve(io.cwd, file), "utf8");
  } catch {
    return undefined;
  }
}

export function compileTfjs(io: Io, module: IrModule, out: string, seed: number): number {
  const dir = resolve(io.cwd, out);
  const text = specText(io, module.file);
  let files: string[];
  try {
    const spec = text === undefined ? { file: module.file } : { file: module.file, text };
    files = writeTfjsPackage(dir, module, initWeights(module, seed), spec, { kind: "seed", seed });
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
