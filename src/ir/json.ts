/**
 * The JSON form of an IR module (schema/ir.schema.json): written by
 * `s2sc compile --target ir` and read back by later commands.
 *
 * Writing is canonical, so the same module always gives the same text: struct fields in
 * a fixed order, maps (`values`, `attrs`) sorted by key, entry points in the order
 * encode, decode, decode_step, two-space indentation, with lists of scalars and small
 * flat objects (value types, positions) kept on one line. Non-finite floats, which JSON
 * cannot hold, are written as the strings "Infinity", "-Infinity" and "NaN".
 *
 * Reading is an input path: every load is validated against the schema and then run
 * through the verifier, and problems come back as messages, never exceptions.
 */
import { Ajv2020, type ErrorObject, type ValidateFunction } from "ajv/dist/2020.js";
import type {
  Attr,
  ConstTensor,
  Graph,
  IrModule,
  LayerInfo,
  ModelConfig,
  Node,
  Parameter,
  TensorType,
  ValueInfo,
} from "./types.js";
import type { SourceRange } from "../diagnostics/index.js";
import { IR_SCHEMA, PATTERN_WORDS } from "./schema.js";
import { verifyModule } from "./verify.js";

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

// ---- writing ------------------------------------------------------------------------

/** The canonical JSON text of a module (ends with a newline). */
export function irToJson(m: IrModule): string {
  return pretty(moduleJson(m), "") + "\n";
}

function moduleJson(m: IrModule): Json {
  return {
    irVersion: m.irVersion,
    model: m.model,
    file: m.file,
    config: configJson(m.config),
    params: m.params.map(paramJson),
    graphs: {
      encode: graphJson(m.graphs.encode),
      decode: graphJson(m.graphs.decode),
      decode_step: graphJson(m.graphs.decode_step),
    },
    layers: m.layers.map(layerJson),
  };
}

/** Adds `range` last when present (optional fields are omitted, never null). */
function withRange(o: { [k: string]: Json }, r: SourceRange | undefined): { [k: string]: Json } {
  if (r !== undefined) {
    o["range"] = {
      file: r.file,
      start: { offset: r.start.offset, line: r.start.line, column: r.start.column },
      end: { offset: r.end.offset, line: r.end.line, column: r.end.column },
    };
  }
  return o;
}

function configJson(c: ModelConfig): Json {
  const o: { [k: string]: Json } = {
    sourceVocab: c.sourceVocab,
    targetVocab: c.targetVocab,
    specials: {
      pad: c.specials.pad,
      bos: c.specials.bos,
      eos: c.specials.eos,
      unk: c.specials.unk,
    },
  };
  if (c.maxLength !== undefined) o["maxLength"] = c.maxLength;
  o["state"] = c.state.map((s) => ({ name: s.name, shape: [...s.shape], init: s.init }));
  return o;
}

function paramJson(p: Parameter): Json {
  // Init variants are flat records of numbers after `kind`; keep `kind` first.
  const { kind, ...rest } = p.init;
  const init: { [k: string]: Json } = { kind };
  for (const k of Object.keys(rest).sort()) init[k] = (rest as Record<string, number>)[k]!;
  return withRange(
    {
      name: p.name,
      path: p.path,
      dtype: p.dtype,
      shape: [...p.shape],
      init,
      role: p.role,
      trainable: p.trainable,
    },
    p.range,
  );
}

function layerJson(l: LayerInfo): Json {
  return withRange(
    { path: l.path, kind: l.kind, outputShape: [...l.outputShape], params: l.params },
    l.range,
  );
}

function typeJson(t: TensorType): Json {
  return { dtype: t.dtype, shape: [...t.shape] };
}

function valueInfoJson(v: ValueInfo): Json {
  return { name: v.name, dtype: v.dtype, shape: [...v.shape] };
}

function graphJson(g: Graph): Json {
  const values: { [k: string]: Json } = {};
  for (const k of Object.keys(g.values).sort()) values[k] = typeJson(g.values[k]!);
  return {
    name: g.name,
    inputs: g.inputs.map(valueInfoJson),
    outputs: g.outputs.map(valueInfoJson),
    nodes: g.nodes.map(nodeJson),
    values,
  };
}

function nodeJson(n: Node): Json {
  const attrs: { [k: string]: Json } = {};
  for (const k of Object.keys(n.attrs).sort()) attrs[k] = attrJson(n.attrs[k]!);
  return withRange(
    { op: n.op, path: n.path, inputs: [...n.inputs], outputs: [...n.outputs], attrs },
    n.range,
  );
}

function attrJson(a: Attr): Json {
  switch (a.kind) {
    case "float":
      return { kind: a.kind, value: floatJson(a.value) };
    case "floats":
      return { kind: a.kind, value: a.value.map(floatJson) };
    case "tensor":
      return { kind: a.kind, value: tensorJson(a.value) };
    case "graph":
      return { kind: a.kind, value: graphJson(a.value) };
    case "int":
    case "string":
      return { kind: a.kind, value: a.value };
    case "ints":
    case "strings":
      return { kind: a.kind, value: [...a.value] };
  }
}

