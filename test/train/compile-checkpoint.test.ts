/** `s2sc compile RUN_DIR`: the standalone tfjs package of a training run ships its trained weights. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { loadCheckpoint } from "../../src/node/checkpoint.js";

const repo = resolve(import.meta.dirname, "../..");

async function run(...argv: string[]) {
  const io = recordingIo(repo);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

interface Manifest {
  paths: string[];
  weights: { name: string; shape: number[] }[];
}

describe("s2sc compile of a checkpoint directory", () => {
  it("writes the trained weights, the step and the vocabularies", async () => {
    const base = mkdtempSync(join(tmpdir(), "s2s-ckpt-"));
    const runDir = join(base, "run");
    const trained = await run(
      "train",
      "specs/tiny/attn_dot.s2s",
      "--task",
      "reverse",
      "--steps",
      "3",
      "--out",
      runDir,
      "--lengths",
      "3-5",
      "--batch-size",
      "4",
      "--eval-size",
      "4",
      "--tf-backend",
      "cpu",
    );
    expect(trained.code).toBe(0);
    const pkg = join(base, "pkg");
    const r = await run("compile", runDir, "-o", pkg);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);

    const ckpt = loadCheckpoint(runDir);
    const model = JSON.parse(readFileSync(join(pkg, "model.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(model["weights"]).toEqual({ kind: "trained", step: 3 });
    const vocab = JSON.parse(readFileSync(join(pkg, "vocab.json"), "utf8")) as Record<
      string,
      unknown
    >;
    expect(vocab["source"]).toEqual(ckpt.srcVocab.toJson());
    expect(vocab["tokenizer"]).toEqual(ckpt.tokenizer);

    // The shards hold exactly the checkpoint's weights, in manifest order.
    const [manifest] = JSON.parse(
      readFileSync(join(pkg, "weights_manifest.json"), "utf8"),
    ) as Manifest[];
    const bytes = Buffer.concat(manifest!.paths.map((p) => readFileSync(join(pkg, p))));
    const all = new Float32Array(bytes.buffer, bytes.byteOffset, bytes.byteLength / 4);
    let at = 0;
    for (const w of manifest!.weights) {
      const n = w.shape.reduce((a, b) => a * b, 1);
      const stored = ckpt.weights.get(w.name);
      if (stored !== undefined)
        expect(Array.from(all.subarray(at, at + n))).toEqual(Array.from(stored.data));
      at += n;
    }
    expect(at).toBe(all.length);

    // Its IR is already in the run directory: --target ir is a usage error that says so.
    const ir = await run("compile", runDir, "--target", "ir", "-o", join(base, "ir"));
    expect(ir.code).toBe(2);
    expect(ir.err).toContain("compiles to --target tfjs");
  });
});
