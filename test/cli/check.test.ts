/** `s2sc check`: exit codes, file problems, text and JSON output (cli.md). */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "s2sc-check-"));
  writeFileSync(
    join(dir, "good.s2s"),
    "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 8 } }\n  decoder { lstm { hidden = 8 } }\n}\n",
  );
  writeFileSync(
    join(dir, "typo.s2s"),
    "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hiden = 8 } }\n  decoder { lstm { hidden = 8 } }\n}\n",
  );
  writeFileSync(join(dir, "binary.s2s"), Buffer.from([0x6d, 0x00, 0x01, 0x02]));
  writeFileSync(
    join(dir, "latin1.s2s"),
    Buffer.from([0x6c, 0x65, 0x74, 0x20, 0x61, 0x20, 0x3d, 0x20, 0x31, 0x0a, 0xe9, 0x0a]),
  );
  writeFileSync(join(dir, "empty.s2s"), "");
  writeFileSync(join(dir, "huge.s2s"), "let a = 1\n".repeat(1_050_000));
  mkdirSync(join(dir, "folder.s2s"));
});

async function run(...argv: string[]) {
  const io = recordingIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("s2sc check", () => {
  it("exits 0 on a good file", async () => {
    const r = await run("check", "good.s2s");
    expect(r.code).toBe(0);
    expect(r.out).toContain("ok: 1 file, 1 model");
  });

  it("reports a misspelled field with a caret and a hint, exit 1", async () => {
    const r = await run("check", "typo.s2s");
    expect(r.code).toBe(1);
    expect(r.err).toContain("typo.s2s:4:20: error S2S2020:");
    expect(r.err).toMatch(/\n4 \|   encoder \{ lstm \{ hiden = 8 \} \}\n  \| {20}\^{5}/);
    expect(r.err).toContain("hint: did you mean `hidden`?");
  });

  it("prints the JSON of cli.md with --format json", async () => {
    const r = await run("check", "--format", "json", "typo.s2s");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { diagnostics: Record<string, unknown>[] };
    // One typo, one diagnostic: the misspelt required field is not also "missing".
    expect(json.diagnostics).toHaveLength(1);
    const typo = json.diagnostics[0]!;
    expect(typo).toMatchObject({
      code: "S2S2020",
      severity: "error",
      file: "typo.s2s",
      line: 4,
      column: 20,
      endLine: 4,
      endColumn: 25,
    });
    expect(typo["hint"]).toContain("hidden");
  });

  // A file that cannot be read at all is an I/O error (exit 2); one read but not a spec
  // is wrong input (exit 1): docs/cli.md, "Exit codes".
  it.each([
    ["missing.s2s", "S2S0001", "file not found: missing.s2s", 2],
    ["folder.s2s", "S2S0002", "folder.s2s is a directory", 2],
    ["binary.s2s", "S2S0003", "binary.s2s is a binary file", 1],
    ["latin1.s2s", "S2S0004", "the first bad byte is on line 2", 1],
    ["huge.s2s", "S2S0006", "huge.s2s is too large", 1],
  ])("%s: %s, exit %i, no stack trace", async (file, code, message, exit) => {
    const r = await run("check", file);
    expect(r.code).toBe(exit);
    expect(r.err).toContain(`${file}:1:1: error ${code}: `);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
  });

  it("warns about an empty file but succeeds", async () => {
    const r = await run("check", "empty.s2s");
    expect(r.code).toBe(0);
    expect(r.err).toContain("warning S2S0005");
  });

  it("checks several files in one run and reports each", async () => {
    const r = await run("check", "good.s2s", "typo.s2s", "missing.s2s");
    expect(r.code).toBe(2);
    expect(r.err).toContain("S2S2020");
    expect(r.err).toContain("S2S0001");
    expect(r.err).toMatch(/\d+ errors, 0 warnings/);
  });

  it("usage errors exit 2", async () => {
    expect((await run("check")).code).toBe(2);
    expect((await run("check", "--format", "xml", "good.s2s")).code).toBe(2);
    expect((await run("frobnicate")).code).toBe(2);
  });
});
