/**
 * The public surface of the core entry (`"s2sc"`, src/index.ts): the functions of this
 * folder, one per stage a user calls, and the types of the stages below that they take
 * and return. src/node/index.ts adds the node layer to the same surface.
 */

// ---- sources and diagnostics --------------------------------------------------------
export type { SourceHost, ReadResult } from "../source/index.js";
export { memoryHost } from "./memory-host.js";
export type { Diagnostic, Severity, Related } from "../diagnostics/index.js";
export { sortDiagnostics } from "../diagnostics/index.js";
export type { SourceRange, Position } from "../diagnostics/index.js";
export { CODES, type Code } from "../diagnostics/index.js";
export {
  renderDiagnostic,
  summaryLine,
  toJson,
  type JsonDiagnostic,
} from "../diagnostics/index.js";

// ---- parse, check, load --------------------------------------------------------------
export { parse, tokenize, type ParseResult, type Token } from "../parser/index.js";
/** The AST of a file, as `parse` returns it (every node has its `range`). */
export type {
  NodeBase,
  Ident,
  Comment,
  FileNode,
  TopLevel,
  ImportDecl,
  LetDecl,
  ModelDecl,
  Param,
  ModelRef,
  Arg,
  Body,
  Member,
  Setting,
  Section,
  Stack,
  Expr,
  NumberLit,
  StringLit,
  BoolLit,
  NameRef,
  Call,
  BinaryOp,
  Binary,
  Unary,
  ListExpr,
  ParenExpr,
  ErrorExpr,
} from "../parser/index.js";
export { checkFiles, type CheckFilesOptions, type CheckFilesResult } from "./check.js";
export { checkText } from "./check-text.js";
export type { CheckedModel, ResolvedSection, ResolvedSetting, Value } from "../check/index.js";
export {
  loadModel,
  loadText,
  type LoadOptions,
  type LoadResult,
  type LoadTextOptions,
} from "./load.js";
export {
  parseModelSpec,
  pickModel,
  selectModel,
  type ModelSpec,
  type Selection,
} from "./select-model.js";

// ---- elaborate, IR, passes -----------------------------------------------------------
export {
  elaborate,
  DEFAULT_MEMORY_BUDGET,
  type ElaborateOptions,
  type ElaborateResult,
} from "../elaborate/index.js";
export type { IrModule, Graph, Parameter, EntryPoint, ModelConfig, Dim } from "../ir/index.js";
export { verifyModule } from "../ir/index.js";
export { irToJson, irFromJson } from "../ir/index.js";
export { optimize, type OptimizeResult, type PipelineOptions } from "./optimize.js";
export { PASSES, OPT_LEVELS, type OptLevel, type PassRecord } from "../passes/index.js";

// ---- reports: summary, diff, graph, format -------------------------------------------
export { summarize, DEFAULT_REFERENCE_LENGTH, type SummaryOptions } from "./summary.js";
export type { SummaryData, LayerRow, SectionCost } from "../summary/index.js";
export {
  diff,
  renderDiffText,
  renderDiffMarkdown,
  canonical,
  type DiffOptions,
  type DiffResult,
} from "./diff.js";
export type { ModelDiff, DiffInput } from "../diff/index.js";
export { graph, type GraphOptions, type GraphResult } from "./graph.js";
export { FORMATS as GRAPH_FORMATS, LEVELS as GRAPH_LEVELS } from "../graph/index.js";
export { format, type FormatOptions, type FormatResult } from "./format.js";

// ---- compile and run -------------------------------------------------------------------
export {
  compile,
  COMPILE_TARGETS,
  IR_FILE,
  type CompileOptions,
  type CompileResult,
  type CompileTarget,
} from "./compile.js";
export {
  createRuntime,
  TfjsRuntime,
  type BeamOptions,
  type RuntimeOptions,
  type RuntimeResult,
  type SearchOptions,
  type TrainStepOptions,
} from "./runtime.js";
export { initWeights } from "../backends/interp/index.js";
export type { TfBackend, WeightData } from "../backends/tfjs/index.js";
export type { Batch, Encoded, Tensors } from "../runtime/index.js";
export type { Hypothesis } from "../decode/index.js";

// ---- training -------------------------------------------------------------------------
/** A training run as a library: plan it, open a session, run it with progress callbacks. */
export {
  TrainingSession,
  planTraining,
  chooseData,
  mergeSettings,
  settingsFromSpec,
  DEFAULT_SETTINGS,
  type SessionOptions,
  type TrainingPlan,
  type PlanInput,
  type TrainSettings,
  type SettingsOverrides,
  type TrainProblem,
  type Progress,
  type StepInfo,
  type EvalInfo,
  type Checkpoint,
  type DataChoice,
  type DataInput,
  type DataRequest,
} from "../train/index.js";

// ---- for front ends: reports, units, option lists --------------------------------------
/** No colours, for `renderDiagnostic` (the default), and the type of a palette. */
export { noColors, type Colors } from "../diagnostics/index.js";
/** The passes a pipeline option asks for (`{ error }` for an unknown name), to check options before running. */
export { pipelinePasses } from "./optimize.js";
/** The default `-O` level, a pipeline as text, and op counts per graph (for before/after tables). */
export { DEFAULT_OPT_LEVEL, formatPipeline, opCounts, type Pass } from "../passes/index.js";
/** The colours of `renderDiffText` (`plainPalette`: none). */
export { plainPalette, type Palette } from "../diff/index.js";
/** How the reports write numbers: bytes, shapes, counts, SI prefixes, and MAC polynomials in L. */
export { formatBytes } from "../elaborate/index.js";
export { formatShape } from "../ir/index.js";
export { COUNTED, formatPoly, formatCount, formatSi } from "../summary/index.js";
/** The graph's entry points, formats and levels (`graph`'s options). */
export {
  ENTRY_POINTS,
  type Format as GraphFormat,
  type Level as GraphLevel,
} from "../graph/index.js";
/** The tfjs backends a runtime can start on. */
export { TF_BACKENDS } from "../backends/tfjs/index.js";
/** A backend that cannot translate a verified module (a bug in s2sc), thrown by the package writers. */
export { LoweringError } from "../backends/tfjs/index.js";
export { ExportError } from "../backends/onnx/index.js";
/** The built-in tasks, the tokenizers, and a data set that cannot be used (a user's error). */
export { TASKS, TOKENIZERS, DataError, type TaskName, type Tokenizer } from "../data/index.js";
/** A duration in seconds as people read it (`1m 05s`). */
export { duration } from "../train/index.js";
/** A tensor of the reference interpreter (dims and a typed array). */
export type { Tensor } from "../reference/index.js";
/** The checked models `FILE[:MODEL]` names, unelaborated: that one, or every model of the file. */
export { selectModels, type ModelsSelection } from "./select-models.js";
/** How long sources and targets may be (the position table), checked before a model runs. */
export {
  lengthLimits,
  sourceLengthProblem,
  targetLengthProblem,
  inputLengthProblem,
  assertInputLengths,
  InputLengthError,
  type LengthLimits,
  type PositionConfig,
  type InputRows,
} from "../decode/index.js";
