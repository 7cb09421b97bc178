/** `s2sc summary`, run in-process through `main` with a recording Io. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { recordingIo, type RecordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const LSTM = `
// LSTM seq2seq with dot attention.
model attn_dot {
  source { vocab = 20  embed = 32 }
  target { vocab = 20  embed = 32 }
  encoder { lstm { hidden = 64 } }
  decoder {
    lstm { hidden = 64 }
    attention dot { }
  }
}
`;

const TWO = `
model small_t(d = 32) {
  vocab = 40
  share_embeddings = true
  source { embed = d }
  target { embed = d }
  position = sinusoidal
  max_length = 64
  encoder { self_attention { heads = 4 } feed_forward { hidden = 64 } }
  decoder { self_attention { heads = 4 } cross_attention { heads = 4 } feed_forward { hidden = 64 } }
  output { tied = true }
}
model wide_t = small_t(d = 64)
`;

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "s2sc-summary-"));
  writeFileSync(join(dir, "lstm.s2s"), LSTM);
  writeFileSync(join(dir, "two.s2s"), TWO);
  writeFileSync(join(dir, "none.s2s"), "let width = 3\n");
  writeFileSync(join(dir, "bad.s2s"), "model m { source { vocab = 20 embed = 32 } heds = 3 }\n");
  // A file whose name contains a colon and looks like FILE:MODEL.
  writeFileSync(join(dir, "odd:attn_dot"), LSTM);
});

async function run(...argv: string[]): Promise<{ code: number; io: RecordingIo }> {
  const io = recordingIo(dir);
  const code = await main(argv, io);
  return { code, io };
}

describe("s2sc summary", () => {
  it("prints the layer table and totals of a file's only model", async () => {
    const { code, io } = await run("summary", "lstm.s2s");
    expect(io.err).toBe("");
    expect(code).toBe(0);
    const out = io.out;
    expect(out).toContain("Model: attn_dot  (lstm.s2s)");
    expect(out).toMatch(/^Layer +Kind +Output shape +Params +MACs\/token$/m);
    expect(out).toMatch(/^encoder\/layer0\/lstm +lstm +\[B, S, 64\] +24,832 +24\.6K$/m);
    // 4·64·(32 + 64) = 24576 MACs per source token in the encoder's LSTM.
    expect(out).toMatch(/^Parameters +60,436 +\(trainable; a tied tensor counts once\)$/m);
    expect(out).toMatch(/^Weights +236\.08 KiB +\(241,744 bytes\)$/m);
    expect(out).toMatch(/^ {2}per source token +24\.6K +49\.2K +encode\(S = L\) \/ L$/m);
    expect(out).toContain("source and target length L = 64");
    expect(out).toContain("encode      = 24576*S");
    expect(out).toContain("Counted: MACs of matmul-like ops only");
    expect(out).toContain("elementwise ops, softmax");
  });

  it("prints the JSON of cli.md with --json", async () => {
    const { code, io } = await run("summary", "lstm.s2s", "--json", "--length", "10");
    expect(code).toBe(0);
    const j = JSON.parse(io.out);
    expect(Object.keys(j).slice(0, 5)).toEqual(["model", "file", "params", "weightBytes", "flops"]);
    expect(j.model).toBe("attn_dot");
    expect(j.params).toMatchObject({ total: 60436, trainable: 60436, buffers: 0 });
    expect(j.params.bySection).toEqual({
      source: 640,
      target: 640,
      encoder: 24832,
      decoder: 33024,
      output: 1300,
    });
    expect(j.weightBytes).toBe(241744);
    expect(j.flops.referenceLength).toBe(10);
    expect(j.flops.batch).toBe(1);
    expect(j.flops.macs.perSourceToken).toBe(24576);
    expect(j.flops.perSourceToken).toBe(2 * 24576);
    // decode(S, T) = 128·S·T + 34048·T at S = T = 10, per target token.
    expect(j.flops.macsPolynomials.decode).toEqual({
      text: "128*S*T + 34048*T",
      terms: { "S*T": 128, T: 34048 },
    });
    expect(j.flops.macs.perTargetToken).toBe(128 * 10 + 34048);
    // One sequence pair: encode(10) + decode(10, 10).
    expect(j.flops.macs.perSequencePair).toBe(24576 * 10 + 128 * 100 + 34048 * 10);
    expect(j.flops.perSequencePair).toBe(2 * j.flops.macs.perSequencePair);
    expect(j.flops.counted).toContain("FLOPs = 2 × MACs");
    const lstm = j.layers.find((l: { path: string }) => l.path === "encoder/layer0/lstm");
    expect(lstm).toEqual({
      path: "encoder/layer0/lstm",
      kind: "lstm",
      outputShape: ["B", "S", 64],
      params: 24832,
      flopsPerToken: 2 * 24576,
    });
    // The per-layer figures add up to the per-token totals on each side.
    const sum = j.layers.reduce(
      (n: number, l: { flopsPerToken: number }) => n + l.flopsPerToken,
      0,
    );
    expect(sum).toBe(j.flops.perSourceToken + j.flops.perTargetToken);
  });

  it("shows buffers and shared embeddings of a Transformer", async () => {
    const { code, io } = await run("summary", "two.s2s:small_t");
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(io.out).toMatch(/^Buffers +[\d,]+ +\(fixed tables: not trained, not parameters\)$/m);
    expect(io.out).toContain("parameters and buffers)");
    expect(io.out).toMatch(/encode {6}= \d+\*S\^2 \+ \d+\*S/);
  });

  it("compares two models of one file by name", async () => {
    const small = JSON.parse((await run("summary", "two.s2s:small_t", "--json")).io.out);
    const wide = JSON.parse((await run("summary", "two.s2s:wide_t", "--json")).io.out);
    expect(wide.params.total).toBeGreaterThan(small.params.total);
    expect(wide.flops.perSourceToken).toBeGreaterThan(small.flops.perSourceToken);
  });

  it("needs :MODEL for a file with several models (S2S0010), listing them", async () => {
    const { code, io } = await run("summary", "two.s2s");
    expect(code).toBe(1);
    expect(io.out).toBe("");
    expect(io.err).toContain(
      "error S2S0010: two.s2s declares 2 models; pick one with two.s2s:MODEL",
    );
    expect(io.err).toContain("hint: the models are `small_t`, `wide_t`");
  });

  it("reports an unknown model with a suggestion (S2S0011)", async () => {
    const { code, io } = await run("summary", "two.s2s:wide_tt");
    expect(code).toBe(1);
    expect(io.err).toContain("error S2S0011: two.s2s has no model `wide_tt`");
    expect(io.err).toContain(
      "hint: did you mean `wide_t`? the models of two.s2s are `small_t`, `wide_t`",
    );
  });

  it("reports a file without models (S2S0012)", async () => {
    const { code, io } = await run("summary", "none.s2s");
    expect(code).toBe(1);
    expect(io.err).toContain("error S2S0012: none.s2s declares no model");
  });

  it("treats an existing file whose name contains a colon as a path", async () => {
    const { code, io } = await run("summary", "odd:attn_dot");
    expect(code).toBe(0);
    expect(io.out).toContain("Model: attn_dot  (odd:attn_dot)");
  });

  it("reports a missing file (I/O, exit 2) and a file with errors (exit 1)", async () => {
    const missing = await run("summary", "nope.s2s");
    expect(missing.code).toBe(2);
    expect(missing.io.err).toContain("S2S0001");
    const bad = await run("summary", "bad.s2s");
    expect(bad.code).toBe(1);
    expect(bad.io.err).toMatch(/bad\.s2s:1:\d+: error S2S/);
  });

  it("enforces --memory-budget, given in binary units", async () => {
    const { code, io } = await run("summary", "lstm.s2s", "--memory-budget", "200KiB");
    expect(code).toBe(1);
    expect(io.err).toContain("error S2S3007");
    expect(io.err).toContain("over the memory budget of 200.00 KiB");
    expect((await run("summary", "lstm.s2s", "--memory-budget", "1MiB")).code).toBe(0);
    expect((await run("summary", "lstm.s2s", "--memory-budget", "241744")).code).toBe(0);
  });

  it("rejects bad flag values as usage errors (exit 2)", async () => {
    for (const args of [
      ["--memory-budget", "4G"],
      ["--memory-budget", "-1"],
      ["--length", "0"],
      ["--length", "1.5"],
    ]) {
      const { code, io } = await run("summary", "lstm.s2s", ...args);
      expect(code).toBe(2);
      expect(io.err).toContain(`option '${args[0]}`);
    }
  });
});
