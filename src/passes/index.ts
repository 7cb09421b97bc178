/**
 * The optimisation passes: named graph rewrites over IR modules, an ordered registry,
 * `-O` levels and the pass manager. See docs/passes.md.
 *
 * **Invariant:** every pass preserves what the module computes (test/passes compares the
 * interpreter's outputs before and after, for every spec × pass) and leaves a module
 * that verifies; parameters, graph inputs and graph outputs keep their names.
 */
export type { Pass } from "./pass.js";
export {
  PASSES,
  OPT_LEVELS,
  DEFAULT_OPT_LEVEL,
  passByName,
  passesForLevel,
  type OptLevel,
} from "./registry.js";
export {
  formatPipeline,
  opCounts,
  parsePipeline,
  runPipeline,
  type ParsedPipeline,
  type PassRecord,
  type PipelineResult,
  type RunOptions,
} from "./manager.js";
export * from "./graph.js";
