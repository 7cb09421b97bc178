/**
 * The signature of an entry of the interpreter's op table. Graph-level kernels (Scan)
 * run a body graph through `runGraph`, which the executor passes in: the table is read
 * by the executor, so it must not import the executor back.
 */
import type { Graph, Node } from "../../ir/index.js";
import type { Rng, Tensor } from "../../reference/index.js";
import type { Env, RunContext } from "./env.js";

export type RunGraph = (
  graph: Graph,
  feeds: ReadonlyMap<string, Tensor>,
  outer: Env,
  run: RunContext,
) => Map<string, Tensor>;

export interface InterpContext {
  rng: Rng;
  outputs: number;
  env: Env;
  run: RunContext;
  runGraph: RunGraph;
}

export type InterpKernel = (
  inputs: readonly (Tensor | undefined)[],
  node: Node,
  ctx: InterpContext,
) => (Tensor | undefined)[];
