/** The JSON form: canonical writing, schema validation on load, and lossless round trips. */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { irFromJson, irToJson, schemaErrors } from "../../src/ir/json.js";
import { IR_SCHEMA } from "../../src/ir/schema.js";
import type { IrModule } from "../../src/ir/types.js";
import { clone, tinyModule } from "./fixtures.js";

function readSchemaFile(): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL("../../schema/ir.schema.json", import.meta.url), "utf8"));
}

/** Rebuilds every object of `v` with its keys in reverse order. */
function reverseKeys<T>(v: T): T {
  if (Array.isArray(v)) return v.map(reverseKeys) as T;
  if (v === null || typeof v !== "object") return v;
  return Object.fromEntries(
    Object.entries(v)
      .reverse()
      .map(([k, x]) => [k, reverseKeys(x)]),
  ) as T;
}

describe("irToJson / irFromJson", () => {
  it("round-trips a module unchanged", () => {
    const m = tinyModule();
    const text = irToJson(m);
    const back = irFromJson(text);
    expect(back.errors).toEqual([]);
    expect(back.module).toEqual(m);
    expect(irToJson(back.module!)).toBe(text);
  });

  it("writes the same text whatever the key order of the module's objects", () => {
    const m = tinyModule();
    expect(irToJson(reverseKeys(m))).toBe(irToJson(m));
  });

  it("is pretty: indented, with shapes and value types on one line", () => {
    const text = irToJson(tinyModule());
    expect(text.startsWith('{\n  "irVersion": 1,\n  "model": "tiny",')).toBe(true);
    expect(text).toContain('{ "name": "src", "dtype": "int32", "shape": ["B", "S"] }');
    expect(text).toContain('"shape": [10, 8],');
    expect(text.endsWith("}\n")).toBe(true);
    expect(text.split("\n").every((l) => l.length <= 140)).toBe(true);
  });

  it("sorts maps (values, attrs) by key", () => {
    const text = irToJson(tinyModule());
    const values = JSON.parse(text).graphs.encode.values as Record<string, unknown>;
    expect(Object.keys(values)).toEqual([...Object.keys(values)].sort());
  });

  it("keeps non-finite floats, which JSON cannot hold, as strings", () => {
    const m = clone(tinyModule());
    // A float tensor with -inf (the masking value) in a fresh, unused Constant node.
    m.graphs.decode_step.nodes.unshift({
      op: "Constant",
      path: "decoder/mask",
      inputs: [],
      outputs: ["neg_inf"],
      attrs: {
        value: {
          kind: "tensor",
          value: { dtype: "float32", dims: [3], data: [-Infinity, Infinity, 0.5] },
        },
      },
    });
    m.graphs.decode_step.values["neg_inf"] = { dtype: "float32", shape: [3] };
    const text = irToJson(m);
    expect(text).toContain('"data": ["-Infinity", "Infinity", 0.5]');
    const back = irFromJson(text);
    expect(back.errors).toEqual([]);
    expect(back.module).toEqual(m);
  });

  it("keeps schema/ir.schema.json equal to the schema in the code", () => {
    expect(
      readSchemaFile(),
      "schema/ir.schema.json is stale: regenerate it with `npx tsx scripts/gen-ir-schema.ts`",
    ).toEqual(JSON.parse(JSON.stringify(IR_SCHEMA)));
  });

  it("validates against the schema file with a standalone ajv", () => {
    const schema = readSchemaFile();
    const validate = new Ajv2020({ strict: true, allErrors: true }).compile(schema);
    expect(validate(JSON.parse(irToJson(tinyModule())))).toBe(true);
  });

  it("reports text that is not JSON", () => {
    const r = irFromJson("{ nope");
    expect(r.module).toBeUndefined();
    expect(r.errors[0]).toMatch(/^not valid JSON: /);
  });

  it("reports schema violations with their JSON path", () => {
    const obj = JSON.parse(irToJson(tinyModule()));
    delete obj.graphs.encode.nodes[1].op;
    obj.graphs.encode.nodes[0].extra = true;
    obj.params[0].shape = [10, -8];
    obj.graphs.decode.nodes[0].attrs.axis = { kind: "int", value: 0.5 };
    const r = irFromJson(JSON.stringify(obj));
    expect(r.module).toBeUndefined();
    expect(r.errors).toContain("schema: /graphs/encode/nodes/1: must have required property 'op'");
    expect(r.errors).toContain(
      "schema: /graphs/encode/nodes/0: must NOT have additional properties (extra)",
    );
    expect(r.errors).toContain("schema: /params/0/shape/1: must be >= 1");
    expect(r.errors).toContain("schema: /graphs/decode/nodes/0/attrs/axis/value: must be integer");
  });

  it("validates nested graphs and source ranges", () => {
    const obj = JSON.parse(irToJson(tinyModule()));
    const scan = obj.graphs.decode.nodes.find((n: { op: string }) => n.op === "Scan");
    scan.attrs.body.value.nodes[0].inputs = [1];
    scan.range = {
      file: "x.s2s",
      start: { offset: 0, line: 0, column: 1 },
      end: { offset: 1, line: 1, column: 2 },
    };
    const r = irFromJson(JSON.stringify(obj));
    expect(r.errors).toContain(
      "schema: /graphs/decode/nodes/3/attrs/body/value/nodes/0/inputs/0: must be string",
    );
    expect(r.errors).toContain("schema: /graphs/decode/nodes/3/range/start/line: must be >= 1");
  });

  it("accepts symbolic dims in canonical and spaced forms, but not unknown symbols", () => {
    expect(schemaErrors(JSON.parse(irToJson(tinyModule())))).toEqual([]);
    const obj = JSON.parse(irToJson(tinyModule()));
    obj.graphs.encode.values.src.shape = ["B", "P + 1"];
    expect(schemaErrors(obj)).toEqual([]);
    obj.graphs.encode.values.src.shape = ["B", "L"];
    expect(schemaErrors(obj)[0]).toMatch(/^schema: \/graphs\/encode\/values\/src\/shape\/1: /);
  });

  it("runs the verifier after the schema", () => {
    const m = clone(tinyModule());
    m.graphs.encode.nodes.reverse();
    const r = irFromJson(irToJson(m as IrModule));
    expect(r.module).toBeUndefined();
    expect(r.errors.length).toBeGreaterThan(0);
    expect(r.errors.every((e) => e.startsWith("verify: "))).toBe(true);
  });
});
