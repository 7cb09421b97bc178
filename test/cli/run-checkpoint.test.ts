/**
 * `s2sc run RUN_DIR` (#19): a training run's directory runs its trained weights, not
 * weights drawn from a seed, and reads `--input TEXT` with the checkpoint's tokenizer.
 */
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { fakeRun } from "./fixtures/fake-run.js";

// The fixture's weights are drawn from seed 5, so `run SPEC --seed 5` has them too.
const dir = fakeRun(7, 5);
const spec = join(dirname(dir), "small.s2s");

async function run(...argv: string[]) {
  const io = recordingIo(process.cwd());
  const code = await main(["run", ...argv], io);
  return { code, out: io.out, err: io.err };
}

const json = (out: string) => JSON.parse(out) as Record<string, unknown>;

describe("s2sc run RUN_DIR", () => {
  it("runs the checkpoint's weights and says so", async () => {
    const fromDir = await run(dir, "--src", "4 5 6", "--json");
    const fromSeed5 = await run(spec, "--seed", "5", "--src", "4 5 6", "--json");
    expect(fromDir.err).toBe("");
    expect(fromDir.code).toBe(0);
    expect(json(fromDir.out)["logits"]).toEqual(json(fromSeed5.out)["logits"]);
    expect(json(fromDir.out)["checkpoint"]).toEqual({ dir, step: 7 });
    expect(json(fromDir.out)).not.toHaveProperty("seed");

    const text = await run(dir, "--src", "4 5 6");
    expect(text.out.split("\n")[0]).toBe(
      `model small on the interpreter, weights from ${dir} (step 7)`,
    );
    expect(text.out).toMatch(/^greedy: +[\d ]+ {3}"[a-h]*"$/m);
  });

  it("reads --input TEXT with the checkpoint's tokenizer, as --src of the same ids", async () => {
    const byText = await run(dir, "--input", "abc", "--json");
    const byIds = await run(dir, "--src", "4 5 6", "--json");
    expect(byText.code).toBe(0);
    const t = json(byText.out);
    expect(t["src"]).toEqual([4, 5, 6]);
    expect(t["input"]).toBe("abc");
    expect(t["logits"]).toEqual(json(byIds.out)["logits"]);
    expect(typeof t["greedyText"]).toBe("string");
  });

  it("warns about characters read as <unk>, and rejects text too long for the model", async () => {
    const unk = await run(dir, "--input", "abz", "--json");
    expect(unk.code).toBe(0);
    expect(json(unk.out)["src"]).toEqual([4, 5, 3]);
    expect(unk.err).toBe("s2sc: --input: not in the vocabulary, read as <unk>: `z`\n");
    const long = await run(dir, "--input", "abcdefghab");
    expect(long.code).toBe(2);
    expect(long.err.trim().split("\n")).toHaveLength(1);
    expect(long.err).toMatch(/^s2sc: --input: .*10 tokens.*8/);
  });

  it("--input needs a checkpoint; --src or --input must be given, not both", async () => {
    const onSpec = await run(spec, "--input", "abc");
    expect(onSpec.code).toBe(2);
    expect(onSpec.err).toMatch(/^s2sc: --input needs a checkpoint directory.*--src\n$/);
    for (const argv of [[dir], [dir, "--src", "4", "--input", "a"]]) {
      const r = await run(...argv);
      expect(r.code).toBe(2);
      expect(r.err).toBe(
        "s2sc: give the source as --src IDS or, for a checkpoint directory, --input TEXT\n",
      );
    }
  });
});
