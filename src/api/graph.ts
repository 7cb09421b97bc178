/**
 * `s2sc graph` as a library call: the architecture diagram (from the checked model, sized
 * by its IR) or one entry point's op graph after a pass pipeline, as DOT, Mermaid or SVG
 * (Graphviz compiled to wasm, loaded on first use).
 */
import type { CheckedModel } from "../check/index.js";
import { archGraph, irGraph, renderGraph, type Format, type Level } from "../graph/index.js";
import type { EntryPoint, IrModule } from "../ir/index.js";
import { optimize, type PipelineOptions } from "./optimize.js";

export interface GraphOptions {
  /** `arch` (default): the encoder–decoder diagram; `ir`: the op graph of one entry point. */
  level?: Level;
  /** `dot` (default), `mermaid` or `svg`. */
  format?: Format;
  /** The entry point `level: "ir"` draws (default `decode`). */
  entry?: EntryPoint;
  /** The pipeline run before drawing `level: "ir"` (default -O2; `{ level: 0 }` as elaborated). */
  pipeline?: PipelineOptions;
}

export interface GraphResult {
  /** The picture in the requested format; empty when `error` is set. */
  text: string;
  /** A bad pipeline. */
  error?: string;
}

/** Draws a loaded model (`loadModel`'s `model` and `module`). */
export async function graph(
  loaded: { model: CheckedModel; module: IrModule },
  options: GraphOptions = {},
): Promise<GraphResult> {
  const format = options.format ?? "dot";
  if ((options.level ?? "arch") === "arch")
    return { text: await renderGraph(archGraph(loaded.model, loaded.module), format) };
  const optimised = optimize(loaded.module, options.pipeline);
  if (optimised.module === undefined) return { text: "", error: optimised.error ?? "" };
  return { text: await renderGraph(irGraph(optimised.module, options.entry ?? "decode"), format) };
}
