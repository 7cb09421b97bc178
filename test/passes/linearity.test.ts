/**
 * The pass manager's sharing and the passes' linearity (issue #10), without timing:
 * a pipeline never writes the module it is given (it shares its nodes and `values`
 * tables, and retypes a graph once, when it is done with it), the helpers behave as
 * passes rely on, and the work of -O2 — counted as hash-table operations — grows in
 * proportion to the model.
 */
import { describe, expect, it } from "vitest";
import { generateDeepTransformer } from "../../bench/spec-generator.js";
import { irToJson } from "../../src/ir/json.js";
import type { Graph, IrModule } from "../../src/ir/types.js";
import { eachGraph, makeNode, Namer, openPipeline, useCountsOf } from "../../src/passes/graph.js";
import { copyForPasses } from "../../src/passes/manager.js";
import { PASSES, passesForLevel, runPipeline, type Pass } from "../../src/passes/index.js";
import { modulesOf, specTable } from "./helpers.js";

const [tiny] = modulesOf("specs/tiny/transformer_tiny.s2s");

/** Freezes every object reachable from `x`, so that any write to it throws. */
function deepFreeze<T>(x: T, seen = new Set<unknown>()): T {
  if (typeof x !== "object" || x === null || seen.has(x)) return x;
  seen.add(x);
  for (const v of Object.values(x)) deepFreeze(v, seen);
  return Object.freeze(x);
}

function nodeCount(m: IrModule): number {
  return Object.values(m.graphs).reduce((n, g) => n + g.nodes.length, 0);
}

describe("runPipeline", () => {
  it("never writes the module it is given, whose nodes and values tables it shares", () => {
    for (const { name, module } of specTable()) {
      const plain = structuredClone(module);
      const frozen = deepFreeze(structuredClone(module));
      for (const passes of [passesForLevel(2), ...PASSES.map((p) => [p])]) {
        const a = runPipeline(frozen, passes, { verifyEach: true });
        const b = runPipeline(plain, passes);
        if ("error" in a) throw new Error(`${name}: ${a.error}: ${a.problems.join("; ")}`);
        if ("error" in b) throw new Error(`${name}: ${b.error}`);
        expect(irToJson(a.module), name).toBe(irToJson(b.module));
        // The result owns its tables: writing them leaves the input alone.
        for (const k of ["encode", "decode", "decode_step"] as const) {
          expect(Object.isFrozen(b.module.graphs[k].values)).toBe(false);
          expect(b.module.graphs[k].values).not.toBe(plain.graphs[k].values);
        }
      }
    }
  });

  it("types the values one pass makes for the next, through eachGraph", () => {
    const seen: boolean[] = [];
    const probe: Pass = {
      name: "probe",
      categories: ["opaque"],
      level: 2,
      doc: "records whether the merged weights merge-projections made are typed",
      run: (m) =>
        eachGraph(m, (g, types) => {
          const cat = g.nodes.find((n) => n.outputs[0]?.endsWith("/merged_weight") === true);
          if (cat !== undefined) seen.push(types.of(cat.outputs[0]!)?.shape.length === 2);
          return false;
        }),
    };
    const merge = PASSES.find((p) => p.name === "merge-projections")!;
    for (const verifyEach of [false, true]) {
      const r = runPipeline(tiny!, [merge, probe], { verifyEach });
      if ("error" in r) throw new Error(r.error);
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((x) => x)).toBe(true);
  });
});