function tensorJson(t: ConstTensor): Json {
  return { dtype: t.dtype, dims: [...t.dims], data: t.data.map(floatJson) };
}

function floatJson(v: number): Json {
  return Number.isFinite(v) ? v : String(v);
}

// ---- pretty printing ----------------------------------------------------------------

const WIDTH = 100;

function isScalar(v: Json): boolean {
  return (
    v === null ||
    typeof v !== "object" ||
    (Array.isArray(v) ? v.length === 0 : Object.keys(v).length === 0)
  );
}

function isFlat(v: Json): boolean {
  return isScalar(v) || (Array.isArray(v) && v.every(isScalar));
}

function oneLine(v: Json): string {
  if (isScalar(v))
    return Array.isArray(v) ? "[]" : v !== null && typeof v === "object" ? "{}" : JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(oneLine).join(", ")}]`;
  return `{ ${Object.entries(v as { [k: string]: Json })
    .map(([k, x]) => `${JSON.stringify(k)}: ${oneLine(x)}`)
    .join(", ")} }`;
}

/**
 * Lists of scalars always go on one line (shapes, tensor data); an object goes on one
 * line when all its members are flat and it fits the width; everything else is indented.
 */
function pretty(v: Json, indent: string): string {
  if (isScalar(v)) return oneLine(v);
  if (Array.isArray(v)) {
    if (v.every(isScalar)) return oneLine(v);
    const inner = indent + "  ";
    return `[\n${v.map((x) => inner + pretty(x, inner)).join(",\n")}\n${indent}]`;
  }
  const entries = Object.entries(v as { [k: string]: Json });
  if (entries.every(([, x]) => isFlat(x))) {
    const line = oneLine(v);
    if (indent.length + line.length <= WIDTH) return line;
  }
  const inner = indent + "  ";
  return `{\n${entries.map(([k, x]) => `${inner}${JSON.stringify(k)}: ${pretty(x, inner)}`).join(",\n")}\n${indent}}`;
}

// ---- reading ------------------------------------------------------------------------

let validator: ValidateFunction | undefined;

/** The compiled schema validator (compiled once, on first use). */
function validate(): ValidateFunction {
  if (validator === undefined) {
    validator = new Ajv2020({ allErrors: true, strict: true }).compile(IR_SCHEMA);
  }
  return validator;
}

/** Schema problems of a parsed JSON value (empty when it conforms). */
export function schemaErrors(value: unknown): string[] {
  const v = validate();
  if (v(value)) return [];
  return formatAjvErrors(v.errors ?? []);
}

const MAX_ERRORS = 50;

function formatAjvErrors(errors: readonly ErrorObject[]): string[] {
  // `if` failures only say "must match then schema"; the `then` error itself is kept.
  const useful = errors.filter((e) => e.keyword !== "if");
  const out = useful.slice(0, MAX_ERRORS).map((e) => {
    const at = e.instancePath === "" ? "/" : e.instancePath;
    const extra =
      e.keyword === "additionalProperties"
        ? ` (${String((e.params as { additionalProperty: string }).additionalProperty)})`
        : e.keyword === "enum"
          ? ` (${(e.params as { allowedValues: unknown[] }).allowedValues.map((x) => JSON.stringify(x)).join(", ")})`
          : "";
    // Name patterns in words: a regular expression says little to a person.
    const words =
      e.keyword === "pattern"
        ? PATTERN_WORDS[(e.params as { pattern: string }).pattern]
        : undefined;
    return `schema: ${at}: ${words ?? e.message ?? e.keyword}${extra}`;
  });
  if (useful.length > MAX_ERRORS) out.push(`schema: ... and ${useful.length - MAX_ERRORS} more`);
  return out;
}

/**
 * Reads a module from JSON text: parse, validate against the schema, decode non-finite
 * floats, then verify. `module` is set only when there are no errors.
 */
export function irFromJson(text: string): { module?: IrModule; errors: string[] } {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    return { errors: [`not valid JSON: ${e instanceof Error ? e.message : String(e)}`] };
  }
  const errors = schemaErrors(value);
  if (errors.length > 0) return { errors };
  const m = value as IrModule;
  for (const g of Object.values(m.graphs)) decodeGraph(g);
  const problems = verifyModule(m);
  if (problems.length > 0) return { errors: problems.map((p) => `verify: ${p}`) };
  return { module: m, errors: [] };
}

/** Turns the strings written for non-finite floats back into numbers, in place. */
function decodeGraph(g: Graph): void {
  for (const n of g.nodes) {
    for (const a of Object.values(n.attrs)) {
      if (a.kind === "float") a.value = decodeFloat(a.value);
      else if (a.kind === "floats") a.value = a.value.map(decodeFloat);
      else if (a.kind === "tensor") a.value.data = a.value.data.map(decodeFloat);
      else if (a.kind === "graph") decodeGraph(a.value);
    }
  }
}

function decodeFloat(v: number | string): number {
  return typeof v === "number" ? v : Number(v);
}
