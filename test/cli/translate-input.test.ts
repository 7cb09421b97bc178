/**
 * `s2sc translate` on input a user types (#19): a line longer than the model's
 * max_length, characters the vocabulary does not know, and blank lines. Every input line
 * gets one output line, in order.
 */
import { describe, expect, it } from "vitest";
import { runTranslate, type TranslateOptions } from "../../src/cli/commands/translate.js";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { fakeRun, MAX_LENGTH } from "./fixtures/fake-run.js";

const dir = fakeRun();
const opts: TranslateOptions = { beam: 1, lengthPenalty: 0, backend: "interp", maxLength: 4 };

async function translateStdin(text: string, extra: Partial<TranslateOptions> = {}) {
  const io = recordingIo(process.cwd());
  const code = await runTranslate(io, dir, { ...opts, ...extra }, async () => text);
  return { code, out: io.out, err: io.err };
}

async function translateInput(input: string) {
  const io = recordingIo(process.cwd());
  const code = await main(["translate", dir, "--input", input, "--max-length", "4"], io);
  return { code, out: io.out, err: io.err };
}

const tooLong = "abcdefgh".repeat(2).slice(0, MAX_LENGTH + 1);

describe("s2sc translate: input longer than max_length", () => {
  it("--input gets a one-line error and exit 1, not an internal error", async () => {
    const r = await translateInput(tooLong);
    expect(r.err).toBe(
      `s2sc: --input: the source has ${MAX_LENGTH + 1} tokens, but the model reads at most ${MAX_LENGTH} (its position table has ${MAX_LENGTH} rows: raise \`max_length\` in the spec); not translated\n`,
    );
    expect(r.code).toBe(1);
  });

  it("a line of exactly max_length is translated", async () => {
    const r = await translateInput(tooLong.slice(0, MAX_LENGTH));
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
  });

  it("on stdin, the other lines are translated in order and the long one prints empty", async () => {
    const alone = await translateStdin("abc\nhgf\n");
    const [abc, hgf] = alone.out.split("\n");
    const r = await translateStdin(`abc\n${tooLong}\nhgf\n`);
    expect(r.out.split("\n")).toEqual([abc, "", hgf, ""]);
    expect(r.err).toMatch(/^s2sc: line 2: the source has 9 tokens, but the model reads at most 8 /);
    expect(r.err.trim().split("\n")).toHaveLength(1);
    expect(r.code).toBe(1);
  });

  it("--json gives the failed line an error and no output", async () => {
    const r = await translateStdin(`${tooLong}\nab\n`, { json: true });
    const [bad, good] = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(bad).toMatchObject({ input: tooLong, output: "", finished: false });
    expect(bad!["error"]).toMatch(/at most 8/);
    expect(good).not.toHaveProperty("error");
    expect(good).toMatchObject({ input: "ab", unknown: [] });
  });
});

describe("s2sc translate: unknown tokens and blank lines", () => {
  it("warns once per line with the characters read as <unk>", async () => {
    const r = await translateStdin("axyx\nab\nzz\n");
    expect(r.err).toBe(
      "s2sc: line 1: not in the vocabulary, read as <unk>: `x`, `y`\n" +
        "s2sc: line 3: not in the vocabulary, read as <unk>: `z`\n",
    );
    expect(r.out.split("\n")).toHaveLength(4);
    expect(r.code).toBe(0);
  });

  it("a blank line prints an empty line without decoding, keeping lines aligned", async () => {
    const alone = await translateStdin("ab\nba\n");
    const [ab, ba] = alone.out.split("\n");
    const r = await translateStdin("ab\n\nba\n");
    expect(r.out.split("\n")).toEqual([ab, "", ba, ""]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    const j = await translateStdin("\n", { json: true });
    expect(JSON.parse(j.out)).toEqual({
      input: "",
      output: "",
      logProb: 0,
      finished: true,
      unknown: [],
    });
  });
});
