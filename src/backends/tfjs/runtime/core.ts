/**
 * Evaluates the generated core of a module in this process. The text is exactly what
 * the compiled module.js contains (minus the import, load() and the exports), so every
 * in-process run also tests the code that `s2sc compile` ships.
 */
import * as tf from "@tensorflow/tfjs";
import type { Graph, IrModule } from "../../../ir/types.js";
import { emitGraphFunction } from "../codegen/graph.js";
import { CORE_EXPORTS, generate, GENERATOR } from "../codegen/module.js";
import { preludeSource } from "../prelude/index.js";

export type Tensors = Record<string, tf.Tensor>;

/**
 * What encode returns, owned by the caller (release with disposeEncoded): every output
 * of the encode graph by name, and the decoder's initial states.
 */
export interface Encoded {
  outputs: Tensors;
  states: Tensors;
}

export interface CoreModel {
  weights: Record<string, tf.Tensor>;
  /** The API's cache of values derived from the weights (see weightsFor in codegen/api.ts). */
  derived?: unknown;
}

/** The functions of the generated core (see codegen/api.ts for their contracts). */
export interface Core {
  CONFIG: {
    specials: { pad: number; bos: number; eos: number; unk: number };
    state: { name: string }[];
    maxLength: number | null;
  };
  encode(model: CoreModel, src: number[][] | tf.Tensor, options?: { training?: boolean }): Encoded;
  decode(
    model: CoreModel,
    encoded: Encoded,
    tgtIn: number[][] | tf.Tensor,
    options?: { training?: boolean },
  ): tf.Tensor;
  decodeStep(
    model: CoreModel,
    encoded: Encoded,
    states: Tensors,
    tokens: number[] | tf.Tensor,
    pos: number,
  ): { logits: tf.Tensor; states: Tensors };
  greedy(model: CoreModel, src: number[][], options?: { maxLength?: number }): Promise<number[][]>;
  disposeEncoded(encoded: Encoded): void;
  releaseDerived(model: CoreModel): void;
  seedDropout(seed: number): void;
  encodeGraph(weights: Record<string, tf.Tensor>, inputs: Record<string, unknown>): Tensors;
  decodeGraph(weights: Record<string, tf.Tensor>, inputs: Record<string, unknown>): Tensors;
  decodeStepGraph(weights: Record<string, tf.Tensor>, inputs: Record<string, unknown>): Tensors;
}

/** Generates the module's code and evaluates its core against this process's tfjs. */
export function loadCore(module: IrModule): { core: Core; source: string } {
  const { core: source } = generate(module, GENERATOR);
  // The generated code is ours, from a verified module: evaluating it is the point.
  const factory = new Function(
    "tf",
    `"use strict";\n${source}\nreturn { ${CORE_EXPORTS.join(", ")} };`,
  ) as (t: typeof tf) => Core;
  return { core: factory(tf), source };
}

export type GraphFunction = (
  weights: Record<string, tf.Tensor>,
  inputs: Record<string, unknown>,
) => Tensors;

/**
 * One graph as a function, through the same lowerings and prelude (for single-op tests
 * and tools): values named in `params` are read from `weights`, the graph's inputs from
 * `inputs` (scalar bool inputs as JavaScript booleans).
 */
export function evaluateGraph(
  graph: Graph,
  params: ReadonlySet<string> = new Set(),
): { fn: GraphFunction; source: string } {
  const helpers = new Set<string>();
  const fnSource = emitGraphFunction(graph, "graph", params, helpers);
  const source = `${preludeSource(helpers)}\n\n${fnSource}`;
  const factory = new Function("tf", `"use strict";\n${source}\nreturn graph;`) as (
    t: typeof tf,
  ) => GraphFunction;
  return { fn: factory(tf), source };
}
