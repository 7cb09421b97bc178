/**
 * Generates src/backends/onnx/proto/onnx.ts from src/backends/onnx/proto/onnx.proto:
 * the schema as protobufjs's JSON descriptor (loaded with protobufjs/light, which needs
 * no file system, so the module is browser-safe), a TypeScript interface for each
 * message in two forms (what `create`/`encode` take, with every field optional, and what
 * `decode` returns, with repeated fields always present), and each enum as a constant
 * object. test/onnx/proto-drift.test.ts fails when the committed file is stale.
 *
 *   npx tsx scripts/gen-onnx-proto.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format, resolveConfig } from "prettier";
import protobuf from "protobufjs";

const DIR = new URL("../src/backends/onnx/proto/", import.meta.url);
export const ONNX_PROTO = fileURLToPath(new URL("onnx.proto", DIR));
export const ONNX_MODULE = fileURLToPath(new URL("onnx.ts", DIR));

const NUMBER_TYPES = new Set([
  "double",
  "float",
  "int32",
  "uint32",
  "sint32",
  "fixed32",
  "sfixed32",
]);
const LONG_TYPES = new Set(["int64", "uint64", "sint64", "fixed64", "sfixed64"]);

/** `onnx.TypeProto.Tensor` → `TypeProto_Tensor`: one flat TypeScript name per type. */
function tsName(t: protobuf.ReflectionObject): string {
  return t.fullName.replace(/^\.onnx\./, "").replace(/\./g, "_");
}

function scalarType(type: string): string | undefined {
  if (NUMBER_TYPES.has(type)) return "number";
  if (LONG_TYPES.has(type)) return "number | Long";
  if (type === "bool") return "boolean";
  if (type === "string") return "string";
  if (type === "bytes") return "Uint8Array";
  return undefined;
}

/** The TypeScript type of one value of a field, in its input (`I…`) or decoded form. */
function valueType(f: protobuf.Field, decoded: boolean): string {
  const scalar = scalarType(f.type);
  if (scalar !== undefined) return scalar;
  const resolved = f.resolve().resolvedType;
  if (resolved instanceof protobuf.Enum) return "number";
  if (resolved === null) throw new Error(`${f.fullName}: unresolved type ${f.type}`);
  return decoded ? tsName(resolved) : `I${tsName(resolved)}`;
}

function fieldLine(f: protobuf.Field, decoded: boolean): string {
  const t = valueType(f, decoded);
  if (!decoded) return `${f.name}?: ${f.repeated ? `(${t})[]` : t} | null;`;
  if (f.repeated) return `${f.name}: (${t})[];`;
  // Decoded messages read absent scalars from the prototype's defaults, absent
  // sub-messages and unset oneof members as null.
  const message = scalarType(f.type) === undefined && !(f.resolvedType instanceof protobuf.Enum);
  return `${f.name}: ${message || f.partOf !== null ? `${t} | null` : t};`;
}

function messageText(t: protobuf.Type): string {
  const name = tsName(t);
  const fields = t.fieldsArray.slice().sort((a, b) => a.id - b.id);
  return [
    `export interface I${name} {`,
    ...fields.map((f) => `  ${fieldLine(f, false)}`),
    `}`,
    ``,
    `export interface ${name} {`,
    ...fields.map((f) => `  ${fieldLine(f, true)}`),
    `}`,
  ].join("\n");
}

function enumText(e: protobuf.Enum): string {
  const entries = Object.entries(e.values).map(([k, v]) => `  ${k}: ${v},`);
  return [`export const ${tsName(e)} = {`, ...entries, `} as const;`].join("\n");
}

function declarations(ns: protobuf.NamespaceBase): string[] {
  const out: string[] = [];
  for (const child of ns.nestedArray) {
    if (child instanceof protobuf.Type) out.push(messageText(child));
    else if (child instanceof protobuf.Enum) out.push(enumText(child));
    if (child instanceof protobuf.Namespace || child instanceof protobuf.Type)
      out.push(...declarations(child));
  }
  return out;
}

/** The text onnx.ts must have for the current onnx.proto. */
export async function onnxModuleText(): Promise<string> {
  const root = protobuf.parse(readFileSync(ONNX_PROTO, "utf8"), { keepCase: false }).root;
  root.resolveAll();
  const onnx = root.lookup("onnx");
  if (!(onnx instanceof protobuf.Namespace)) throw new Error("onnx.proto: no package onnx");
  const text = [
    `// Generated from onnx.proto by \`npx tsx scripts/gen-onnx-proto.ts\`: do not edit.`,
    `// test/onnx/proto-drift.test.ts fails when this file is stale.`,
    `import protobuf from "protobufjs/light.js";`,
    `import type { Long } from "protobufjs/light.js";`,
    ``,
    `/** The schema as protobufjs's JSON descriptor. */`,
    `const DESCRIPTOR = ${JSON.stringify(root.toJSON())};`,
    ``,
    `export const onnxRoot = protobuf.Root.fromJSON(DESCRIPTOR);`,
    ``,
    ...declarations(onnx).flatMap((d) => [d, ""]),
  ].join("\n");
  return format(text, { ...(await resolveConfig(ONNX_MODULE)), filepath: ONNX_MODULE });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(ONNX_MODULE, await onnxModuleText());
}
