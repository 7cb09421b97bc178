/**
 * THE ordered list of passes, like tinygrad's list of named graph rewrites: a pipeline
 * is a sub-sequence of it in any order the user names, and the `-O` levels are its
 * prefixes by level. Clean-ups first (so fusions see canonical graphs), fusions next,
 * dce last (it removes what the others left unread).
 */
import { cse } from "./cse.js";
import { dce } from "./dce.js";
import { foldConstants } from "./fold-constants.js";
import { fuseAddNorm } from "./fuse-add-norm.js";
import { fuseMatMulBias } from "./fuse-matmul-bias.js";
import { mergeProjections } from "./merge-projections.js";
import type { Pass } from "./pass.js";
import { simplifyShapes } from "./simplify-shapes.js";

export const PASSES: readonly Pass[] = [
  foldConstants,
  simplifyShapes,
  cse,
  fuseMatMulBias,
  mergeProjections,
  fuseAddNorm,
  dce,
];

export const OPT_LEVELS = [0, 1, 2] as const;
export type OptLevel = (typeof OPT_LEVELS)[number];

/** The default level of `compile` and `run`. */
export const DEFAULT_OPT_LEVEL: OptLevel = 2;

export function passByName(name: string): Pass | undefined {
  return PASSES.find((p) => p.name === name);
}

/**
 * -O0: nothing; -O1: the clean-ups; -O2: everything — on `target`, less the passes
 * measured to be unprofitable there.
 */
export function passesForLevel(level: OptLevel, target?: string): Pass[] {
  return PASSES.filter(
    (p) =>
      p.level <= level &&
      level > 0 &&
      (target === undefined || !(p.unprofitableOn?.targets.includes(target) ?? false)),
  );
}
