/**
 * The pass pipeline as a library call: an `-O` level or a list of pass names, run over
 * a copy of an IR module (the input is never changed). A pipeline that names an unknown
 * pass is an `error`, not an exception.
 */
import type { IrModule } from "../ir/index.js";
import {
  DEFAULT_OPT_LEVEL,
  formatPipeline,
  parsePipeline,
  passesForLevel,
  runPipeline,
  type OptLevel,
  type Pass,
  type PassRecord,
} from "../passes/index.js";

export interface PipelineOptions {
  /** The `-O` level (0 none, 1 clean-ups, 2 all; default 2). Ignored when `passes` is given. */
  level?: OptLevel;
  /** The passes to run instead of a level: names, or `"a,b,c"` as `--passes` takes them. */
  passes?: string | readonly string[];
  /** The backend the module goes to: the levels leave out what is unprofitable there. */
  target?: string;
  /** Verify the module after every pass (slower; a failure is an `error`). */
  verifyEach?: boolean;
  /** Print the IR after this pass (or after `all`) to `print`; a pass not in the pipeline is an `error`. */
  printIrAfter?: string;
  /** Where `printIrAfter`'s text goes (default: nowhere). */
  print?: (text: string) => void;
}

export interface OptimizeResult {
  /** The optimised module (absent when `error` is set). */
  module?: IrModule;
  /** Each pass run, and whether it changed the module. */
  ran: PassRecord[];
  /** An unknown pass name, or a pass that left a malformed module (a bug in s2sc). */
  error?: string;
}

/** The passes `options` ask for, or why there are none. */
export function pipelinePasses(
  options: PipelineOptions = {},
): { passes: Pass[] } | { error: string } {
  if (options.passes !== undefined) {
    const text = typeof options.passes === "string" ? options.passes : options.passes.join(",");
    return parsePipeline(text);
  }
  return { passes: passesForLevel(options.level ?? DEFAULT_OPT_LEVEL, options.target) };
}

/** Runs the pipeline `options` ask for on `module`. */
export function optimize(module: IrModule, options: PipelineOptions = {}): OptimizeResult {
  const pipeline = pipelinePasses(options);
  if ("error" in pipeline) return { ran: [], error: pipeline.error };
  const after = options.printIrAfter;
  if (after !== undefined && after !== "all" && !pipeline.passes.some((p) => p.name === after))
    return {
      ran: [],
      error: `printIrAfter: the pipeline \`${formatPipeline(pipeline.passes)}\` has no pass \`${after}\``,
    };
  const r = runPipeline(module, pipeline.passes, {
    verifyEach: options.verifyEach ?? false,
    ...(after === undefined
      ? {}
      : {
          printAfter: after === "all" ? "all" : new Set([after]),
          print: options.print ?? (() => {}),
        }),
  });
  if ("error" in r)
    return { ran: [], error: `internal error: ${r.error}: ${r.problems.slice(0, 5).join("; ")}` };
  return { module: r.module, ran: r.ran };
}
