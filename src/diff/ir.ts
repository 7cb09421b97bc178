/**
 * `--ir`: the op graphs compared, per entry point (node counts by op kind, fused ops)
 * and per layer (op counts of the nodes under each layer path, using the layer pairing
 * of match.ts so that an inserted layer does not shift every later layer's counts).
 *
 * Both modules first go through `pipeline`: the CLI passes the -O / --passes pipeline
 * (-O2 by default, as compile), or the identity for -O 0, when `passes` is empty and
 * the graphs are compared as elaborated.
 */
import { opDef } from "../ir/index.js";
import type { EntryPoint, Graph, IrModule } from "../ir/index.js";
import { delta, deltasByKey, isZero } from "./delta.js";
import type { RowPair } from "./match.js";
import type { GraphOpsDiff, IrDiff, PathOpsChange } from "./types.js";

export interface IrPipeline {
  /** Names of the passes `run` applies, reported in the result. */
  passes: string[];
  run(module: IrModule): IrModule;
}

export const AS_ELABORATED: IrPipeline = { passes: [], run: (m) => m };

const ENTRY_POINTS: readonly EntryPoint[] = ["encode", "decode", "decode_step"];

export function irDiff(
  a: IrModule,
  b: IrModule,
  pairs: readonly RowPair[],
  pipeline: IrPipeline,
): IrDiff {
  const ma = pipeline.run(a);
  const mb = pipeline.run(b);
  const rowsA = pairs.flatMap((p) => (p.before ? [p.before.row.path] : []));
  const rowsB = pairs.flatMap((p) => (p.after ? [p.after.row.path] : []));
  // After-side row path → before-side row path, for the rows the layer pairing matched.
  const toBefore = new Map(
    pairs.flatMap((p) =>
      p.before && p.after ? [[p.after.row.path, p.before.row.path] as const] : [],
    ),
  );
  const graphs = {} as Record<EntryPoint, GraphOpsDiff>;
  const paths: PathOpsChange[] = [];
  for (const ep of ENTRY_POINTS) {
    const na = nodesOf(ma.graphs[ep]);
    const nb = nodesOf(mb.graphs[ep]);
    graphs[ep] = graphOps(na, nb);
    paths.push(
      ...pathOps(ep, bucket(na, rowsA), bucket(nb, rowsB), (p) => pairedPath(p, toBefore, rowsB)),
    );
  }
  return { passes: [...pipeline.passes], graphs, paths };
}

interface OpNode {
  op: string;
  path: string;
}

/** Every node of a graph, the bodies of control-flow ops (Scan) included. */
function nodesOf(g: Graph): OpNode[] {
  const out: OpNode[] = [];
  for (const n of g.nodes) {
    // `#n` only makes node paths unique; the layer is the part before it.
    out.push({ op: n.op, path: n.path.replace(/#\d+$/, "") });
    for (const attr of Object.values(n.attrs))
      if (attr.kind === "graph") out.push(...nodesOf(attr.value));
  }
  return out;
}

function count(
  nodes: readonly OpNode[],
  keep: (op: string) => boolean = () => true,
): Map<string, number> {
  const m = new Map<string, number>();
  for (const n of nodes) if (keep(n.op)) m.set(n.op, (m.get(n.op) ?? 0) + 1);
  return m;
}

const isFused = (op: string) => opDef(op)?.domain === "s2s";

function graphOps(a: readonly OpNode[], b: readonly OpNode[]): GraphOpsDiff {
  return {
    nodes: delta(a.length, b.length),
    ops: deltasByKey(count(a), count(b)),
    fused: deltasByKey(count(a, isFused), count(b, isFused)),
  };
}

/**
 * Nodes grouped by the innermost layer row enclosing their path; nodes outside every
 * layer (masks, the bridge's plumbing) by their own path. Insertion order is node order.
 */
function bucket(nodes: readonly OpNode[], rows: readonly string[]): Map<string, OpNode[]> {
  const byLength = [...rows].sort((x, y) => y.length - x.length);
  const out = new Map<string, OpNode[]>();
  for (const n of nodes) {
    const key = byLength.find((r) => n.path === r || n.path.startsWith(r + "/")) ?? n.path;
    let list = out.get(key);
    if (list === undefined) out.set(key, (list = []));
    list.push(n);
  }
  return out;
}

/**
 * The before-side bucket an after-side bucket compares with: a layer's paired layer (none
 * for an added layer, even when the before model has a layer of that number), and for
 * nodes outside every layer the same path.
 */
function pairedPath(
  path: string,
  toBefore: ReadonlyMap<string, string>,
  rowsB: readonly string[],
): string | undefined {
  return rowsB.includes(path) ? toBefore.get(path) : path;
}

function pathOps(
  graph: EntryPoint,
  a: ReadonlyMap<string, OpNode[]>,
  b: ReadonlyMap<string, OpNode[]>,
  pairOf: (afterPath: string) => string | undefined,
): PathOpsChange[] {
  const out: PathOpsChange[] = [];
  const seenA = new Set<string>();
  const emit = (
    path: string,
    beforePath: string | undefined,
    x: OpNode[] | undefined,
    y: OpNode[] | undefined,
  ) => {
    const ops = Object.fromEntries(
      Object.entries(deltasByKey(count(x ?? []), count(y ?? []))).filter(([, d]) => !isZero(d)),
    );
    if (Object.keys(ops).length === 0) return;
    const status = x === undefined ? "added" : y === undefined ? "removed" : "changed";
    out.push({
      status,
      graph,
      path,
      ...(beforePath !== undefined && beforePath !== path ? { beforePath } : {}),
      ops,
    });
  };
  for (const [path, nodes] of b) {
    const before = pairOf(path);
    const x = before === undefined ? undefined : a.get(before);
    if (x !== undefined) seenA.add(before!);
    emit(path, x === undefined ? undefined : before, x, nodes);
  }
  for (const [path, nodes] of a) if (!seenA.has(path)) emit(path, undefined, nodes, undefined);
  return out;
}
