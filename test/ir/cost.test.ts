/** MAC counting on small hand-built graphs, per-token figures and parameter counts. */
import { describe, expect, it } from "vitest";
import { GraphBuilder, int, ints, str, uniqueNames } from "../../src/ir/builder.js";
import {
  bindPoly,
  costBreakdown,
  graphMacs,
  nodeCosts,
  paramCounts,
  sectionOf,
  tokenCosts,
} from "../../src/ir/cost.js";
import { Poly } from "../../src/ir/dims.js";
import { OPS } from "../../src/ir/ops/index.js";
import { clone, D, Params, tinyModule, V } from "./fixtures.js";

function terms(p: Poly): Record<string, number> {
  return p.toJSON();
}

describe("graphMacs", () => {
  it("counts a MatMul [B,S,512]×[512,2048] as 1048576·B·S", () => {
    const params = new Params();
    const w = params.add("ffn", "w", [512, 2048]);
    const b = new GraphBuilder("g", params);
    b.op("MatMul", "ffn", [b.input("x", "float32", ["B", "S", 512]), w]);
    expect(terms(graphMacs(b.finish()))).toEqual({ "B*S": 1048576 });
  });

  it("counts Gemm with and without transposes", () => {
    const params = new Params();
    const w = params.add("fc", "w", [64, 32]);
    const b = new GraphBuilder("g", params);
    const x = b.input("x", "float32", [16, 32]);
    b.op("Gemm", "fc", [x, w], { transB: int(1) });
    expect(terms(graphMacs(b.finish()))).toEqual({ "": 16 * 64 * 32 });
  });

  it("counts an LSTM's input and recurrent gate matmuls, both directions", () => {
    const params = new Params();
    const w = params.add("enc", "W", [2, 4 * 32, 16]);
    const r = params.add("enc", "R", [2, 4 * 32, 32]);
    const b = new GraphBuilder("g", params);
    const x = b.input("x", "float32", ["S", "B", 16]);
    b.node("LSTM", "enc", [x, w, r], { hidden_size: int(32), direction: str("bidirectional") }, 2);
    // dirs · 4 gates · H · (in + H) per step and batch row.
    expect(terms(graphMacs(b.finish()))).toEqual({ "B*S": 2 * 4 * 32 * (16 + 32) });
  });

  it("counts a GRU with 3 gates", () => {
    const params = new Params();
    const w = params.add("enc", "W", [1, 3 * 8, 8]);
    const r = params.add("enc", "R", [1, 3 * 8, 8]);
    const b = new GraphBuilder("g", params);
    b.node(
      "GRU",
      "enc",
      [b.input("x", "float32", ["S", "B", 8]), w, r],
      { hidden_size: int(8) },
      1,
    );
    expect(terms(graphMacs(b.finish()))).toEqual({ "B*S": 3 * 8 * 16 });
  });

  it("counts Attention's two batched matmuls", () => {
    const b = new GraphBuilder("g", new Params());
    const q = b.input("q", "float32", ["B", "T", 64]);
    const kv = b.input("kv", "float32", ["B", "S", 64]);
    b.op("Attention", "att", [q, kv, kv], { q_num_heads: int(4), kv_num_heads: int(4) });
    // Q·Kᵀ: B·4·T·S·16, weights·V: B·4·T·S·16.
    expect(terms(graphMacs(b.finish()))).toEqual({ "B*S*T": 128 });
  });

  it("counts nothing for elementwise, normalisation and shape ops", () => {
    const params = new Params();
    const b = new GraphBuilder("g", params);
    const x = b.input("x", "float32", ["B", "S", 8]);
    const y = b.op("Relu", "act", [b.op("Add", "res", [x, x])]);
    const z = b.op("Softmax", "sm", [y], { axis: int(-1) });
    b.op("Transpose", "t", [z], { perm: ints([0, 2, 1]) });
    expect(graphMacs(b.finish()).isZero()).toBe(true);
  });

  it("expands a Scan: body MACs times the steps, attributed to the body's nodes", () => {
    const m = tinyModule();
    const costs = nodeCosts(m.graphs.decode).map((c) => [c.path, c.op, c.macs.toString()]);
    expect(costs).toEqual([
      ["decoder/attention", "Attention", `${2 * D}*B*S*T`],
      ["decoder/cell", "MatMul", `${D * D}*B*T`],
      ["output", "MatMul", `${D * V}*B*T`],
    ]);
    // The op table's own Scan count agrees (cost.ts installs the body counter).
    const scan = m.graphs.decode.nodes.find((n) => n.op === "Scan")!;
    const macs = OPS["Scan"]!.macs!(
      { inputs: scan.inputs.map((n) => m.graphs.decode.values[n]), attrs: scan.attrs, consts: [] },
      [],
    );
    expect(macs.toString()).toBe(`${D * D}*B*T`);
  });

  it("counts nested Scans (steps multiply)", () => {
    const params = new Params();
    const w = params.add("cell", "w", [4, 4]);
    const names = uniqueNames();
    const outer = new GraphBuilder("g", params, names);
    const h = outer.input("h", "float32", ["B", 4]);
    const xs = outer.input("xs", "float32", ["T", "S", "B", 4]);
    const inner = new GraphBuilder("inner", outer, names);
    const ih = inner.input("ih", "float32", ["B", 4]);
    const ix = inner.input("ix", "float32", ["B", 4]);
    inner.node("MatMul", "cell", [inner.op("Add", "cell", [ih, ix]), w], {}, ["ih2"]);
    inner.output("ih2");
    const mid = new GraphBuilder("mid", outer, names);
    const mh = mid.input("mh", "float32", ["B", 4]);
    const mx = mid.input("mx", "float32", ["S", "B", 4]);
    const innerGraph = inner.finish();
    mid.node(
      "Scan",
      "cell",
      [mh, mx],
      { body: { kind: "graph", value: innerGraph }, num_scan_inputs: int(1) },
      ["mh2"],
    );
    mid.output("mh2");
    outer.node(
      "Scan",
      "cell",
      [h, xs],
      { body: { kind: "graph", value: mid.finish() }, num_scan_inputs: int(1) },
      1,
    );
    expect(terms(graphMacs(outer.finish()))).toEqual({ "B*S*T": 16 });
  });
});

