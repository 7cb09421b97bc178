/**
 * The front half every model operation shares: `FILE[:MODEL]` over a `SourceHost` →
 * checked model → elaborated IR module → verified. Nothing is printed: diagnostics (the
 * checker's, the selection's and elaboration's shape checks) come back as data, and a
 * module is returned only when there is no error.
 */
import type { CheckedModel } from "../check/index.js";
import type { Diagnostic } from "../diagnostics/index.js";
import { elaborate } from "../elaborate/index.js";
import type { IrModule } from "../ir/index.js";
import { verifyModule } from "../ir/index.js";
import type { SourceHost } from "../source/index.js";
import { memoryHost } from "./memory-host.js";
import { selectModel } from "./select-model.js";

export interface LoadOptions {
  /** The weight budget for elaboration in bytes (S2S3007); 4 GiB when absent. */
  memoryBudgetBytes?: number | undefined;
  /**
   * Whether a path names an existing file, so that a path containing `:` is not split
   * as `FILE:MODEL`. Default: the host can read it.
   */
  isFile?: (path: string) => boolean;
}

export interface LoadResult {
  /** The checked model, when the file checks and the model was found. */
  model?: CheckedModel;
  /** The verified IR module, when `model` elaborates without errors. */
  module?: IrModule;
  /** The text of the model's file. */
  source?: string;
  /** Every diagnostic found on the way, errors and warnings (sorted by position when rendered). */
  diagnostics: Diagnostic[];
  /** Every file text read, by the path diagnostics use (for `renderDiagnostics`). */
  sources: Map<string, string>;
  /**
   * Problems of a malformed IR module: a bug in s2sc, never in the spec. When present,
   * `module` is absent.
   */
  internalErrors: string[];
}

/**
 * Loads `spec` (`FILE` or `FILE:MODEL`) from `host`: checks the file, picks the model
 * and elaborates it to a verified IR module. Never throws for a spec with problems:
 * they are in `diagnostics`.
 */
export function loadModel(host: SourceHost, spec: string, options: LoadOptions = {}): LoadResult {
  const isFile = options.isFile ?? ((path: string) => host.read(path).ok);
  const sel = selectModel(spec, host, isFile);
  const result: LoadResult = {
    diagnostics: sel.diagnostics,
    sources: sel.sources,
    internalErrors: [],
  };
  if (sel.model === undefined) return result;
  result.model = sel.model;
  result.source = sel.sources.get(sel.model.file) ?? "";
  const elaborated = elaborate(sel.model, { memoryBudgetBytes: options.memoryBudgetBytes });
  result.diagnostics = [...sel.diagnostics, ...elaborated.diagnostics];
  const module = elaborated.module;
  if (module === undefined || result.diagnostics.some((d) => d.severity === "error")) return result;
  result.internalErrors = verifyModule(module);
  if (result.internalErrors.length === 0) result.module = module;
  return result;
}

export interface LoadTextOptions extends Omit<LoadOptions, "isFile"> {
  /** The path the text is known by in diagnostics and imports (default `model.s2s`). */
  path?: string;
  /** The model to pick, when the text declares several. */
  model?: string;
}

/** `loadModel` over one spec given as text (imports of other files are not found). */
export function loadText(text: string, options: LoadTextOptions = {}): LoadResult {
  const path = options.path ?? "model.s2s";
  const spec = options.model === undefined ? path : `${path}:${options.model}`;
  return loadModel(memoryHost({ [path]: text }), spec, {
    memoryBudgetBytes: options.memoryBudgetBytes,
    isFile: (p) => p === path,
  });
}
