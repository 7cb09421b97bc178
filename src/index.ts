/**
 * s2sc as a library (`import … from "s2sc"`): one function per stage, over a
 * `SourceHost` (`memoryHost` here, the disk in `"s2sc/node"`). Every function returns
 * data and diagnostics; none prints, exits or throws for a spec with problems.
 *
 *     const { module, diagnostics } = loadText(text);     // check + elaborate + verify
 *     const { files } = compile(module!, { target: "tfjs" });
 *
 * Everything reachable from here runs in a browser: no Node builtins (the bundle test,
 * test/api/browser-bundle.test.ts, keeps it so). See docs/api.md.
 */

// ---- sources and diagnostics --------------------------------------------------------
export type { SourceHost, ReadResult } from "./source/host.js";
export { memoryHost } from "./api/memory-host.js";
export type { Diagnostic, Severity, Related } from "./diagnostics/diagnostic.js";
export { sortDiagnostics } from "./diagnostics/diagnostic.js";
export type { SourceRange, Position } from "./diagnostics/range.js";
export { CODES, type Code } from "./diagnostics/codes.js";
export {
  renderDiagnostic,
  summaryLine,
  toJson,
  type JsonDiagnostic,
} from "./diagnostics/render.js";

// ---- parse, check, load --------------------------------------------------------------
export { parse, tokenize, type ParseResult, type Token } from "./parser/index.js";
export type * as Ast from "./parser/ast.js";
export type { FileNode } from "./parser/ast.js";
export { checkFiles, type CheckFilesOptions, type CheckFilesResult } from "./api/check.js";
export { checkText } from "./api/check-text.js";
export type { CheckedModel, ResolvedSection, ResolvedSetting, Value } from "./check/model.js";
export {
  loadModel,
  loadText,
  type LoadOptions,
  type LoadResult,
  type LoadTextOptions,
} from "./api/load.js";
export { parseModelSpec, type ModelSpec } from "./api/select-model.js";

// ---- elaborate, IR, passes -----------------------------------------------------------
export {
  elaborate,
  DEFAULT_MEMORY_BUDGET,
  type ElaborateOptions,
  type ElaborateResult,
} from "./elaborate/index.js";
export type { IrModule, Graph, Parameter, EntryPoint, ModelConfig, Dim } from "./ir/types.js";
export { verifyModule } from "./ir/verify.js";
export { irToJson, irFromJson } from "./ir/json.js";
export { optimize, type OptimizeResult, type PipelineOptions } from "./api/optimize.js";
export { PASSES, OPT_LEVELS, type OptLevel, type PassRecord } from "./passes/index.js";

// ---- reports: summary, diff, graph, format -------------------------------------------
export { summarize, DEFAULT_REFERENCE_LENGTH, type SummaryOptions } from "./api/summary.js";
export type { SummaryData, LayerRow, SectionCost } from "./summary/data.js";
export {
  diff,
  renderDiffText,
  renderDiffMarkdown,
  canonical,
  type DiffOptions,
  type DiffResult,
} from "./api/diff.js";
export type { ModelDiff, DiffInput } from "./diff/index.js";
export { graph, type GraphOptions, type GraphResult } from "./api/graph.js";
export { FORMATS as GRAPH_FORMATS, LEVELS as GRAPH_LEVELS } from "./graph/index.js";
export { format, type FormatOptions, type FormatResult } from "./api/format.js";

// ---- compile and run -------------------------------------------------------------------
export {
  compile,
  COMPILE_TARGETS,
  IR_FILE,
  type CompileOptions,
  type CompileResult,
  type CompileTarget,
} from "./api/compile.js";
export {
  createRuntime,
  TfjsRuntime,
  type BeamOptions,
  type RuntimeOptions,
  type RuntimeResult,
  type SearchOptions,
  type TrainStepOptions,
} from "./api/runtime.js";
export { initWeights } from "./backends/interp/weights.js";
export type { Batch, Encoded, Tensors, TfBackend, WeightData } from "./backends/tfjs/index.js";
export type { Hypothesis } from "./decode/search.js";
