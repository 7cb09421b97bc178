/**
 * The architecture diff as a library call: two loaded models → what changed (settings,
 * layers, parameters, compute) as data, with the text and Markdown renderings the CLI
 * prints. With `ir`, the op graphs are compared too, after a pass pipeline.
 */
import type { CheckedModel } from "../check/index.js";
import {
  canonicalForm,
  type DiffInput,
  diffModels,
  type IrPipeline,
  type ModelDiff,
  type Palette,
  renderMarkdown,
  renderText,
} from "../diff/index.js";
import { optimize, pipelinePasses, type PipelineOptions } from "./optimize.js";
import { DEFAULT_REFERENCE_LENGTH } from "./summary.js";

export interface DiffOptions {
  /** Reference length L for the per-token compute figures (default 64). */
  referenceLength?: number;
  /** Compare the op graphs too, after this pipeline (`{}` for -O2, `{ level: 0 }` as elaborated). */
  ir?: PipelineOptions;
}

export interface DiffResult {
  /** The comparison (schema/diff.schema.json); absent when `error` is set. */
  diff?: ModelDiff;
  /** A bad `ir` pipeline. */
  error?: string;
}

/** Compares `before` with `after` (each `loadModel`'s `model` and `module`). */
export function diff(before: DiffInput, after: DiffInput, options: DiffOptions = {}): DiffResult {
  const referenceLength = options.referenceLength ?? DEFAULT_REFERENCE_LENGTH;
  if (options.ir === undefined) return { diff: diffModels(before, after, { referenceLength }) };
  const passes = pipelinePasses(options.ir);
  if ("error" in passes) return { error: passes.error };
  const ir: IrPipeline = {
    passes: passes.passes.map((p) => p.name),
    run: (m) => {
      const r = optimize(m, options.ir);
      // The modules verified before the pipeline, so a failure here is a bug in a pass.
      if (r.module === undefined) throw new Error(`the pass pipeline failed: ${r.error}`);
      return r.module;
    },
  };
  return { diff: diffModels(before, after, { referenceLength, ir }) };
}

/** The diff as the CLI's text report, plain unless given a `palette` (colours for a terminal). */
export function renderDiffText(d: ModelDiff, palette?: Palette): string {
  return renderText(d, palette);
}

/** The diff as Markdown, for a pull request. */
export function renderDiffMarkdown(d: ModelDiff): string {
  return renderMarkdown(d);
}

/** The canonical resolved form of checked models (what `diff --canonical` prints). */
export function canonical(models: readonly CheckedModel[]): string {
  return canonicalForm(models);
}