describe("bindPoly", () => {
  it("binds some symbols and keeps the rest", () => {
    const p = Poly.of("B").mul(Poly.of("S")).scale(3).add(Poly.of("T").scale(2)).add(Poly.of(5));
    expect(terms(bindPoly(p, { B: 2 }))).toEqual({ S: 6, T: 2, "": 5 });
    expect(terms(bindPoly(p, { B: 1, S: 4, T: 1 }))).toEqual({ "": 19 });
  });
});

describe("tokenCosts", () => {
  it("defines per source, target and generated token at B = 1 and length L", () => {
    const t = tokenCosts(tinyModule(), 4);
    // encode: Gather + MatMul D×D per source position.
    expect(t.encode.toString()).toBe(`${D * D}*S`);
    expect(t.perSourceToken).toBe(D * D);
    // decode: attention 2D·S·T, cell D²·T, output D·V·T.
    expect(t.perTargetToken).toBe(2 * D * 4 + D * D + D * V);
    // decode_step: one query: 2D·S + D² + D·V, the same at every prefix here.
    expect(t.decodeStep.toString()).toBe(`${2 * D}*S + ${D * D + D * V}`);
    expect(t.perGeneratedToken).toBe(2 * D * 4 + D * D + D * V);
  });

  it("averages a step that grows with the prefix over P = 0..L-1", () => {
    const m = clone(tinyModule());
    // Make the step attend over a cache of P+1 positions: kv [B, P+1, D].
    const st = m.graphs.decode_step;
    const att = st.nodes.find((n) => n.op === "Attention")!;
    st.inputs.push({ name: "cache", dtype: "float32", shape: ["B", "P+1", D] });
    st.values["cache"] = { dtype: "float32", shape: ["B", "P+1", D] };
    att.inputs[1] = "cache";
    att.inputs[2] = "cache";
    const t = tokenCosts(m, 4);
    // 2D·(P+1) averaged over P = 0..3 is 2D·2.5.
    expect(t.perGeneratedToken).toBe(2 * D * 2.5 + D * D + D * V);
  });
});

describe("costBreakdown", () => {
  it("groups per-token MACs by section", () => {
    const b = costBreakdown(tinyModule(), 4, (p) => [sectionOf(p)]);
    expect([...b.perSourceToken]).toEqual([["encoder", D * D]]);
    expect(Object.fromEntries(b.perTargetToken)).toEqual({
      decoder: 2 * D * 4 + D * D,
      output: D * V,
    });
  });
});

describe("paramCounts", () => {
  it("counts trainable parameters by section, buffers apart, and bytes of both", () => {
    const c = paramCounts(tinyModule());
    expect(c.trainable).toBe(V * D + V * D + D * D + D * D + D * V);
    expect(c.bySection).toEqual([
      ["source", V * D],
      ["target", V * D],
      ["encoder", D * D],
      ["decoder", D * D],
      ["output", D * V],
    ]);
    expect(c.buffers).toBe(16 * D);
    expect(c.bufferBytes).toBe(4 * 16 * D);
    expect(c.weightBytes).toBe(4 * (c.trainable + c.buffers));
  });
});

describe("per generated token", () => {
  it("sums powers of P in closed form, matching a direct sum", () => {
    const m = clone(tinyModule());
    const st = m.graphs.decode_step;
    const att = st.nodes.find((n) => n.op === "Attention")!;
    st.inputs.push({ name: "cache", dtype: "float32", shape: ["B", "2*P+3", D] });
    st.values["cache"] = { dtype: "float32", shape: ["B", "2*P+3", D] };
    att.inputs[1] = "cache";
    att.inputs[2] = "cache";
    // A term in P² (a [P,P]×[P,4] product): 4·P² MACs.
    st.inputs.push(
      { name: "pp", dtype: "float32", shape: ["P", "P"] },
      { name: "p4", dtype: "float32", shape: ["P", 4] },
    );
    st.values["pp"] = { dtype: "float32", shape: ["P", "P"] };
    st.values["p4"] = { dtype: "float32", shape: ["P", 4] };
    st.values["ppp"] = { dtype: "float32", shape: ["P", 4] };
    st.nodes.push({
      op: "MatMul",
      path: "extra",
      inputs: ["pp", "p4"],
      outputs: ["ppp"],
      attrs: {},
    });
    expect(tokenCosts(m, 3).decodeStep.toJSON()["P*P"]).toBe(4);
    for (const L of [1, 7, 1000]) {
      const t = tokenCosts(m, L);
      let direct = 0;
      for (let p = 0; p < L; p++) direct += t.decodeStep.eval({ B: 1, S: L, P: p });
      expect(t.perGeneratedToken).toBeCloseTo(direct / L, 6);
    }
  });
});
