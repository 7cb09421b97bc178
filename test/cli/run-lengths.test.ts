/**
 * `s2sc run` with sources and targets at and past the position table (transformer_pre_rms:
 * `max_length = 64`): 64 source tokens and 63 target tokens run (the decoder reads <bos>
 * first), one more is a one-line usage error (exit 2) before any backend runs.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const repo = resolve(import.meta.dirname, "../..");
const SPEC = "specs/tiny/transformer_pre_rms.s2s";
const MAX = 64;

async function run(...argv: string[]) {
  const io = recordingIo(repo);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** n ids inside the vocabularies (≥ 16), none of them a special token. */
const ids = (n: number) => Array.from({ length: n }, (_, i) => 4 + (i % 12)).join(" ");

describe("s2sc run: inputs against the position table", () => {
  it("runs a source of max_length tokens and a target of max_length − 1", async () => {
    const r = await run("run", SPEC, "--src", ids(MAX), "--tgt", ids(MAX - 1), "--json");
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.out) as { logits: { dims: number[] }; greedy: number[] };
    expect(j.logits.dims).toEqual([1, MAX, 32]);
    // The default limit (2·64 + 10) is capped below the table.
    expect(j.greedy.length).toBeLessThanOrEqual(MAX - 1);
  });

  it("rejects a source of max_length + 1 tokens in one line, exit 2", async () => {
    const r = await run("run", SPEC, "--src", ids(MAX + 1));
    expect(r.code).toBe(2);
    expect(r.out).toBe("");
    expect(r.err).toBe(
      "s2sc: --src: the source has 65 tokens, but the model reads at most 64 " +
        "(its position table has 64 rows: raise `max_length` in the spec)\n",
    );
  });

  it("rejects a target of max_length tokens (with <bos>, one past the table)", async () => {
    const r = await run("run", SPEC, "--src", ids(3), "--tgt", ids(MAX), "--backend", "tfjs");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^s2sc: --tgt: the target has 64 tokens, but the model reads at most 63 /,
    );
    expect(r.err.trim().split("\n")).toHaveLength(1);
  });

  it("takes any length on a model without a position table", async () => {
    const r = await run("run", "specs/tiny/lstm_seq2seq.s2s", "--src", ids(100), "--tgt", ids(2));
    expect(r.code).toBe(0);
  });
});