describe("graph helpers", () => {
  it("eachGraph outside a pipeline retypes a changed graph at once", () => {
    const m = copyForPasses(tiny!);
    const before = m.graphs.encode.values;
    eachGraph(m, (g, types) => {
      if (g !== m.graphs.encode) return false;
      const n = g.nodes.find((x) => x.op === "Relu")!;
      const out = "encode/probe/Relu";
      g.nodes.push(makeNode(types, "Relu", "probe", [n.outputs[0]!], {}, [out]));
      g.outputs.push({ name: out, ...types.of(out)! });
      return true;
    });
    expect(m.graphs.encode.values).not.toBe(before);
    expect(m.graphs.encode.values["encode/probe/Relu"]).toEqual(
      before[m.graphs.encode.nodes.find((x) => x.op === "Relu")!.outputs[0]!],
    );
    expect(tiny!.graphs.encode.values["encode/probe/Relu"]).toBeUndefined();
  });

  it("makeNode reads a Constant input when the shape rule needs it", () => {
    const m = copyForPasses(tiny!);
    const open = openPipeline(m, true);
    let shape: unknown;
    eachGraph(m, (g: Graph, types) => {
      if (g !== m.graphs.encode) return false;
      const x = g.nodes.find((n) => n.op === "Relu")!.outputs[0]!;
      const t = types.of(x)!;
      const c = makeNode(
        types,
        "Constant",
        "probe",
        [],
        {
          value: { kind: "tensor", value: { dtype: "int64", dims: [4], data: [0, 0, 16, 16] } },
        },
        ["probe/shape"],
      );
      g.nodes.push(c);
      const r = makeNode(types, "Reshape", "probe", [x, "probe/shape"], {}, ["probe/out"]);
      shape = [t.shape.length, types.of(r.outputs[0]!)!.shape];
      return false;
    });
    open.close();
    expect(shape).toEqual([3, ["B", "S", 16, 16]]);
  });

  it("Namer with a marker makes only names containing it, unique in the module", () => {
    const m = copyForPasses(tiny!);
    const taken = m.graphs.encode.nodes[0]!.outputs[0]!;
    const namer = new Namer(m, taken);
    expect(namer.next(taken)).toBe(`${taken}_1`);
    expect(namer.next(taken)).toBe(`${taken}_2`);
    expect(() => namer.next("elsewhere")).toThrow(/marker/);
  });

  it("useCountsOf counts node inputs, Scan bodies and graph outputs of the names asked", () => {
    const g = tiny!.graphs.encode;
    const out = g.outputs[0]!.name;
    const read = g.nodes.flatMap((n) => n.inputs).filter((i) => i === out).length;
    expect(useCountsOf(g, new Set([out])).get(out)).toBe(read + 1);
    expect(useCountsOf(g, new Set()).size).toBe(0);
  });
});

describe("-O2 work grows in proportion to the model", () => {
  /** Map and Set operations (per kind) during `f`. */
  function countTableOps(f: () => void): Record<string, number> {
    const counts: Record<string, number> = { set: 0, get: 0, add: 0, has: 0 };
    const saved = {
      set: Map.prototype.set,
      get: Map.prototype.get,
      add: Set.prototype.add,
      has: Set.prototype.has,
    };
    const counting = <F extends (...a: never[]) => unknown>(k: string, fn: F): F =>
      function (this: unknown, ...a: never[]) {
        counts[k]!++;
        return fn.apply(this, a);
      } as F;
    Map.prototype.set = counting("set", saved.set);
    Map.prototype.get = counting("get", saved.get);
    Set.prototype.add = counting("add", saved.add);
    Set.prototype.has = counting("has", saved.has);
    try {
      f();
    } finally {
      Object.assign(Map.prototype, { set: saved.set, get: saved.get });
      Object.assign(Set.prototype, { add: saved.add, has: saved.has });
    }
    return counts;
  }

  it("the same table operations per IR node at 8 and 48 layers, and few inserts", () => {
    const perNode = [8, 48].map((layers) => {
      const [m] = modulesOf(`deep_${layers}.s2s`, generateDeepTransformer(layers));
      const counts = countTableOps(() => {
        const r = runPipeline(m!, passesForLevel(2));
        if ("error" in r) throw new Error(r.error);
      });
      const n = nodeCount(m!);
      return Object.fromEntries(Object.entries(counts).map(([k, v]) => [k, v / n]));
    });
    const [small, large] = perNode as [Record<string, number>, Record<string, number>];
    for (const k of Object.keys(small)) {
      // Linear work does the same per node, up to the nodes every model has (6% here);
      // work quadratic in the layers would do 6× as much per node.
      expect(large[k]! / small[k]!, k).toBeGreaterThan(0.9);
      expect(large[k]! / small[k]!, k).toBeLessThan(1.15);
    }
    // Tables keyed by every value (use counts, readers, producers per pass) made ~23
    // inserts per node; the passes now keep tables of what they match.
    expect(large["set"]! + large["add"]!).toBeLessThan(10);
  });
});
