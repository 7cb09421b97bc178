// The exit-code rule for inputs (docs/cli.md, "Exit codes"): a file that cannot be read
// at all is an I/O error, exit 2, in every command; a file that was read but is wrong
// is exit 1; no command at all is a usage error.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

let dir: string;

const SPEC = `model m {
  source { vocab = 16  embed = 8 }
  target { vocab = 16  embed = 8 }
  encoder { lstm { hidden = 8 } }
  decoder { lstm { hidden = 8 } }
}
`;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "s2sc-exit-"));
  writeFileSync(join(dir, "ok.s2s"), SPEC);
  writeFileSync(join(dir, "binary.s2s"), Buffer.from([0x6d, 0x00, 0x01]));
  mkdirSync(join(dir, "folder.s2s"));
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]) {
  const io = recordingIo(dir);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** Each command given a missing input where it reads one. */
const MISSING: [string, string[]][] = [
  ["check", ["check", "gone.s2s"]],
  ["summary", ["summary", "gone.s2s"]],
  ["compile", ["compile", "gone.s2s", "-o", "out"]],
  ["run", ["run", "gone.s2s", "--src", "4 5"]],
  ["run DIR", ["run", "gone-dir", "--src", "4 5"]],
  ["diff (first)", ["diff", "gone.s2s", "ok.s2s"]],
  ["diff (second)", ["diff", "ok.s2s", "gone.s2s"]],
  ["graph", ["graph", "gone.s2s"]],
  ["fmt", ["fmt", "gone.s2s"]],
  ["train (spec)", ["train", "gone.s2s", "--task", "copy", "--steps", "1", "--out", "r1"]],
  ["train --data", ["train", "ok.s2s", "--data", "gone.tsv", "--steps", "1", "--out", "r2"]],
  ["translate", ["translate", "gone-run", "--input", "ab"]],
  ["experiment", ["experiment", "gone.json"]],
];

describe("a missing input file", () => {
  for (const [name, argv] of MISSING) {
    it(`exits 2 with a message naming it: ${name}`, async () => {
      const r = await run(argv);
      expect(r.code, r.err).toBe(2);
      expect(r.err).toMatch(/gone/);
      expect(r.err).not.toMatch(/internal error|\n\s+at /);
    });
  }
});

describe("a path that is not a readable file", () => {
  it("exits 2 for a directory", async () => {
    const r = await run(["check", "folder.s2s"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("S2S0002");
  });

  it("exits 2 when one of several files is missing, after checking the others", async () => {
    const r = await run(["check", "ok.s2s", "gone.s2s"]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("S2S0001");
  });

  it("exits 1 for a file that was read but is not a spec", async () => {
    const r = await run(["check", "binary.s2s"]);
    expect(r.code).toBe(1);
    expect(r.err).toContain("S2S0003");
  });

  it("exits 1 from fmt for a file that was read but is not a spec", async () => {
    expect((await run(["fmt", "binary.s2s"])).code).toBe(1);
  });
});

describe("no command", () => {
  it("prints the usage on stderr and exits 2", async () => {
    const r = await run([]);
    expect(r.code).toBe(2);
    expect(r.err).toContain("Usage: s2sc");
    expect(r.out).toBe("");
  });

  it("`s2sc help` and `--help` still exit 0", async () => {
    expect((await run(["help"])).code).toBe(0);
    expect((await run(["--help"])).code).toBe(0);
  });
});
