/** `s2sc run --backend interp` (cli.md): text and JSON, from a spec and from an IR directory. */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const repo = resolve(import.meta.dirname, "../..");

async function run(...argv: string[]) {
  const io = recordingIo(repo);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("s2sc run --backend interp", () => {
  it("prints logits dims and a greedy decode as JSON", async () => {
    const r = await run(
      "run",
      "specs/tiny/attn_dot.s2s",
      "--backend",
      "interp",
      "--seed",
      "3",
      "--src",
      "4 5 6",
      "--tgt",
      "7 8",
      "--json",
    );
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as {
      backend: string;
      logits: { dims: number[]; data: number[] };
      greedy: number[];
    };
    expect(j.backend).toBe("interp");
    expect(j.logits.dims).toEqual([1, 3, 20]);
    expect(j.logits.data).toHaveLength(60);
    expect(j.greedy.every((t) => t >= 2 && t < 20)).toBe(true);
  });

  it("is deterministic for a seed and differs across seeds", async () => {
    const a = JSON.parse(
      (
        await run(
          "run",
          "specs/tiny/lstm_seq2seq.s2s",
          "--seed",
          "1",
          "--src",
          "4 5",
          "--tgt",
          "6",
          "--json",
        )
      ).out,
    );
    const b = JSON.parse(
      (
        await run(
          "run",
          "specs/tiny/lstm_seq2seq.s2s",
          "--seed",
          "1",
          "--src",
          "4 5",
          "--tgt",
          "6",
          "--json",
        )
      ).out,
    );
    const c = JSON.parse(
      (
        await run(
          "run",
          "specs/tiny/lstm_seq2seq.s2s",
          "--seed",
          "2",
          "--src",
          "4 5",
          "--tgt",
          "6",
          "--json",
        )
      ).out,
    );
    expect(a.logits.data).toEqual(b.logits.data);
    expect(a.logits.data).not.toEqual(c.logits.data);
  });

  it("runs from an IR directory written by compile --target ir, with the same result", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s2sc-run-"));
    expect(
      (await run("compile", "specs/tiny/transformer_tiny.s2s", "--target", "ir", "-o", dir)).code,
    ).toBe(0);
    const fromIr = JSON.parse(
      (await run("run", dir, "--seed", "5", "--src", "4 5 6", "--json")).out,
    );
    const fromSpec = JSON.parse(
      (
        await run(
          "run",
          "specs/tiny/transformer_tiny.s2s",
          "--seed",
          "5",
          "--src",
          "4 5 6",
          "--json",
        )
      ).out,
    );
    expect(fromIr.logits).toEqual(fromSpec.logits);
    expect(fromIr.greedy).toEqual(fromSpec.greedy);
  });

  it("rejects ids outside the vocabulary (exit 2) and refuses over the memory budget (exit 1)", async () => {
    const bad = await run("run", "specs/tiny/attn_dot.s2s", "--src", "4 99");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("id 99 is outside the vocabulary (0..19)");
    const big = await run(
      "run",
      "specs/papers/sutskever2014.s2s",
      "--memory-budget",
      "1GiB",
      "--src",
      "4 5",
    );
    expect(big.code).toBe(1);
    expect(big.err).toContain("S2S3007");
    expect(big.err).toContain("over the memory budget of 1.00 GiB");
  });

  it("prints a readable report on a terminal-less stdout", async () => {
    const r = await run(
      "run",
      "specs/tiny/transformer_tiny.s2s",
      "--seed",
      "1",
      "--src",
      "4 5 6 7",
    );
    expect(r.code).toBe(0);
    expect(r.out).toContain("model transformer_tiny on the interpreter");
    expect(r.out).toMatch(/logits: +\[1, \d+, 64\]/);
    expect(r.out).toMatch(/greedy: +/);
  });
});
