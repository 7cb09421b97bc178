/** `--ir`: op counts per entry point and per layer, through the pass-pipeline hook. */
import { describe, expect, it } from "vitest";
import type { IrModule } from "../../src/ir/types.js";
import { diffFixtures } from "./helpers.js";

describe("op-graph comparison", () => {
  it("counts the ops an inserted layer adds, under that layer only", () => {
    const d = diffFixtures(["stacks.s2s", "stack6"], ["stacks.s2s", "inserted"], {
      ir: { passes: [], run: (m) => m },
    });
    const ir = d.ir!;
    expect(ir.passes).toEqual([]);
    expect(ir.graphs.encode.ops["GRU"]).toMatchObject({
      before: 0,
      after: 1,
      delta: 1,
      relative: null,
    });
    expect(ir.graphs.encode.ops["LSTM"]!.delta).toBe(0);
    expect(ir.graphs.decode.nodes.delta).toBe(0);
    expect(ir.graphs.encode.fused).toEqual({});
    // The renumbered LSTMs after the GRU are paired with their old selves: no change there.
    expect(ir.paths.map((p) => [p.status, p.graph, p.path])).toEqual([
      ["added", "encode", "encoder/layer3/gru"],
    ]);
    expect(ir.paths[0]!.ops["GRU"]!.delta).toBe(1);
  });

  it("counts the nodes of Scan bodies (a recurrent decoder's step)", () => {
    const d = diffFixtures(["attention.s2s", "dot_scores"], ["attention.s2s", "general_scores"], {
      ir: { passes: [], run: (m) => m },
    });
    const changed = d.ir!.paths.filter((p) => p.path === "decoder/layer1/attention");
    expect(changed.length).toBeGreaterThan(0);
    expect(changed.every((p) => p.status === "changed")).toBe(true);
    // `general` adds the q·W product: one more MatMul wherever the attention runs.
    for (const p of changed) expect(p.ops["MatMul"]!.delta).toBe(1);
  });

  it("runs both modules through the pipeline hook and reports its passes", () => {
    const seen: string[] = [];
    // A stand-in pass: drops every Identity node, as a cleanup pass would.
    const run = (m: IrModule): IrModule => {
      seen.push(m.model);
      const graphs = Object.fromEntries(
        Object.entries(m.graphs).map(([k, g]) => [
          k,
          { ...g, nodes: g.nodes.filter((n) => n.op !== "Identity") },
        ]),
      ) as IrModule["graphs"];
      return { ...m, graphs };
    };
    const d = diffFixtures(["stacks.s2s", "stack6"], ["stacks.s2s", "stack7"], {
      ir: { passes: ["drop-identity"], run },
    });
    expect(seen).toEqual(["stack6", "stack7"]);
    expect(d.ir!.passes).toEqual(["drop-identity"]);
    expect(d.ir!.graphs.encode.ops["Identity"]).toBeUndefined();
  });

  it("makes op-count differences part of equality", () => {
    // The same model, with the pipeline changing only the after side: not equal.
    let n = 0;
    const run = (m: IrModule): IrModule =>
      n++ === 0
        ? m
        : {
            ...m,
            graphs: {
              ...m.graphs,
              encode: { ...m.graphs.encode, nodes: m.graphs.encode.nodes.slice(1) },
            },
          };
    const d = diffFixtures(["stacks.s2s", "stack6"], ["stacks.s2s", "stack6"], {
      ir: { passes: ["x"], run },
    });
    expect(d.settings).toEqual([]);
    expect(d.layers).toEqual([]);
    expect(d.equal).toBe(false);
  });
});
