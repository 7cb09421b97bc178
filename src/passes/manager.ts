/**
 * The pass manager: parses and prints pipelines (`cse,fuse-matmul-bias,dce`), and runs
 * one over a private copy of a module — verifying after every pass when asked
 * (`--verify-each`; always in tests), and printing the IR after the passes named by
 * `--print-ir-after`. It never throws for bad input: a bad pipeline text or a pass that
 * breaks the IR is a result naming the problem.
 */
import { printModule, verifyModule } from "../ir/index.js";
import type { Graph, IrModule } from "../ir/index.js";
import { openPipeline } from "./graph.js";
import type { Pass } from "./pass.js";
import { PASSES, passByName } from "./registry.js";

export type ParsedPipeline = { passes: Pass[] } | { error: string };

/** `a,b,c` → passes; empty text is the empty pipeline. */
export function parsePipeline(text: string): ParsedPipeline {
  const names = text
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s !== "");
  const passes: Pass[] = [];
  for (const name of names) {
    const p = passByName(name);
    if (p === undefined) {
      return {
        error: `unknown pass \`${name}\`; the passes are ${PASSES.map((q) => q.name).join(", ")}`,
      };
    }
    passes.push(p);
  }
  return { passes };
}

/** The textual form of a pipeline, which parsePipeline reads back to the same passes. */
export function formatPipeline(passes: readonly Pass[]): string {
  return passes.map((p) => p.name).join(",");
}

export interface RunOptions {
  /** Verify the module after every pass; a failure stops the pipeline. */
  verifyEach?: boolean;
  /** Pass names after which to print the IR, or "all". */
  printAfter?: ReadonlySet<string> | "all";
  /** Receives printed IR (`--print-ir-after`). */
  print?: (text: string) => void;
}

export interface PassRecord {
  pass: string;
  changed: boolean;
}

export type PipelineResult =
  { module: IrModule; ran: PassRecord[] } | { error: string; pass: string; problems: string[] };

function copyGraph(g: Graph): Graph {
  return {
    ...g,
    inputs: [...g.inputs],
    outputs: [...g.outputs],
    nodes: [...g.nodes],
  };
}

/**
 * The copy a pipeline edits: graphs and their node and name lists are new; nodes,
 * tensor types, attribute values (constants, Scan bodies), parameters and the graphs'
 * `values` tables are shared, so passes replace those and never edit them in place (a
 * pass changing a node puts a new node in its place in the list). A structuredClone of
 * the whole module cost a third of the -O2 pipeline at 600 layers; a copy of every node
 * cost less, but the copies outlived the young generation at 600 layers (and were
 * copied and promoted by the GC) where a 60-layer pipeline's died young. The `values`
 * tables are never written: a pipeline (`openPipeline`) keeps the types passes make on
 * the side and gives each graph a new table when it retypes it, or when it closes
 * (copying a 16,000-name table cost more per name the larger it was, since a
 * dictionary's names are sorted to be enumerated).
 */
export function copyForPasses(m: IrModule): IrModule {
  const g = m.graphs;
  return {
    ...m,
    params: [...m.params],
    graphs: {
      encode: copyGraph(g.encode),
      decode: copyGraph(g.decode),
      decode_step: copyGraph(g.decode_step),
    },
    layers: [...m.layers],
  };
}

/** Runs `passes` in order on a copy of `m` (the input module is not changed). */
export function runPipeline(
  m: IrModule,
  passes: readonly Pass[],
  opts: RunOptions = {},
): PipelineResult {
  const module = copyForPasses(m);
  const open = openPipeline(module, true);
  const ran: PassRecord[] = [];
  for (const p of passes) {
    let changed: boolean;
    try {
      changed = p.run(module);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { error: `pass \`${p.name}\` failed: ${message}`, pass: p.name, problems: [message] };
    }
    ran.push({ pass: p.name, changed });
    const print =
      opts.printAfter === "all" || opts.printAfter?.has(p.name) === true ? opts.print : undefined;
    if (opts.verifyEach || print !== undefined) open.settle();
    if (opts.verifyEach) {
      const problems = verifyModule(module);
      if (problems.length > 0) {
        return { error: `the IR is malformed after pass \`${p.name}\``, pass: p.name, problems };
      }
    }
    if (print !== undefined) {
      print(`; IR after ${p.name}${changed ? "" : " (unchanged)"}\n${printModule(module)}`);
    }
  }
  open.close();
  return { module, ran };
}

/** Op counts per graph (for `summary` and the FileCheck-style tests). */
export function opCounts(m: IrModule): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  for (const [name, g] of Object.entries(m.graphs)) {
    const c: Record<string, number> = {};
    for (const n of g.nodes) c[n.op] = (c[n.op] ?? 0) + 1;
    out[name] = c;
  }
  return out;
}
