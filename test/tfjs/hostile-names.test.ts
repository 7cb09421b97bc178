/**
 * No code from data (issue #20): a string from a file (a spec's name, a model.ir.json's
 * names and paths) reaches the generated model.js only as an escaped string literal or a
 * sanitized comment, never as code. Each hostile string goes into each field that the
 * generator emits, twice: through the IR loader, which must refuse it where the schema
 * has a pattern, and straight into an IrModule object, where the generated text must
 * still parse and hold the payload only as data.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, describe, expect, it } from "vitest";
import { memoryHost } from "../../src/api/memory-host.js";
import { initWeights } from "../../src/backends/interp/index.js";
import { generate, GENERATOR } from "../../src/backends/tfjs/codegen/module.js";
import { packageFiles } from "../../src/backends/tfjs/package/files.js";
import type { WeightData } from "../../src/backends/tfjs/package/weights.js";
import { checkProgram } from "../../src/check/index.js";
import { elaborate } from "../../src/elaborate/index.js";
import { irFromJson, irToJson } from "../../src/ir/json.js";
import type { Graph, IrModule } from "../../src/ir/types.js";
import { modulesOf, REPO } from "./helpers.js";

/** The identifier every payload uses: code if it ever appears outside a string or comment. */
const MARKER = "__s2scPwned";
const RUN = `globalThis.${MARKER} = 1`;

const HOSTILE: Record<string, string> = {
  "block comment end": `*/ ${RUN}; /*`,
  newline: `x\n${RUN};\n//`,
  "carriage return": `x\r${RUN};\r//`,
  "U+2028": `x\u2028${RUN};\u2028//`,
  "U+2029": `x\u2029${RUN};\u2029//`,
  "string break-out": `"]; ${RUN}; x["`,
  "</script>": `</script><script>${RUN}</script>`,
  "backticks and ${}": `\` + (${RUN}) + \`\${${RUN}}`,
  "10 kB": `${"a".repeat(10_000)}\n${RUN};\n//`,
};

/** Renames value `from` to `to` in every graph (bodies included) and the parameter table. */
function rename(m: IrModule, from: string, to: string): void {
  const swap = (n: string) => (n === from ? to : n);
  const graph = (g: Graph): void => {
    for (const v of [...g.inputs, ...g.outputs]) v.name = swap(v.name);
    const values = Object.entries(g.values).map(([k, t]) => [swap(k), t] as const);
    g.values = Object.fromEntries(values);
    for (const node of g.nodes) {
      node.inputs = node.inputs.map(swap);
      node.outputs = node.outputs.map(swap);
      for (const a of Object.values(node.attrs)) if (a.kind === "graph") graph(a.value);
    }
  };
  for (const p of m.params) p.name = swap(p.name);
  for (const s of m.config.state) s.name = swap(s.name);
  for (const g of Object.values(m.graphs)) graph(g);
}

/** An intermediate value of decode (a node output that is no graph output). */
function intermediate(m: IrModule): string {
  const outs = new Set(m.graphs.decode.outputs.map((o) => o.name));
  const node = m.graphs.decode.nodes.find((n) => n.op !== "Constant" && !outs.has(n.outputs[0]!));
  return node!.outputs[0]!;
}

/** Each field the generator emits, and whether the schema lets any string through. */
const FIELDS: Record<string, { anyString?: boolean; set: (m: IrModule, s: string) => void }> = {
  file: { anyString: true, set: (m, s) => (m.file = s) },
  model: { set: (m, s) => (m.model = s) },
  "node path": {
    set: (m, s) => {
      for (const g of Object.values(m.graphs)) for (const n of g.nodes) n.path = s;
    },
  },
  "parameter name": { set: (m, s) => rename(m, m.params[0]!.name, s) },
  "value name": { set: (m, s) => rename(m, intermediate(m), s) },
  "graph input name": { set: (m, s) => rename(m, m.graphs.encode.inputs[0]!.name, s) },
  "graph output name": { set: (m, s) => rename(m, m.graphs.decode.outputs[0]!.name, s) },
  "state name": { set: (m, s) => rename(m, m.config.state[0]!.name, s) },
  "graph name": { set: (m, s) => (m.graphs.decode.name = s) },
  "layer path": { set: (m, s) => (m.layers[0]!.path = s) },
  "shape symbol": { set: (m, s) => m.graphs.encode.inputs[0]!.shape.splice(0, 1, s) },
};

