/**
 * Generates src/backends/onnx/proto/onnx.ts from src/backends/onnx/proto/onnx.proto:
 * protobufjs's static code for the schema (pbjs `static-module`: plain encoders and
 * decoders over protobufjs/minimal, no file system and no code generated at run time, so
 * the module is browser-safe, even under a content security policy), a TypeScript
 * interface for each message in two forms (what `encode` takes, with every field
 * optional, and what `decode` returns, with repeated fields always present), a typed
 * codec per message and each enum as a constant object. The static code is JavaScript,
 * hence the file's `@ts-nocheck`: its types are the declarations that follow it.
 * test/onnx/proto-drift.test.ts fails when the committed file is stale.
 *
 *   npx tsx scripts/gen-onnx-proto.ts
 */
import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { format, resolveConfig } from "prettier";
import protobuf from "protobufjs";
import { pbjs } from "protobufjs-cli";

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

function messages(ns: protobuf.NamespaceBase): protobuf.Type[] {
  return ns.nestedArray.flatMap((child) =>
    child instanceof protobuf.Type ? [child, ...messages(child)] : [],
  );
}

function enums(ns: protobuf.NamespaceBase): protobuf.Enum[] {
  return ns.nestedArray.flatMap((child) =>
    child instanceof protobuf.Enum ? [child] : child instanceof protobuf.Type ? enums(child) : [],
  );
}

/** pbjs's static ES module, without what s2sc does not call (create, verify, JSON). */
function staticCode(): Promise<string> {
  const flags = ["--no-create", "--no-verify", "--no-convert", "--no-delimited"];
  const more = ["--no-typeurl", "--no-service", "--no-comments"];
  // A root of its own: in protobufjs's shared registry another library's `onnx` package
  // under the default root would replace this one (or this one it).
  const args = ["-t", "static-module", "-w", "es6", "-r", "s2sc_onnx", ...flags, ...more];
  args.push(ONNX_PROTO);
  return new Promise((resolve, reject) => {
    pbjs.main(args, (err, output) => (err ? reject(err) : resolve(output ?? "")));
  });
}

const CODEC = `
/** A message's encoder and decoder, as the static code above defines them. */
export interface Codec<Input, Decoded> {
  encode(message: Input): { finish(): Uint8Array };
  decode(bytes: Uint8Array): Decoded;
}`;

/** The text onnx.ts must have for the current onnx.proto. */
export async function onnxModuleText(): Promise<string> {
  const root = protobuf.parse(readFileSync(ONNX_PROTO, "utf8"), { keepCase: false }).root;
  root.resolveAll();
  const onnx = root.lookup("onnx");
  if (!(onnx instanceof protobuf.Namespace)) throw new Error("onnx.proto: no package onnx");
  // The first line is an eslint directive for the JavaScript it introduces.
  const code = (await staticCode()).replace(/^\/\*eslint-disable[^\n]*\n/, "");
  const codecs = messages(onnx).map(
    (t) =>
      `  ${tsName(t)}: onnx.${t.fullName.replace(/^\.onnx\./, "")} as Codec<I${tsName(t)}, ${tsName(t)}>,`,
  );
  const text = [
    `// @ts-nocheck: protobufjs's static JavaScript code; the declarations after it type it.`,
    `// Generated from onnx.proto by \`npx tsx scripts/gen-onnx-proto.ts\`: do not edit.`,
    `// test/onnx/proto-drift.test.ts fails when this file is stale.`,
    `import type { Long } from "protobufjs/minimal.js";`,
    code,
    CODEC,
    ``,
    `/** Every message's codec, by its name in onnx.proto (nested ones joined with _). */`,
    `export const codecs = {`,
    ...codecs,
    `};`,
    ``,
    ...messages(onnx).flatMap((t) => [messageText(t), ""]),
    ...enums(onnx).flatMap((e) => [enumText(e), ""]),
  ].join("\n");
  return format(text, { ...(await resolveConfig(ONNX_MODULE)), filepath: ONNX_MODULE });
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  writeFileSync(ONNX_MODULE, await onnxModuleText());
}
