/**
 * The CLI on ONNX Runtime, in-process: `compile --target onnx` writes loadable, checked
 * files; `run --backend ort` gives the interpreter's decode and logits; a compiled
 * directory runs in ORT by itself; and a trained `dates` checkpoint exports and
 * translates identically with `--backend ort` and `--backend tfjs`.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { InterpModel } from "../../src/backends/interp/model.js";
import { checkOnnxModel } from "../../src/backends/onnx/check.js";
import { loadOrtModel } from "../../src/node/ort/model.js";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { runTranslate } from "../../src/cli/commands/translate.js";
import { modulesOf, relativeError, REPO, SRC, TGT_IN } from "../tfjs/helpers.js";

const SPEC = "specs/tiny/transformer_pre_rms.s2s";
const temp = mkdtempSync(join(tmpdir(), "s2sc-ort-cli-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

async function s2sc(...args: string[]) {
  const io = recordingIo(REPO);
  const code = await main(args, io);
  return { code, out: io.out, err: io.err };
}

interface RunJson {
  backend: string;
  greedy: number[];
  logits: { dims: number[]; data: number[] };
}

describe("s2sc compile --target onnx", () => {
  test("writes three checked models and model.json with the seed's weights", async () => {
    const out = join(temp, "tiny");
    const r = await s2sc("compile", SPEC, "--target", "onnx", "-o", out, "--seed", "4");
    expect(r.code, r.err).toBe(0);
    expect(readdirSync(out).sort()).toEqual([
      "decoder.onnx",
      "decoder_step.onnx",
      "encoder.onnx",
      "model.json",
    ]);
    for (const f of ["encoder.onnx", "decoder.onnx", "decoder_step.onnx"])
      expect(checkOnnxModel(readFileSync(join(out, f))), f).toEqual([]);
    const d = JSON.parse(readFileSync(join(out, "model.json"), "utf8")) as Record<string, unknown>;
    expect(d["format"]).toBe("s2sc-onnx");
    expect(d["weights"]).toEqual({ kind: "seed", seed: 4 });
    expect(d["onnx"]).toEqual({ irVersion: 11, opset: 23 });

    // The directory runs in ORT by itself and computes what the interpreter does.
    const m = modulesOf(SPEC)[0]!;
    const ref = InterpModel.fromSeed(m, 4);
    const ort = await loadOrtModel(out);
    try {
      const logits = await ort.decode(await ort.encode(SRC), TGT_IN);
      expect(relativeError(logits.data, ref.decode(ref.encode(SRC), TGT_IN).data)).toBeLessThan(
        1e-4,
      );
    } finally {
      await ort.dispose();
    }
  });

  test("replaces a previous ONNX compile but not an unrelated directory", async () => {
    const out = join(temp, "again");
    expect((await s2sc("compile", SPEC, "--target", "onnx", "-o", out)).code).toBe(0);
    expect((await s2sc("compile", SPEC, "--target", "onnx", "-o", out)).code).toBe(0);
    const other = join(temp, "other");
    mkdirSync(other);
    writeFileSync(join(other, "notes.txt"), "mine");
    const r = await s2sc("compile", SPEC, "--target", "onnx", "-o", other);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/not an s2sc ONNX output/);
    expect(readdirSync(other)).toEqual(["notes.txt"]);
  });
});

describe("s2sc run --backend ort", () => {
  test.each(["specs/tiny/attn_general.s2s", SPEC])(
    "%s gives the interpreter's greedy decode and logits",
    async (spec) => {
      const args = ["run", spec, "--src", "4 5 6 7 3", "--seed", "3", "--json"];
      const interp = await s2sc(...args);
      const ort = await s2sc(...args, "--backend", "ort");
      expect(ort.code, ort.err).toBe(0);
      const a = JSON.parse(ort.out) as RunJson;
      const b = JSON.parse(interp.out) as RunJson;
      expect(a.backend).toBe("ort");
      expect(a.greedy).toEqual(b.greedy);
      expect(a.logits.dims).toEqual(b.logits.dims);
      expect(relativeError(a.logits.data, b.logits.data)).toBeLessThan(1e-4);
    },
  );

  test("names the backend in its text output", async () => {
    const r = await s2sc("run", SPEC, "--src", "4 5 6", "--backend", "ort", "-O0");
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain("on ONNX Runtime (cpu)");
  });
});

describe("a trained dates checkpoint", () => {
  test("exports to ONNX and translates identically with --backend ort and tfjs", async () => {
    const run = join(temp, "dates-run");
    const trained = await s2sc(
      "train",
      "test/ort/fixtures/dates_tiny.s2s",
      "--task",
      "dates",
      "--steps",
      "20",
      "--batch-size",
      "4",
      "--eval-size",
      "4",
      "--out",
      run,
      "--tf-backend",
      "cpu",
    );
    expect(trained.code, trained.err).toBe(0);

    const pkg = join(temp, "dates-onnx");
    const compiled = await s2sc("compile", run, "--target", "onnx", "-o", pkg);
    expect(compiled.code, compiled.err).toBe(0);
    const d = JSON.parse(readFileSync(join(pkg, "model.json"), "utf8")) as Record<string, unknown>;
    expect(d["weights"]).toEqual({ kind: "trained", step: 20 });
    expect(readdirSync(pkg)).toContain("vocab.json");
    for (const f of ["encoder.onnx", "decoder.onnx", "decoder_step.onnx"])
      expect(checkOnnxModel(readFileSync(join(pkg, f))), f).toEqual([]);

    const inputs = ["March 3, 1999", "1987-12-24", "Jul 4 2001", "17/05/2010"];
    for (const beam of [1, 3]) {
      const outputs: Record<string, { output: string; logProb: number }[]> = {};
      for (const backend of ["ort", "tfjs"] as const) {
        const io = recordingIo(REPO);
        const opts = { beam, lengthPenalty: 0, backend, tfBackend: "cpu" as const, json: true };
        const code = await runTranslate(io, run, opts, async () => inputs.join("\n") + "\n");
        expect(code, io.err).toBe(0);
        outputs[backend] = io.out
          .trim()
          .split("\n")
          .map((l) => JSON.parse(l) as { output: string; logProb: number });
      }
      const ort = outputs["ort"]!;
      const tfjs = outputs["tfjs"]!;
      expect(ort).toHaveLength(inputs.length);
      expect(ort.some((l) => l.output.length > 0)).toBe(true);
      expect(ort.map((l) => l.output)).toEqual(tfjs.map((l) => l.output));
      ort.forEach((l, i) => expect(l.logProb).toBeCloseTo(tfjs[i]!.logProb, 3));
    }
  });
});
