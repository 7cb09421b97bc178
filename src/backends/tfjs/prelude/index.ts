/**
 * The prelude: every helper the lowerings may call, by name, and the text of the ones a
 * module needs (with their dependencies, each once, callees first).
 */
import { ATTENTION_HELPERS } from "./attention.js";
import type { Helper } from "./helper.js";
import { NN_HELPERS } from "./nn.js";
import { RECURRENT_HELPERS } from "./recurrent.js";
import { TENSOR_HELPERS } from "./tensor.js";

export type { Helper } from "./helper.js";

export const HELPERS: ReadonlyMap<string, Helper> = new Map(
  [...TENSOR_HELPERS, ...NN_HELPERS, ...RECURRENT_HELPERS, ...ATTENTION_HELPERS].map((h) => [
    h.name,
    h,
  ]),
);

/** Names the generated code declares at top level, which value names must avoid. */
export function preludeNames(): string[] {
  const names = [...HELPERS.keys()];
  // Declarations inside helper sources besides the helper itself.
  names.push(
    "RECURRENT_ACTIVATIONS",
    "dropoutSeed",
    "seedDropout",
    "softmaxLast",
    "logSoftmaxLast",
    "FUSED_ACTIVATIONS",
    "EPILOGUES",
    "hostTables",
    "preparedCache",
    "releasePrepared",
    "gatherOnHost",
  );
  return names;
}

/** The source of `wanted` and everything they call, callees first. */
export function preludeSource(wanted: Iterable<string>): string {
  const done = new Set<string>();
  const parts: string[] = [];
  const visit = (name: string, from: string): void => {
    if (done.has(name)) return;
    const h = HELPERS.get(name);
    if (h === undefined) throw new Error(`tfjs prelude: no helper ${name} (needed by ${from})`);
    done.add(name);
    for (const d of h.deps) visit(d, name);
    parts.push(h.code);
  };
  for (const name of [...wanted].sort()) visit(name, "a lowering");
  return parts.join("\n\n");
}