const base = modulesOf("specs/tiny/lstm_seq2seq.s2s")[0]!;
const baseWeights = initWeights(base, 0);
const dir = mkdtempSync(join(tmpdir(), "s2sc-hostile-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * Parses `text` as an ES module with TypeScript's parser (in-process: a `node --check`
 * per case would take most of this file's time) and counts the identifiers named MARKER
 * in it: the payload running as code.
 */
function markerIdentifiers(text: string): number {
  const file = ts.createSourceFile(
    "model.js",
    text,
    ts.ScriptTarget.Latest,
    false,
    ts.ScriptKind.JS,
  );
  // The parser's own syntax errors (ts.transpileModule reports the same, ten times slower).
  const { parseDiagnostics } = file as unknown as { parseDiagnostics: ts.Diagnostic[] };
  expect(parseDiagnostics.map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))).toEqual(
    [],
  );
  let found = 0;
  const visit = (n: ts.Node): void => {
    if (ts.isIdentifier(n) && n.text === MARKER) found++;
    n.forEachChild(visit);
  };
  visit(file);
  return found;
}

/** V8's own parser on a module: `node --check` fails on any syntax error. */
function nodeCheck(text: string): void {
  const path = join(dir, "model.mjs");
  writeFileSync(path, text);
  execFileSync(process.execPath, ["--check", path], { stdio: "pipe" });
}

/** The weights of the base module, renamed with it (initWeights per case is slow). */
function weightsOf(m: IrModule): Map<string, WeightData> {
  const byIndex = base.params.map((p) => baseWeights.get(p.name)!);
  return new Map(m.params.map((p, i) => [p.name, byIndex[i]!]));
}

/** Generates the package of `m` and checks model.js as a parser and an evaluation see it. */
function expectSafe(m: IrModule, v8 = false): void {
  const files = packageFiles(m, weightsOf(m), { file: m.file }, { kind: "seed", seed: 0 });
  const modelJs = files.get("model.js") as string;
  if (v8) nodeCheck(modelJs);
  expect(markerIdentifiers(modelJs)).toBe(0);
  // The core, as `translate` evaluates it in-process (V8 parses it): defining runs nothing.
  const { core } = generate(m, GENERATOR);
  new Function("tf", "lib", core)({}, {});
  expect((globalThis as Record<string, unknown>)[MARKER]).toBeUndefined();
  // The JSON files stay JSON.
  for (const name of ["model.json", "package.json"]) JSON.parse(files.get(name) as string);
}

describe("hostile strings in every field that reaches generated code", () => {
  for (const [field, { anyString, set }] of Object.entries(FIELDS)) {
    for (const [what, hostile] of Object.entries(HOSTILE)) {
      it(`${field}: ${what}`, () => {
        const m = structuredClone(base);
        set(m, hostile);
        const loaded = irFromJson(irToJson(m));
        if (anyString === true) expect(loaded.errors).toEqual([]);
        else expect(loaded.errors).not.toEqual([]);
        expectSafe(m, field === "file");
      });
    }
  }
});

describe("the loader's message", () => {
  it("says in words what a name must be", () => {
    const m = structuredClone(base);
    m.graphs.encode.nodes[0]!.path = HOSTILE["newline"]!;
    m.model = HOSTILE["block comment end"]!;
    expect(irFromJson(irToJson(m)).errors).toEqual([
      "schema: /model: must be an identifier (letters, digits and `_`, not starting with a digit)",
      "schema: /graphs/encode/nodes/0/path: must be a path: letters, digits, `_`, `.` and `-` in segments joined by `/`",
    ]);
  });
});

describe("numbers from the IR, which become code", () => {
  // The schema makes them numbers; a module built by hand (the library API) is checked too.
  const hostile = `0), ${RUN}, (0`;
  it("an int attribute that is a string is refused", () => {
    const m = structuredClone(base);
    const node = m.graphs.encode.nodes.find((n) => n.attrs["hidden_size"] !== undefined)!;
    node.attrs["hidden_size"] = { kind: "int", value: hostile as unknown as number };
    expect(() => generate(m, GENERATOR)).toThrow(/hidden_size must be a number/);
  });

  it("a constant's data that is a string is refused", () => {
    const m = structuredClone(base);
    const node = m.graphs.encode.nodes.find((n) => n.attrs["value"]?.kind === "tensor")!;
    const value = node.attrs["value"]!;
    if (value.kind === "tensor") value.value.data[0] = hostile as unknown as number;
    expect(() => generate(m, GENERATOR)).toThrow(/where a number belongs|does not fit/);
  });
});

describe("a spec file name with a newline", () => {
  it("compiles to a valid model.js", () => {
    const file = `evil\n${RUN};\n.s2s`;
    const text = readFileSync(join(REPO, "specs/tiny/lstm_seq2seq.s2s"), "utf8");
    const r = checkProgram(file, memoryHost({ [file]: text }));
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    const m = elaborate(r.models[0]!).module!;
    expect(m.file).toBe(file);
    const files = packageFiles(m, initWeights(m, 0), { file }, { kind: "seed", seed: 0 });
    nodeCheck(files.get("model.js") as string);
    expect(markerIdentifiers(files.get("model.js") as string)).toBe(0);
  });
});
