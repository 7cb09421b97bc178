/**
 * Evaluates the generated graphs of a module in this process. The text is exactly what
 * the compiled model.js contains (minus the imports and exports), so every in-process
 * run also tests the code that `s2sc compile` ships; the helpers it calls and the model
 * API are the runtime library (lib/), imported here as ordinary modules and
 * passed to the generated code as `lib`.
 */
import * as tf from "@tensorflow/tfjs";
import type { Graph, IrModule } from "../ir/index.js";
import { CORE_EXPORTS, emitGraphFunction, generate, GENERATOR } from "../backends/tfjs/index.js";
import {
  createModelApi,
  type GeneratedGraphs,
  type GraphFunction,
  type ModelApi,
} from "./lib/api.js";
import * as lib from "./lib/helpers.js";

export type { ApiModel as CoreModel, Encoded, GraphFunction, Tensors } from "./lib/api.js";

/** The API and the graphs it runs. */
export type Core = ModelApi & GeneratedGraphs;

/** The names the generated code may call: everything the runtime library exports. */
export function libraryNames(): string[] {
  return Object.keys(lib);
}

/**
 * Evaluates generated code that calls `helpers` and ends with `returned`. The code is
 * ours, from a verified module: evaluating it is the point.
 */
function evaluate<T>(source: string, helpers: readonly string[], returned: string): T {
  const imports = helpers.length === 0 ? "" : `const { ${helpers.join(", ")} } = lib;\n`;
  const factory = new Function(
    "tf",
    "lib",
    `"use strict";\n${imports}${source}\nreturn ${returned};`,
  );
  return (factory as (t: typeof tf, l: typeof lib) => T)(tf, lib);
}

/** Generates the module's graphs, evaluates them against this process's tfjs, and builds the API. */
export function loadCore(module: IrModule): { core: Core; source: string } {
  const { core: source, helpers } = generate(module, GENERATOR);
  const graphs = evaluate<GeneratedGraphs>(source, helpers, `{ ${CORE_EXPORTS.join(", ")} }`);
  return { core: { ...graphs, ...createModelApi(graphs) }, source };
}

/**
 * One graph as a function, through the same lowerings and helpers (for single-op tests
 * and tools): values named in `params` are read from `weights`, the graph's inputs from
 * `inputs` (scalar bool inputs as JavaScript booleans).
 */
export function evaluateGraph(
  graph: Graph,
  params: ReadonlySet<string> = new Set(),
): { fn: GraphFunction; source: string } {
  const helpers = new Set<string>();
  const source = emitGraphFunction(graph, "graph", params, helpers);
  return { fn: evaluate<GraphFunction>(source, [...helpers].sort(), "graph"), source };
}
