/**
 * The acceptance test of `s2sc compile --target tfjs`: every tiny spec is compiled to a
 * directory, the directories are copied into a fresh temporary folder where only
 * @tensorflow/tfjs resolves, a separate Node process imports each generated module and
 * decodes greedily, and the tokens equal those of `s2sc run --backend interp`.
 */
import { execFile } from "node:child_process";
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { REPO, TINY_SPECS } from "./helpers.js";

const SRC = "4 5 6 7 3";
const work = mkdtempSync(join(tmpdir(), "s2sc-tfjs-"));
const fresh = mkdtempSync(join(tmpdir(), "s2sc-standalone-"));
const name = (spec: string) => basename(spec, ".s2s");

/** The greedy decode the generated modules print, by spec name. */
let decoded: Record<string, number[]> = {};

const SCRIPT = `
import { readdirSync } from "node:fs";
import * as tf from "@tensorflow/tfjs";
await tf.setBackend("cpu");
tf.enableProdMode();
const src = process.argv[2].split(" ").map(Number);
const out = {};
for (const dir of readdirSync("models").sort()) {
  const { load } = await import("./models/" + dir + "/model.js");
  const model = await load();
  out[dir] = (await model.greedy([src]))[0];
  model.dispose();
}
process.stdout.write(JSON.stringify(out));
`;

beforeAll(async () => {
  for (const spec of TINY_SPECS) {
    const io = recordingIo(REPO);
    const code = await main(
      ["compile", spec, "--target", "tfjs", "-o", join(work, name(spec))],
      io,
    );
    expect(code, io.err).toBe(0);
  }
  // Only @tensorflow/tfjs resolves here: Node follows the symlink to the real package,
  // which finds its own dependencies, but nothing else is visible from the models.
  mkdirSync(join(fresh, "node_modules", "@tensorflow"), { recursive: true });
  symlinkSync(
    join(REPO, "node_modules/@tensorflow/tfjs"),
    join(fresh, "node_modules/@tensorflow/tfjs"),
    "dir",
  );
  for (const spec of TINY_SPECS)
    cpSync(join(work, name(spec)), join(fresh, "models", name(spec)), { recursive: true });
  writeFileSync(join(fresh, "decode.mjs"), SCRIPT);
  const run = promisify(execFile);
  const { stdout } = await run(process.execPath, ["decode.mjs", SRC], {
    cwd: fresh,
    env: { PATH: process.env["PATH"] ?? "" },
  });
  decoded = JSON.parse(stdout) as Record<string, number[]>;
}, 120_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(fresh, { recursive: true, force: true });
});

describe("a compiled model runs with @tensorflow/tfjs alone", () => {
  test.each(TINY_SPECS)("%s decodes as the interpreter does", async (spec) => {
    const io = recordingIo(REPO);
    expect(await main(["run", spec, "--backend", "interp", "--src", SRC, "--json"], io)).toBe(0);
    const expected = (JSON.parse(io.out) as { greedy: number[] }).greedy;
    expect(decoded[name(spec)]).toEqual(expected);
  });

  test("the package imports nothing but @tensorflow/tfjs (and its own runtime file)", () => {
    const read = (file: string) => readFileSync(join(work, "attn_general", file), "utf8");
    const statics = (text: string) =>
      new Set([...text.matchAll(/^(?:import|\}) .*from "([^"]+)";$/gm)].map((m) => m[1]));
    const dynamic = (text: string) =>
      new Set([...text.matchAll(/\bimport\(([^)]+)\)/g)].map((m) => m[1]));
    expect(statics(read("model.js"))).toEqual(new Set(["@tensorflow/tfjs", "./s2sc-runtime.js"]));
    expect(dynamic(read("model.js"))).toEqual(new Set());
    const runtime = read("s2sc-runtime.js");
    expect(statics(runtime)).toEqual(new Set(["@tensorflow/tfjs"]));
    // One import on demand (Node's modules in Node, the optional wasm backend), by a
    // variable name, so that a bundler building for a browser leaves it alone.
    expect(dynamic(runtime)).toEqual(new Set(["name"]));
  });

  test("the package bundles for a browser (its Node imports are left alone)", async () => {
    const result = await build({
      entryPoints: [join(work, "attn_general", "model.js")],
      bundle: true,
      write: false,
      platform: "browser",
      format: "esm",
      external: ["@tensorflow/tfjs"],
      logLevel: "silent",
    });
    expect(result.errors).toEqual([]);
    expect(result.outputFiles[0]?.text).not.toMatch(/from "node:/);
  });

  test("the layer paths are comments of the generated code", () => {
    const text = readFileSync(join(work, "attn_general", "model.js"), "utf8");
    expect(text).toContain("// decoder/layer1/attention");
    expect(text).toContain("// encoder/layer0/lstm");
  });
});
