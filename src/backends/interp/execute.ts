/**
 * Runs an IR graph: nodes in order, each through its kernel in INTERP_KERNELS. Values
 * live in an environment that starts from the parameters, the enclosing graph's values
 * (for Scan bodies) and the feeds.
 */
import type { Graph, Node } from "../../ir/index.js";
import type { Tensor } from "../../reference/index.js";
import { Env, type RunContext } from "./env.js";
import { INTERP_KERNELS } from "./table.js";

export function runNode(node: Node, env: Env, run: RunContext): void {
  const kernel = INTERP_KERNELS[node.op];
  if (kernel === undefined) throw new Error(`interp: no kernel for ${node.op} (${node.path})`);
  const inputs = node.inputs.map((n) => {
    if (n === "") return undefined;
    const t = env.get(n);
    if (t === undefined)
      throw new Error(`interp: ${node.op} at ${node.path} reads undefined value ${n}`);
    return t;
  });
  const outs = kernel(inputs, node, {
    rng: run.rng,
    outputs: node.outputs.length,
    env,
    run,
    runGraph,
  });
  node.outputs.forEach((name, i) => {
    if (name === "") return;
    const t = outs[i];
    if (t === undefined)
      throw new Error(`interp: ${node.op} at ${node.path} produced no output ${i}`);
    env.set(name, t);
  });
}

/** Runs `graph` with `feeds` on top of `outer`; returns the graph outputs by name. */
export function runGraph(
  graph: Graph,
  feeds: ReadonlyMap<string, Tensor>,
  outer: Env,
  run: RunContext,
): Map<string, Tensor> {
  const env = new Env(outer);
  for (const i of graph.inputs) {
    const t = feeds.get(i.name);
    if (t === undefined) throw new Error(`interp: graph ${graph.name} needs input ${i.name}`);
    env.set(i.name, t);
  }
  for (const node of graph.nodes) runNode(node, env, run);
  const out = new Map<string, Tensor>();
  for (const o of graph.outputs) out.set(o.name, env.get(o.name)!);
  return out;
}
