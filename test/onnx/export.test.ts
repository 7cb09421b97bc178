/**
 * The exported files, read back from their bytes: the checker's rules (check.ts) hold for
 * every spec at -O0 and -O2, the graphs keep the IR's names, symbolic dims and weights,
 * fused ops leave only standard ONNX ops, and the checker catches what it claims to.
 */
import { describe, expect, test } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { checkOnnxModel } from "../../src/backends/onnx/check.js";
import { exportEntryProto, exportOnnx } from "../../src/backends/onnx/model.js";
import { decodeModel, encodeModel, OPSET, type ModelProto } from "../../src/backends/onnx/proto.js";
import type { Graph, IrModule } from "../../src/ir/types.js";
import { OPS } from "../../src/ir/ops/index.js";
import { exportCases } from "./helpers.js";
import { modulesOf } from "../tfjs/helpers.js";

const cases = exportCases();

function irOps(g: Graph, out = new Set<string>()): Set<string> {
  for (const n of g.nodes) {
    out.add(n.op);
    for (const a of Object.values(n.attrs)) if (a.kind === "graph") irOps(a.value, out);
  }
  return out;
}

describe("ONNX export", () => {
  test.each(cases)("%s passes the checker's rules", (_label, weightsFor, module) => {
    const files = exportOnnx(module, initWeights(weightsFor, 5));
    for (const [entry, bytes] of Object.entries(files))
      expect(checkOnnxModel(bytes), entry).toEqual([]);
  });

  test.each(cases)("%s keeps names, dims and weights", (_label, weightsFor, module) => {
    const weights = initWeights(weightsFor, 5);
    for (const entry of ["encode", "decode", "decode_step"] as const) {
      const model = decodeModel(encodeModel(exportEntryProto(module, weights, entry)));
      const g = model.graph!;
      const ir = module.graphs[entry];
      expect(model.opsetImport.map((o) => [o.domain, Number(o.version)])).toEqual([["", OPSET]]);
      // Inputs and outputs by the IR's names (the inference export drops `training`).
      expect(g.input!.map((v) => v.name)).toEqual(
        ir.inputs.filter((v) => v.name !== "training").map((v) => v.name),
      );
      expect(g.output!.map((v) => v.name)).toEqual(ir.outputs.map((v) => v.name));
      // Symbolic dims are dim_params, numbers dim_values.
      for (const [i, v] of ir.outputs.entries()) {
        const dims = g.output![i]!.type!.tensorType!.shape!.dim!;
        expect(dims.map((d) => (d.dimParam ? d.dimParam : Number(d.dimValue)))).toEqual(v.shape);
      }
      // Node names are the IR's paths (made unique with #k).
      const paths = new Set<string>();
      const collect = (gr: Graph) => {
        for (const n of gr.nodes) {
          paths.add(n.path);
          for (const a of Object.values(n.attrs)) if (a.kind === "graph") collect(a.value);
        }
      };
      collect(ir);
      for (const n of g.node!) expect(paths.has(n.name!.replace(/#\d+$/, "")), n.name!).toBe(true);
      // Only standard ops, all in the default domain.
      for (const n of g.node!) {
        expect(n.domain ?? "").toBe("");
        expect(OPS[n.opType!]?.domain ?? "", n.opType!).not.toBe("s2s");
      }
      // Initializers: the weights, bit for bit.
      for (const t of g.initializer!) {
        if (t.name === "training") continue;
        const w = weights.get(t.name!)!;
        // A copy: protobufjs may hand out a view into the whole message's bytes.
        const stored = new Float32Array(new Uint8Array(t.rawData!).buffer);
        const same = stored.length === w.data.length && stored.every((v, i) => v === w.data[i]);
        expect(same, t.name!).toBe(true);
      }
    }
  });

  test("at -O2 fused ops are in the IR and export as standard compositions", () => {
    const fused = cases.filter(([, , m]) =>
      Object.values(m.graphs).some((g) => [...irOps(g)].some((op) => OPS[op]?.domain === "s2s")),
    );
    expect(fused.length).toBeGreaterThan(5);
  });

  test("the IR's `training` flag becomes an initializer `false`", () => {
    const m = modulesOf("specs/tiny/transformer_tiny.s2s")[0]!;
    const g = exportEntryProto(m, initWeights(m, 1), "encode").graph!;
    expect(g.input!.map((v) => v.name)).not.toContain("training");
    const t = g.initializer!.find((x) => x.name === "training")!;
    expect(Array.from(t.rawData!)).toEqual([0]);
  });
});

describe("the checker", () => {
  const m: IrModule = modulesOf("specs/tiny/attn_dot.s2s")[0]!;
  const base = (): ModelProto => exportEntryProto(m, initWeights(m, 1), "decode_step");
  const check = (p: ModelProto) => checkOnnxModel(encodeModel(p));

  test("accepts the export", () => expect(check(base())).toEqual([]));

  test("finds a value defined twice", () => {
    const p = base();
    const nodes = p.graph!.node!;
    nodes[3]!.output = [...nodes[2]!.output!];
    expect(check(p).join("\n")).toMatch(/defined more than once/);
  });

  test("finds nodes out of topological order", () => {
    const p = base();
    p.graph!.node = [...p.graph!.node!].reverse();
    expect(check(p).join("\n")).toMatch(/before it is defined/);
  });

  test("finds an undeclared value and an untyped input", () => {
    const p = base();
    p.graph!.valueInfo = p.graph!.valueInfo!.slice(1);
    p.graph!.input![0]!.type = {};
    const errors = check(p).join("\n");
    expect(errors).toMatch(/has no declared type/);
    expect(errors).toMatch(/input \S+ has no tensor type/);
  });

  test("finds a missing opset import and duplicate node names", () => {
    const p = base();
    p.opsetImport = [];
    p.graph!.node![1]!.name = p.graph!.node![0]!.name!;
    const errors = check(p).join("\n");
    expect(errors).toMatch(/no opset import/);
    expect(errors).toMatch(/name is not unique/);
  });

  test("finds an initializer whose bytes do not fit its dims", () => {
    const p = base();
    const t = p.graph!.initializer![0]!;
    t.rawData = t.rawData!.subarray(4);
    expect(check(p).join("\n")).toMatch(/bytes for/);
  });

  test("rejects bytes that are not a model", () => {
    expect(checkOnnxModel(new Uint8Array([0xff, 0xff, 0xff]))).not.toEqual([]);
  });
});
