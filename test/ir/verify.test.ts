/** The verifier finds each class of problem in a corrupted copy of a good module. */
import { describe, expect, it } from "vitest";
import { verifyGraph, verifyModule } from "../../src/ir/verify.js";
import type { Graph, IrModule, Node } from "../../src/ir/types.js";
import { clone, tinyModule } from "./fixtures.js";

/** Corrupts a copy of the tiny module and returns the verifier's problems. */
function problemsAfter(corrupt: (m: IrModule) => void): string[] {
  const m = clone(tinyModule());
  corrupt(m);
  return verifyModule(m);
}

function node(g: Graph, op: string, nth = 0): Node {
  const n = g.nodes.filter((x) => x.op === op)[nth];
  if (n === undefined) throw new Error(`no ${op} #${nth} in ${g.name}`);
  return n;
}

function scanBody(m: IrModule): Graph {
  const a = node(m.graphs.decode, "Scan").attrs["body"];
  if (a?.kind !== "graph") throw new Error("no body");
  return a.value;
}

describe("verifyModule", () => {
  it("accepts a well-formed module", () => {
    expect(verifyModule(tinyModule())).toEqual([]);
  });

  describe("SSA", () => {
    it("finds a value defined twice", () => {
      const ps = problemsAfter((m) => {
        node(m.graphs.decode_step, "Identity").outputs = ["logits"];
        delete m.graphs.decode_step.values["next/state/h"];
      });
      expect(ps.some((p) => p.includes('"logits" is defined more than once'))).toBe(true);
    });

    it("finds a node output that shadows a parameter", () => {
      const ps = problemsAfter((m) => {
        const n = node(m.graphs.encode, "Gather");
        const old = n.outputs[0]!;
        n.outputs = ["encoder/proj/weight"];
        node(m.graphs.encode, "MatMul").inputs[0] = "encoder/proj/weight";
        m.graphs.encode.values["encoder/proj/weight"] = m.graphs.encode.values[old]!;
        delete m.graphs.encode.values[old];
      });
      expect(ps.some((p) => p.includes("defined more than once"))).toBe(true);
    });

    it("finds a use before the definition, naming the defining node", () => {
      const ps = problemsAfter((m) => m.graphs.encode.nodes.reverse());
      expect(ps).toContainEqual(
        expect.stringMatching(
          /graph encode, node #0 MatMul \(encoder\/proj\): input 0 .* is used before it is defined \(by node #1\)/,
        ),
      );
    });

    it("finds an undefined input", () => {
      const ps = problemsAfter((m) => (node(m.graphs.encode, "MatMul").inputs[1] = "nowhere"));
      expect(ps).toContainEqual(expect.stringContaining('input 1 "nowhere" is not defined'));
    });

    it("finds an undefined graph output", () => {
      const ps = problemsAfter((m) => (m.graphs.encode.outputs[0]!.name = "ghost"));
      expect(ps).toContainEqual(expect.stringContaining('output "ghost" is not defined'));
    });

    it("lets a Scan body read outer values and parameters, but not later ones", () => {
      expect(verifyModule(tinyModule())).toEqual([]);
      const ps = problemsAfter((m) => {
        const body = scanBody(m);
        // `logits` is defined after the Scan in the enclosing graph.
        body.nodes[0]!.inputs[1] = "logits";
        body.values["logits"] = m.graphs.decode.values["logits"]!;
      });
      expect(ps).toContainEqual(
        expect.stringMatching(/body graph "decoder_cell", node #0 Add .*"logits" is not defined/),
      );
    });
  });

  describe("ops and attributes", () => {
    it("finds an unknown op", () => {
      const ps = problemsAfter((m) => (node(m.graphs.encode, "MatMul").op = "Matmul"));
      expect(ps).toContainEqual(expect.stringContaining('unknown op "Matmul"'));
    });

    it("finds an input count out of range", () => {
      const ps = problemsAfter((m) => node(m.graphs.encode, "MatMul").inputs.pop());
      expect(ps).toContainEqual(expect.stringContaining("has 1 inputs, MatMul takes 2"));
    });

    it("finds an omitted required input", () => {
      const ps = problemsAfter((m) => (node(m.graphs.encode, "MatMul").inputs[0] = ""));
      expect(ps).toContainEqual(expect.stringContaining("required input 0 is omitted"));
    });

    it("finds an output count out of range", () => {
      const ps = problemsAfter((m) => node(m.graphs.encode, "MatMul").outputs.push("extra"));
      expect(ps).toContainEqual(expect.stringContaining("has 2 outputs, MatMul gives 1"));
    });

    it("finds a missing required attribute", () => {
      const ps = problemsAfter(
        (m) => delete node(m.graphs.decode, "Scan").attrs["num_scan_inputs"],
      );
      expect(ps).toContainEqual(
        expect.stringContaining("missing required attribute num_scan_inputs"),
      );
    });

    it("finds an attribute of the wrong kind", () => {
      const ps = problemsAfter(
        (m) => (node(m.graphs.encode, "Gather").attrs["axis"] = { kind: "string", value: "0" }),
      );
      expect(ps).toContainEqual(expect.stringContaining("attribute axis is string, expected int"));
    });

    it("finds an attribute the op does not have", () => {
      const ps = problemsAfter(
        (m) => (node(m.graphs.encode, "MatMul").attrs["transB"] = { kind: "int", value: 1 }),
      );
      expect(ps).toContainEqual(expect.stringContaining("MatMul has no attribute transB"));
    });

    it("finds a malformed constant tensor", () => {
      const ps = problemsAfter((m) => {
        const a = node(m.graphs.decode_step, "Constant").attrs["value"];
        if (a?.kind === "tensor") a.value.data.push(2);
      });
      expect(ps).toContainEqual(expect.stringContaining("holds 2 values but dims [1] need 1"));
    });
  });

  describe("types", () => {
    it("finds a value typed differently from what its op infers", () => {
      const ps = problemsAfter(
        (m) => (m.graphs.encode.values["memory"] = { dtype: "float32", shape: ["B", "T", 8] }),
      );
      expect(ps).toContainEqual(
        expect.stringContaining('values types "memory" as float32[B,T,8] but it is float32[B,S,8]'),
      );
    });

    it("compares dims in normal form", () => {
      const m = clone(tinyModule());
      m.graphs.encode.values["memory"] = { dtype: "float32", shape: [" B ", "S+0", 8] };
      m.graphs.encode.outputs[0]!.shape = [" B ", "S+0", 8];
      expect(verifyModule(m)).toEqual([]);
    });

    it("finds a shape rule that fails (a parameter of the wrong shape)", () => {
      const ps = problemsAfter(
        (m) => (m.params.find((p) => p.name === "encoder/proj/weight")!.shape = [7, 8]),
      );
      expect(ps).toContainEqual(
        expect.stringContaining("shape inference fails: MatMul: inner sizes differ"),
      );
    });

    it("finds a graph output declared with the wrong type", () => {
      const ps = problemsAfter((m) => (m.graphs.encode.outputs[0]!.dtype = "int32"));
      expect(ps).toContainEqual(
        expect.stringContaining('output "memory" is declared int32[B,S,8] but is float32[B,S,8]'),
      );
    });

    it("finds a value without a type", () => {
      const ps = problemsAfter((m) => delete m.graphs.encode.values["memory"]);
      expect(ps).toContainEqual(expect.stringContaining('"memory" has no entry in values'));
    });

    it("finds a read of a parameter the graph does not type", () => {
      const ps = problemsAfter((m) => delete m.graphs.encode.values["encoder/proj/weight"]);
      expect(ps).toContainEqual(
        expect.stringContaining(
          'reads "encoder/proj/weight" from the enclosing scope but values does not type it',
        ),
      );
    });

    it("finds a stale values entry", () => {
      const ps = problemsAfter(
        (m) => (m.graphs.encode.values["gone"] = { dtype: "float32", shape: [1] }),
      );
      expect(ps).toContainEqual(
        expect.stringContaining('values types "gone", which the graph neither defines nor reads'),
      );
    });

    it("finds bad dims and dtypes", () => {
      const ps = problemsAfter((m) => {
        m.graphs.encode.inputs[0]!.shape = ["B", "Q"];
        m.graphs.encode.values["src"] = { dtype: "int32", shape: ["B", "Q"] };
      });
      expect(ps).toContainEqual(expect.stringContaining('uses unknown symbol "Q"'));
      const ps2 = problemsAfter((m) => (m.graphs.encode.inputs[0]!.shape = ["B", -1]));
      expect(ps2).toContainEqual(expect.stringContaining("dim -1 is not a non-negative integer"));
      const ps3 = problemsAfter((m) => (m.graphs.encode.inputs[0]!.shape = ["B", "S*T"]));
      expect(ps3).toContainEqual(expect.stringContaining('dim "S*T" is not a linear expression'));
    });
  });

  describe("Scan", () => {
    it("verifies the body recursively, naming the nested path", () => {
      const ps = problemsAfter((m) => (scanBody(m).nodes[1]!.op = "MatMull"));
      expect(ps).toContainEqual(
        'graph decode, node #3 Scan (decoder/cell), body graph "decoder_cell", node #1 MatMull (decoder/cell): unknown op "MatMull"',
      );
    });

    it("finds a body whose state input does not match what the Scan feeds", () => {
      const ps = problemsAfter((m) => {
        const body = scanBody(m);
        body.inputs[0]!.shape = ["B", 9];
        body.values["cell/h"] = { dtype: "float32", shape: ["B", 9] };
      });
      expect(ps).toContainEqual(
        expect.stringContaining("state 0 is float32[B,8] but the body takes float32[B,9]"),
      );
    });

    it("finds a state that changes type around the loop", () => {
      const ps = problemsAfter((m) => {
        const body = scanBody(m);
        body.outputs[0]!.dtype = "int32";
      });
      expect(ps).toContainEqual(
        expect.stringContaining("body state 0 goes in as float32[B,8] but comes out as int32[B,8]"),
      );
    });
  });

  describe("module", () => {
    it("finds duplicate parameters and bad parameter shapes", () => {
      const ps = problemsAfter((m) => {
        m.params.push(clone(m.params[0]!));
        m.params[1]!.shape = [10, 0];
      });
      expect(ps).toContainEqual('parameter "source/embedding/weight": declared more than once');
      expect(ps).toContainEqual(
        expect.stringContaining(
          'parameter "target/embedding/weight": shape [10, 0] must hold positive integers',
        ),
      );
    });

    it("finds a parameter whose name is not under its path", () => {
      const ps = problemsAfter((m) => (m.params[0]!.path = "target/embedding"));
      expect(ps).toContainEqual(expect.stringContaining("name does not start with its path"));
    });

    it("finds a missing entry point", () => {
      const ps = problemsAfter((m) => delete (m.graphs as Partial<IrModule["graphs"]>).decode_step);
      expect(ps).toContainEqual("module: the decode_step graph is missing");
    });

    it("finds decoder state that decode_step does not thread", () => {
      const ps = problemsAfter((m) =>
        m.config.state.push({ name: "state/c", shape: ["B", 8], init: "encoder" }),
      );
      expect(ps).toContainEqual('config: state "state/c": is not an input of decode_step');
      expect(ps).toContainEqual(
        'config: state "state/c": decode_step has no output "next/state/c"',
      );
      expect(ps).toContainEqual(
        'config: state "state/c": starts from the encoder but is not an output of encode',
      );
    });

    it("finds layer rows listed twice", () => {
      const ps = problemsAfter((m) => m.layers.push(clone(m.layers[0]!)));
      expect(ps).toContainEqual('layer "source/embedding": listed more than once');
    });

    it("never throws, even on structurally broken input", () => {
      const m = clone(tinyModule()) as unknown as { graphs: { encode: { nodes: unknown } } };
      m.graphs.encode.nodes = 42;
      const ps = verifyModule(m as unknown as IrModule);
      expect(ps.length).toBeGreaterThan(0);
      expect(ps[0]).toContain("malformed IR");
    });
  });
});

describe("verifyGraph", () => {
  it("verifies one graph against an outer scope", () => {
    const m = tinyModule();
    const none = { typeOf: () => undefined, constOf: () => undefined };
    const ps = verifyGraph(m.graphs.encode, none);
    // Without the parameter table the weights are undefined.
    expect(ps).toContainEqual(expect.stringContaining('"source/embedding/weight" is not defined'));
  });
});
