/**
 * The core entry ("s2sc", src/index.ts) is browser-safe: it bundles with esbuild for the
 * browser without a single Node builtin, and the bundle checks, elaborates, formats and
 * runs a tfjs forward pass in a bare `vm` context that has no `process`, `require` or
 * `Buffer`, only what a browser offers.
 *
 * A builtin that a package's `browser` field maps away (tfjs-backend-wasm's `fs`, for
 * one) is fine: esbuild replaces it with an empty module, as a browser bundler does.
 */
import { builtinModules } from "node:module";
import { relative } from "node:path";
import { runInContext, createContext } from "node:vm";
import { build, type Metafile, type Plugin } from "esbuild";
import { beforeAll, describe, expect, it } from "vitest";
import type * as Api from "../../src/index.js";

const BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
const ROOT = process.cwd();

interface Violation {
  builtin: string;
  importer: string;
}

/** Records every Node builtin that the browser build cannot resolve, and stubs it out. */
function builtinRecorder(found: Violation[]): Plugin {
  return {
    name: "record-node-builtins",
    setup(b) {
      b.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === "inner" || !BUILTINS.has(args.path)) return undefined;
        const r = await b.resolve(args.path, {
          kind: args.kind,
          importer: args.importer,
          resolveDir: args.resolveDir,
          pluginData: "inner",
        });
        // Resolved: an npm polyfill, or disabled by a `browser` field.
        if (r.errors.length === 0) return undefined;
        found.push({ builtin: args.path, importer: relative(ROOT, args.importer) });
        return { path: args.path, namespace: "node-builtin" };
      });
      // A stand-in whose every function throws when called, so that the run below still
      // shows which calls would reach Node, and not only that the bundle cannot load.
      b.onLoad({ filter: /.*/, namespace: "node-builtin" }, (args) => ({
        loader: "js",
        contents: `const fail = (name) => () => { throw new Error(${JSON.stringify(args.path)} + "." + String(name) + " is a Node builtin, called in the browser bundle"); };
module.exports = new Proxy({}, { get: (_, k) => (k === "__esModule" ? false : k === "default" ? module.exports : fail(k)) });`,
      }));
    },
  };
}

/** The import chain from the entry to `file`, by breadth-first search over the metafile. */
function chainTo(meta: Metafile, entry: string, file: string): string[] {
  const parent = new Map<string, string>([[entry, ""]]);
  const queue = [entry];
  while (queue.length > 0) {
    const at = queue.shift()!;
    if (at === file) break;
    for (const imp of meta.inputs[at]?.imports ?? []) {
      if (imp.external || parent.has(imp.path)) continue;
      parent.set(imp.path, at);
      queue.push(imp.path);
    }
  }
  const chain = [file];
  for (let p = parent.get(file); p !== undefined && p !== ""; p = parent.get(p)) chain.unshift(p);
  return chain;
}

const ENTRY = "src/index.ts";
let bundle = "";
const violations: Violation[] = [];
let meta: Metafile;

beforeAll(async () => {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "browser",
    format: "iife",
    globalName: "s2sc",
    write: false,
    metafile: true,
    logLevel: "silent",
    outfile: "s2sc.browser.js",
    plugins: [builtinRecorder(violations)],
  });
  meta = result.metafile;
  bundle = result.outputFiles[0]!.text;
}, 120_000);

describe("the browser bundle of src/index.ts", () => {
  it("pulls in no Node builtin", () => {
    // Each builtin with the chain that reaches it: builtin ← importer ← … ← src/index.ts.
    const report = violations.map((v) =>
      [v.builtin, ...chainTo(meta, ENTRY, v.importer).reverse()].join(" ← "),
    );
    expect(report).toEqual([]);
  });

  it("checks, elaborates, formats and runs a tfjs forward pass without Node globals", async () => {
    // A Web Worker's globals (where a playground runs s2sc), as far as tfjs and the
    // core look at them; nothing of Node. tfjs takes `WorkerGlobalScope` as the sign of
    // a browser and registers its browser platform.
    const context = createContext({
      console,
      setTimeout,
      clearTimeout,
      setInterval,
      clearInterval,
      queueMicrotask,
      performance,
      TextEncoder,
      TextDecoder,
      URL,
      navigator: { userAgent: "vm", hardwareConcurrency: 1 },
      location: { href: "http://localhost/", protocol: "http:" },
      WorkerGlobalScope: function WorkerGlobalScope() {},
    });
    runInContext("globalThis.self = globalThis;", context);
    runInContext(bundle, context, { filename: "s2sc.browser.js" });
    expect(runInContext("typeof process + typeof require + typeof Buffer", context)).toBe(
      "undefinedundefinedundefined",
    );
    const s2sc = (context as { s2sc: typeof Api }).s2sc;

    const spec =
      "model tiny {\n  source { vocab = 10  embed = 8 }\n  target { vocab = 10  embed = 8 }\n" +
      "  encoder { gru { hidden = 8 } }\n  decoder { gru { hidden = 8 } }\n}\n";
    expect(s2sc.checkText(spec).diagnostics).toEqual([]);
    const broken = s2sc.checkText("model m {", "m.s2s");
    expect(broken.diagnostics[0]?.range.file).toBe("m.s2s");

    const loaded = s2sc.loadText(spec);
    expect(loaded.diagnostics).toEqual([]);
    const module = loaded.module!;
    expect(module.model).toBe("tiny");

    const formatted = await s2sc.format(spec.replace("  source {", "source{"));
    expect(formatted).toMatchObject({ text: spec, changed: true });

    const compiled = await s2sc.compile(module, { target: "tfjs" });
    expect(compiled.error).toBeUndefined();
    expect([...compiled.files.keys()]).toContain("model.js");

    const { runtime, error } = await s2sc.createRuntime(module, { backend: "cpu" });
    expect(error).toBeUndefined();
    const { shape, logits } = await runtime!.forward([[4, 5, 6]], [[1, 4]]);
    expect(shape).toEqual([1, 2, 10]);
    expect(Array.from(logits).every(Number.isFinite)).toBe(true);
    runtime!.dispose();
  }, 60_000);
});
