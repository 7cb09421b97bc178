/**
 * `s2sc compile --target tfjs -o DIR`: the generated ES module, model.json and the
 * weights (seeded or trained; see compile-package.ts), written atomically into DIR.
 */
import { LoweringError, PackageError, writeTfjsPackage, type IrModule } from "../../node/index.js";
import type { Io } from "../io.js";
import { compilePackage, type PackageTarget, type TrainedWeights } from "./compile-package.js";

export type { TrainedWeights } from "./compile-package.js";

const TFJS: PackageTarget = {
  write: writeTfjsPackage,
  internal: (e, m) =>
    e instanceof LoweringError
      ? `cannot lower model \`${m.model}\` to tfjs: ${e.message}`
      : undefined,
  refused: (e) => e instanceof PackageError,
};

export function compileTfjs(
  io: Io,
  module: IrModule,
  out: string,
  seed: number,
  trained?: TrainedWeights,
): number {
  return compilePackage(io, TFJS, module, out, seed, trained);
}
