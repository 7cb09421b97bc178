/** `s2sc compile --target ir`, run in-process through `main` with a recording Io. */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { recordingIo, type RecordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { irFromJson } from "../../src/ir/json.js";

const SPEC = `
model s2s {
  source { vocab = 20  embed = 16 }
  target { vocab = 20  embed = 16 }
  encoder { gru { hidden = 16 } }
  decoder { attention additive { hidden = 8 } gru { hidden = 16 } }
  bridge = dense
}
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "s2sc-compile-"));
  writeFileSync(join(dir, "m.s2s"), SPEC);
  writeFileSync(join(dir, "a-file"), "not a directory");
});

async function run(...argv: string[]): Promise<{ code: number; io: RecordingIo }> {
  const io = recordingIo(dir);
  const code = await main(argv, io);
  return { code, io };
}

describe("s2sc compile --target ir", () => {
  it("writes DIR/model.ir.json that loads back through the schema and verifier", async () => {
    const { code, io } = await run("compile", "m.s2s", "--target", "ir", "-o", "out/ir");
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(io.out).toBe(`wrote ${join("out/ir", "model.ir.json")}\n`);
    const text = readFileSync(join(dir, "out/ir/model.ir.json"), "utf8");
    const back = irFromJson(text);
    expect(back.errors).toEqual([]);
    expect(back.module!.model).toBe("s2s");
    expect(back.module!.graphs.decode.nodes.some((n) => n.op === "Scan")).toBe(true);
    // Written through a temporary file that is renamed: nothing else is left behind.
    expect(readdirSync(join(dir, "out/ir"))).toEqual(["model.ir.json"]);
  });

  it("overwrites a previous output", async () => {
    mkdirSync(join(dir, "again"), { recursive: true });
    writeFileSync(join(dir, "again/model.ir.json"), "old");
    expect((await run("compile", "m.s2s", "--target", "ir", "-o", "again")).code).toBe(0);
    expect(readFileSync(join(dir, "again/model.ir.json"), "utf8").startsWith("{\n")).toBe(true);
  });

  it("writes the tfjs target, the default, instead (test/tfjs covers it)", async () => {
    for (const [args, out] of [
      [["--target", "tfjs"], "tf1"],
      [[], "tf2"],
    ] as const) {
      const { code, io } = await run("compile", "m.s2s", ...args, "-o", out);
      expect(io.err).toBe("");
      expect(code).toBe(0);
      expect(readdirSync(join(dir, out))).toContain("model.js");
      expect(readdirSync(join(dir, out))).not.toContain("model.ir.json");
    }
  });

  it("needs -o and a known target (exit 2)", async () => {
    expect((await run("compile", "m.s2s", "--target", "ir")).code).toBe(2);
    expect((await run("compile", "m.s2s", "--target", "tflite", "-o", "x")).code).toBe(2);
  });

  it("reports an output path it cannot create as an I/O error (exit 2)", async () => {
    const { code, io } = await run("compile", "m.s2s", "--target", "ir", "-o", "a-file/sub");
    expect(code).toBe(2);
    expect(io.err).toMatch(/cannot write a-file\/sub\/model\.ir\.json: E/);
  });

  it("reports spec errors as input errors (exit 1)", async () => {
    const { code, io } = await run("compile", "m.s2s:other", "--target", "ir", "-o", "x");
    expect(code).toBe(1);
    expect(io.err).toContain("S2S0011");
  });
});
