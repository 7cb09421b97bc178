/**
 * The ONNX backend node tests (shared/conformance/onnx-node) through the tfjs
 * lowerings, on cpu and wasm: each test becomes a one-node IR graph (constant inputs as
 * Constant nodes, as the elaborator emits them) that runs through the same emitter and
 * prelude as a whole model. Tests of ops outside the IR, or using attributes or inputs
 * the IR's op does not define (older opsets), are out of scope and listed as skipped.
 */
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { describe, expect, test } from "vitest";
import { TFJS_LOWERINGS } from "../../src/backends/tfjs/lowering/table.js";
import { evaluateGraph } from "../../src/runtime/core.js";
import { useTfBackendNode } from "../../src/node/tfjs-backend.js";
import { TF_BACKENDS } from "../../src/backends/tfjs/tf-backends.js";
import { OPS } from "../../src/ir/ops/index.js";
import type { Attr, DType, Graph, Node, TensorType } from "../../src/ir/types.js";
import {
  ATOL,
  NODE_TESTS_DIR,
  readConformanceFile,
  RTOL,
  type ConformanceFile,
  type JsonTensor,
  CONFORMANCE_MISSING,
  MAY_SKIP_CONFORMANCE,
} from "../interp/onnx-json.js";

function value(v: number | boolean | string): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  return v === "NaN" ? NaN : v === "Infinity" ? Infinity : -Infinity;
}

function toAttr(v: unknown): Attr {
  if (typeof v === "string") return { kind: "string", value: v };
  if (typeof v === "number")
    return Number.isInteger(v) ? { kind: "int", value: v } : { kind: "float", value: v };
  const list = v as unknown[];
  if (list.every((x) => typeof x === "string")) return { kind: "strings", value: list as string[] };
  const nums = list as number[];
  return nums.every(Number.isInteger)
    ? { kind: "ints", value: nums }
    : { kind: "floats", value: nums };
}

/** Why a test is out of the tfjs backend's scope, or undefined when it runs. */
function outOfScope(spec: ConformanceFile): string | undefined {
  const def = OPS[spec.op];
  if (def === undefined) return `${spec.op} is not an IR op`;
  const extra = Object.keys(spec.attributes).filter((k) => !(k in def.attrs));
  if (extra.length > 0) return `attribute ${extra.join(", ")} is not in the IR's ${spec.op}`;
  const inputs = Math.max(...spec.cases.map((c) => c.inputs.length));
  if (inputs > def.inputs[1]) return `input ${inputs - 1} is not in the IR's ${spec.op}`;
  if (inputs < def.inputs[0]) return `${inputs} inputs are fewer than the IR's ${spec.op} takes`;
  const outputs = Math.max(...spec.cases.map((c) => c.outputs.length));
  if (outputs > def.outputs[1]) return `output ${outputs - 1} is not in the IR's ${spec.op}`;
  return undefined;
}

const isHost = (t: JsonTensor) => t.dtype === "bool" && t.dims.length === 0;

/** The test as a graph: compile-time inputs become Constant nodes. */
function toGraph(spec: ConformanceFile, c: ConformanceFile["cases"][number]): Graph {
  const constInputs = new Set(TFJS_LOWERINGS[spec.op]?.constInputs ?? []);
  const values: Record<string, TensorType> = {};
  const graph: Graph = { name: spec.name, inputs: [], outputs: [], nodes: [], values };
  const node: Node = { op: spec.op, path: spec.op, inputs: [], outputs: [], attrs: {} };
  for (const [k, v] of Object.entries(spec.attributes)) node.attrs[k] = toAttr(v);
  c.inputs.forEach((t, i) => {
    if (t === null) return void node.inputs.push("");
    const name = `in${i}`;
    values[name] = { dtype: t.dtype as DType, shape: t.dims };
    node.inputs.push(name);
    if (constInputs.has(i)) {
      const data = t.data.map(value);
      graph.nodes.push({
        op: "Constant",
        path: "const",
        inputs: [],
        outputs: [name],
        attrs: {
          value: { kind: "tensor", value: { dtype: t.dtype as DType, dims: t.dims, data } },
        },
      });
    } else {
      graph.inputs.push({ name, ...values[name]! });
    }
  });
  c.outputs.forEach((t, i) => {
    const name = `out${i}`;
    node.outputs.push(name);
    if (t === null) return;
    values[name] = { dtype: t.dtype as DType, shape: t.dims };
    graph.outputs.push({ name, ...values[name]! });
  });
  graph.nodes.push(node);
  return graph;
}

