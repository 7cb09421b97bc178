/** `s2sc run --backend tfjs` and `s2sc compile --target tfjs`, run in-process. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as tf from "@tensorflow/tfjs";
import { afterAll, describe, expect, test } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { modulesOf, relativeError, REPO } from "./helpers.js";

const SPEC = "specs/tiny/attn_general.s2s";
const temp = mkdtempSync(join(tmpdir(), "s2sc-cli-tfjs-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function s2sc(...args: string[]) {
  const io = recordingIo(REPO);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

interface RunJson {
  backend: string;
  tfBackend?: string;
  greedy: number[];
  logits: { dims: number[]; data: number[] };
}

describe("s2sc run --backend tfjs", () => {
  test.each(["cpu", "wasm"])(
    "on %s gives the interpreter's greedy decode and logits",
    async (tfBackend) => {
      const args = ["run", SPEC, "--src", "4 5 6 7 3", "--seed", "3", "--json"];
      const interp = await s2sc(...args);
      const tfjs = await s2sc(...args, "--backend", "tfjs", "--tf-backend", tfBackend);
      expect(tfjs.code, tfjs.err).toBe(0);
      const a = JSON.parse(tfjs.out) as RunJson;
      const b = JSON.parse(interp.out) as RunJson;
      expect(a.backend).toBe("tfjs");
      expect(a.tfBackend).toBe(tfBackend);
      expect(a.greedy).toEqual(b.greedy);
      expect(a.logits.dims).toEqual(b.logits.dims);
      expect(relativeError(a.logits.data, b.logits.data)).toBeLessThan(1e-4);
    },
  );

  test("names the backend in its text output and leaves no tensors behind", async () => {
    const before = tf.memory().numTensors;
    const r = await s2sc("run", SPEC, "--src", "4 5 6", "--backend", "tfjs");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("on tfjs (wasm)");
    expect(tf.memory().numTensors).toBe(before);
  });

  test("rejects an unknown tfjs backend as a usage error", async () => {
    const r = await s2sc("run", SPEC, "--src", "4", "--backend", "tfjs", "--tf-backend", "webgpu");
    expect(r.code).toBe(2);
  });
});

describe("s2sc compile --target tfjs", () => {
  test("writes the module, model.json, the weights manifest and shards of the seed's weights", async () => {
    const out = join(temp, "model");
    const r = await s2sc("compile", SPEC, "-o", out, "--seed", "3");
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).sort()).toEqual(
      [
        "group1-shard1of1.bin",
        "model.js",
        "model.json",
        "package.json",
        "s2sc-runtime.js",
        "weights_manifest.json",
      ].sort(),
    );
    const module = modulesOf(SPEC)[0]!;
    const description = JSON.parse(readFileSync(join(out, "model.json"), "utf8"));
    expect(description).toMatchObject({
      format: "s2sc-tfjs",
      model: "attn_general",
      spec: { file: SPEC },
      module: "model.js",
      weightsManifest: "weights_manifest.json",
      weights: { kind: "seed", seed: 3 },
      vocabulary: { source: { size: 24, file: null }, target: { size: 24, file: null } },
    });
    expect(description.spec.text).toBe(readFileSync(join(REPO, SPEC), "utf8"));
    expect(
      description.entryPoints.decode_step.inputs.map((i: { name: string }) => i.name),
    ).toContain("token");
    expect(description.state.map((s: { name: string }) => s.name)).toEqual(
      module.config.state.map((s) => s.name),
    );

    // The shards decode (as tfjs reads them) to exactly the weights of seed 3.
    const manifest = JSON.parse(readFileSync(join(out, "weights_manifest.json"), "utf8"));
    const bytes = readFileSync(join(out, manifest[0].paths[0]));
    const decoded = tf.io.decodeWeights(
      bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength),
      manifest[0].weights,
    );
    const expected = initWeights(module, 3);
    expect(Object.keys(decoded).sort()).toEqual([...expected.keys()].sort());
    for (const [name, w] of expected) {
      expect(decoded[name]!.shape).toEqual(w.dims);
      expect(Array.from(decoded[name]!.dataSync())).toEqual(Array.from(w.data));
    }
    tf.dispose(Object.values(decoded));
  });

  test("replaces its own earlier output in one rename and leaves no temporary directory", async () => {
    const out = join(temp, "again");
    expect((await s2sc("compile", SPEC, "-o", out)).code).toBe(0);
    expect((await s2sc("compile", SPEC, "-o", out, "--seed", "1")).code).toBe(0);
    expect(JSON.parse(readFileSync(join(out, "model.json"), "utf8")).weights.seed).toBe(1);
    expect(readdirSync(temp).filter((f) => f.startsWith("."))).toEqual([]);
  });

  test("refuses to replace a directory it did not write", async () => {
    const out = join(temp, "mine");
    mkdirSync(out);
    writeFileSync(join(out, "notes.txt"), "keep me");
    const r = await s2sc("compile", SPEC, "-o", out);
    expect(r.code).toBe(2);
    expect(r.err).toContain("is not an s2sc tfjs output");
    expect(readFileSync(join(out, "notes.txt"), "utf8")).toBe("keep me");
    expect(existsSync(join(out, "model.js"))).toBe(false);
  });
});
