/**
 * The emitter's analysis (codegen/analysis.ts) gives the same answers as the plain
 * set-based definition it replaced for speed (issue #10): checked against that
 * definition, kept here as the reference, on every spec's graphs (Scan bodies included)
 * and on small graphs built to exercise what the slot stamps must get right — dead
 * nodes, values read only at compile time, a body whose values are named like the
 * enclosing graph's, a body read from outside, and nodes lifted into deriveGraph. Also: a graph function longer than
 * a spread argument list can be is emitted.
 */
import { describe, expect, it } from "vitest";
import { analyze } from "../../src/backends/tfjs/codegen/analysis.js";
import { emitGraphFunction } from "../../src/backends/tfjs/codegen/graph.js";
import { TFJS_LOWERINGS } from "../../src/backends/tfjs/lowering/table.js";
import type { Lowering } from "../../src/backends/tfjs/lowering/types.js";
import type { Graph, Node, ValueInfo } from "../../src/ir/types.js";
import { specModules } from "./helpers.js";

interface Reference {
  live: Set<Node>;
  used: Set<string>;
  tensorUse: Set<string>;
}

/** The definition: sets of names, walked backwards from the outputs. */
function reference(graph: Graph, lowerings: Readonly<Record<string, Lowering>>): Reference {
  const a: Reference = { live: new Set(), used: new Set(), tensorUse: new Set() };
  const visit = (g: Graph): Set<string> => {
    const need = new Set<string>();
    for (const o of g.outputs) {
      need.add(o.name);
      a.used.add(o.name);
      a.tensorUse.add(o.name);
    }
    const defined = new Set(g.inputs.map((i) => i.name));
    for (const node of g.nodes) for (const o of node.outputs) if (o !== "") defined.add(o);
    for (let k = g.nodes.length - 1; k >= 0; k--) {
      const node = g.nodes[k]!;
      if (!node.outputs.some((o) => o !== "" && need.has(o))) continue;
      a.live.add(node);
      const lowering = lowerings[node.op];
      const atCompileTime = new Set(lowering?.constInputs ?? []);
      const host = new Set(lowering?.hostInputs ?? []);
      node.inputs.forEach((name, i) => {
        if (name === "") return;
        need.add(name);
        a.used.add(name);
        if (!atCompileTime.has(i) && !host.has(i)) a.tensorUse.add(name);
      });
      const body = node.attrs["body"];
      if (body?.kind === "graph") for (const name of visit(body.value)) need.add(name);
    }
    return new Set([...need].filter((n) => !defined.has(n)));
  };
  visit(graph);
  return a;
}

/** Every graph of the tree, and every value name it defines. */
function walk(graph: Graph, out: { graphs: Graph[]; names: Set<string> }): void {
  out.graphs.push(graph);
  for (const i of graph.inputs) out.names.add(i.name);
  for (const node of graph.nodes) {
    for (const o of node.outputs) if (o !== "") out.names.add(o);
    for (const a of Object.values(node.attrs)) if (a.kind === "graph") walk(a.value, out);
  }
}

function expectSameAnswers(
  graph: Graph,
  lowerings: Readonly<Record<string, Lowering>> = TFJS_LOWERINGS,
): void {
  const ref = reference(graph, lowerings);
  const got = analyze(graph, lowerings);
  const tree = { graphs: [] as Graph[], names: new Set<string>() };
  walk(graph, tree);
  for (const g of tree.graphs) {
    const live = g.nodes.map((_, k) => got.isLive(g, k));
    expect(live, `live nodes of ${g.name}`).toEqual(g.nodes.map((n) => ref.live.has(n)));
  }
  for (const name of tree.names) {
    expect(got.isUsed(name), `used: ${name}`).toBe(ref.used.has(name));
    expect(got.isTensorUse(name), `tensor use: ${name}`).toBe(ref.tensorUse.has(name));
  }
}

const v = (name: string): ValueInfo => ({ name, dtype: "float32", shape: [2] });
const node = (
  op: string,
  inputs: string[],
  outputs: string[],
  attrs: Node["attrs"] = {},
): Node => ({
  op,
  path: `test/${outputs[0] ?? op}`,
  inputs,
  outputs,
  attrs,
});
const graph = (name: string, inputs: string[], nodes: Node[], outputs: string[]): Graph => ({
  name,
  inputs: inputs.map(v),
  outputs: outputs.map(v),
  nodes,
  values: {},
});