function feed(t: JsonTensor): tf.Tensor | boolean {
  if (isHost(t)) return t.data[0] === true;
  const dtype = t.dtype === "int64" ? "int32" : (t.dtype as "float32" | "int32" | "bool");
  const data = t.dtype === "bool" ? t.data.map((v) => v === true) : t.data.map(value);
  return tf.tensor(data as number[], t.dims, dtype);
}

/** numpy's assert_allclose rule, as the interpreter's conformance test applies it. */
function mismatch(actual: tf.Tensor, expected: JsonTensor): string | undefined {
  if (actual.shape.join(",") !== expected.dims.join(",")) {
    return `shape [${actual.shape}], expected [${expected.dims}]`;
  }
  const floats = expected.dtype === "float32";
  if (floats !== (actual.dtype === "float32"))
    return `dtype ${actual.dtype}, expected ${expected.dtype}`;
  const a = actual.dataSync();
  for (let i = 0; i < expected.data.length; i++) {
    const e = floats ? Math.fround(value(expected.data[i]!)) : value(expected.data[i]!);
    const x = Number(a[i]);
    if (x === e || (Number.isNaN(x) && Number.isNaN(e))) continue;
    if (Math.abs(x - e) > ATOL + RTOL * Math.abs(e)) return `element ${i}: ${x}, expected ${e}`;
  }
  return undefined;
}

const files = existsSync(NODE_TESTS_DIR)
  ? readdirSync(NODE_TESTS_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];
const specs = files.map((f) => readConformanceFile(join(NODE_TESTS_DIR, f)));
const inScope = specs.filter((s) => outOfScope(s) === undefined);

describe.each(TF_BACKENDS)("ONNX node conformance of the tfjs lowerings on %s", (backend) => {
  if (MAY_SKIP_CONFORMANCE) test.skip(CONFORMANCE_MISSING ?? "", () => {});
  test.skipIf(MAY_SKIP_CONFORMANCE)(
    "the conformance data is present and most of it is in scope",
    () => {
      expect(specs.length).toBeGreaterThan(0);
      expect(inScope.length).toBeGreaterThan(200);
    },
  );

  test.each(inScope.map((s) => [s.name, s] as const))("%s", async (_, spec) => {
    await useTfBackendNode(backend);
    for (const c of spec.cases) {
      const { fn } = evaluateGraph(toGraph(spec, c));
      const inputs: Record<string, unknown> = {};
      c.inputs.forEach((t, i) => {
        if (t !== null && !(TFJS_LOWERINGS[spec.op]?.constInputs ?? []).includes(i))
          inputs[`in${i}`] = feed(t);
      });
      const outputs = fn({}, inputs);
      c.outputs.forEach((expected, i) => {
        if (expected === null) return;
        expect(mismatch(outputs[`out${i}`]!, expected), `output ${i}`).toBeUndefined();
      });
      tf.dispose([
        ...Object.values(outputs),
        ...Object.values(inputs).filter((v) => v instanceof tf.Tensor),
      ]);
    }
  });
});

test("out-of-scope conformance tests are only those outside the IR", () => {
  const reasons = specs.flatMap((s) => {
    const why = outOfScope(s);
    return why === undefined ? [] : [`${s.name}: ${why}`];
  });
  // Every IR op with conformance data is covered; the rest are other ops or opsets.
  for (const r of reasons)
    expect(r).toMatch(/is not an IR op|is not in the IR's|fewer than the IR's/);
});
