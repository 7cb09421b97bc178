/** The text form of the IR: what a reader sees for nodes, attributes and nested bodies. */
import { describe, expect, it } from "vitest";
import { GraphBuilder, int, str } from "../../src/ir/builder.js";
import { printGraph, printModule, value } from "../../src/ir/print.js";
import { Params, tinyModule } from "./fixtures.js";

describe("printModule", () => {
  const text = printModule(tinyModule());
  const lines = text.split("\n");

  it("is deterministic", () => {
    expect(printModule(tinyModule())).toBe(text);
  });

  it("starts with the model, config, state and parameters", () => {
    expect(lines[0]).toBe("module tiny  # tiny.s2s, irVersion 1");
    expect(text).toContain("state: %state/h: [B,8] (init zeros)");
    expect(text).toContain(
      "  %encoder/proj/weight: float32[8,8]  # projection, glorot_uniform(fanIn=8, fanOut=8)",
    );
    expect(text).toContain(
      "  %source/position/table: float32[16,8]  # position, sinusoidal, not trainable",
    );
  });

  it("prints a node as `%out: type = Op(%in, ...) {attrs}  # path`", () => {
    expect(lines).toContain(
      "  %memory: float32[B,S,8] = MatMul(%source/embedding/Gather, %encoder/proj/weight)  # encoder/proj",
    );
    expect(lines).toContain(
      "  %decoder/attention/Attention: float32[B,T,8] = Attention(%target/embedding/Gather, %memory, %memory) {kv_num_heads=1, q_num_heads=1}  # decoder/attention",
    );
    expect(lines).toContain(
      "  %decoder/attention/Constant: int64[1] = Constant() {value=int64[1] {1}}  # decoder/attention",
    );
  });

  it("writes a short signature on one line and a long one a value per line", () => {
    expect(lines).toContain("graph encode(%src: int32[B,S]) -> (%memory: float32[B,S,8]) {");
    const i = lines.indexOf("graph decode(");
    expect(lines.slice(i, i + 8)).toEqual([
      "graph decode(",
      "    %memory: float32[B,S,8],",
      "    %tgt: int32[B,T],",
      "    %state/h: float32[B,8]",
      ") -> (",
      "    %logits: float32[B,T,10]",
      ") {",
      "  %target/embedding/Gather: float32[B,T,8] = Gather(%target/embedding/weight, %tgt) {axis=0}  # target/embedding",
    ]);
  });

  it("indents a Scan body under its node", () => {
    const i = lines.findIndex((l) => l.includes("= Scan("));
    expect(lines[i]).toBe(
      "  %decoder/cell/Scan: float32[B,8], %decoder/cell/Scan_1: float32[T,B,8] = Scan(%state/h, %decoder/cell/Transpose) {num_scan_inputs=1}  # decoder/cell",
    );
    expect(lines[i + 1]).toBe("    body = graph decoder_cell(");
    expect(lines).toContain(
      "      %decoder/cell/Add: float32[B,8] = Add(%cell/h, %cell/x)  # decoder/cell",
    );
    expect(lines).toContain("      return %cell/h_next, %cell/y");
    expect(lines).toContain("    }");
  });
});

describe("printGraph", () => {
  it("shows omitted inputs and outputs as `_`, strings quoted, floats as floats", () => {
    const params = new Params();
    const w = params.add("enc", "W", [1, 16, 4]);
    const r = params.add("enc", "R", [1, 16, 4]);
    const b = new GraphBuilder("g", params);
    const x = b.input("x", "float32", ["S", "B", 4]);
    const h0 = b.input("h0", "float32", [1, "B", 4]);
    b.node(
      "LSTM",
      "enc",
      [x, w, r, undefined, undefined, h0],
      { hidden_size: int(4), direction: str("forward") },
      ["y", ""],
    );
    b.node(
      "LayerNormalization",
      "enc/norm",
      ["y", params.add("enc/norm", "scale", [4])],
      {
        epsilon: { kind: "float", value: 1 },
      },
      ["z"],
    );
    const text = printGraph(b.finish());
    expect(text).toContain(
      '  %y: float32[S,1,B,4], _ = LSTM(%x, %enc/W, %enc/R, _, _, %h0) {direction="forward", hidden_size=4}  # enc',
    );
    expect(text).toContain("{epsilon=1.0}");
  });

  it("quotes names outside the path alphabet", () => {
    expect(value("encoder/layer0/q_proj/MatMul_1")).toBe("%encoder/layer0/q_proj/MatMul_1");
    expect(value("a b")).toBe('%"a b"');
  });
});