/** A test op table: `Shape` reads input 1 at compile time, `Flag` reads input 1 on the host. */
const LOWERINGS: Record<string, Lowering> = {
  Add: { lower: () => [] },
  Shape: { constInputs: [1], lower: () => [] },
  Flag: { hostInputs: [1], lower: () => [] },
  Scan: { lower: () => [] },
};

describe("codegen analysis", () => {
  it("answers as the set-based definition on every spec's graphs", () => {
    let graphs = 0;
    for (const m of specModules()) {
      for (const g of Object.values(m.graphs)) {
        expectSameAnswers(g);
        graphs++;
      }
    }
    expect(graphs).toBeGreaterThan(10);
  });

  it("leaves dead nodes out and tells tensor reads from compile-time and host reads", () => {
    const g = graph(
      "g",
      ["x", "training"],
      [
        node("Add", ["x", "x"], ["a"]),
        node("Add", ["x", "x"], ["dead"]),
        node("Add", ["a", "x"], ["s"]),
        node("Shape", ["a", "s"], ["b"]),
        node("Flag", ["b", "training"], ["c", ""]),
      ],
      ["c"],
    );
    expectSameAnswers(g, LOWERINGS);
    const a = analyze(g, LOWERINGS);
    expect(g.nodes.map((_, k) => a.isLive(g, k))).toEqual([true, false, true, true, true]);
    expect(a.isUsed("s") && !a.isTensorUse("s")).toBe(true);
    expect(a.isUsed("training") && !a.isTensorUse("training")).toBe(true);
    expect(a.isUsed("dead")).toBe(false);
  });

  it("does not need what only a lifted node (computed in deriveGraph) reads", () => {
    // `k` is a Constant read only by the lifted `d` (read from `weights` instead), so it
    // is not created per call; `x` is still needed by the live Add.
    const g = graph(
      "g",
      ["x"],
      [node("Constant", [], ["k"]), node("Add", ["k", "k"], ["d"]), node("Add", ["x", "d"], ["y"])],
      ["y"],
    );
    const plain = analyze(g, LOWERINGS);
    expect(plain.isTensorUse("k")).toBe(true);
    const lifted = analyze(g, LOWERINGS, (_, n) => n.outputs.includes("d"));
    expect(lifted.isUsed("k")).toBe(false);
    expect(lifted.isTensorUse("d") && lifted.isTensorUse("x")).toBe(true);
  });

  it("keeps a body's sets apart from the enclosing graph's when names repeat", () => {
    // The body defines `h` and `t` as the outer graph does, reads the outer `w` and `u`
    // (so they are live outside), and leaves its own `unused` dead.
    const body = graph(
      "body",
      ["h"],
      [
        node("Add", ["h", "w"], ["t"]),
        node("Add", ["t", "u"], ["h2"]),
        node("Add", ["h", "h"], ["unused"]),
      ],
      ["h2"],
    );
    const outer = graph(
      "outer",
      ["x"],
      [
        node("Add", ["x", "x"], ["w"]),
        node("Add", ["x", "x"], ["u"]),
        node("Add", ["x", "x"], ["t"]),
        node("Add", ["x", "x"], ["h"]),
        node("Scan", ["h"], ["y"], { body: { kind: "graph", value: body } }),
        node("Add", ["y", "t"], ["out"]),
        node("Add", ["x", "x"], ["never"]),
      ],
      ["out"],
    );
    expectSameAnswers(outer, LOWERINGS);
    const a = analyze(outer, LOWERINGS);
    expect(outer.nodes.map((_, k) => a.isLive(outer, k))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
    expect(body.nodes.map((_, k) => a.isLive(body, k))).toEqual([true, true, false]);
  });

  it("emits a graph whose function is longer than an argument list can be", () => {
    // 200,000 statements: copying them with push(...lines), as the emitter once did,
    // exceeds the call stack (a 6,000-layer Transformer did).
    const n = 200_000;
    const nodes = Array.from({ length: n }, (_, i) =>
      node("Identity", [i === 0 ? "x" : `v${i - 1}`], [`v${i}`]),
    );
    const source = emitGraphFunction(
      graph("long", ["x"], nodes, [`v${n - 1}`]),
      "f",
      new Set(),
      new Set(),
    );
    expect(source.split("\n").length).toBeGreaterThan(n);
    expect(source).toContain(`const v${n - 1} = v${n - 2};`);
  });
});
