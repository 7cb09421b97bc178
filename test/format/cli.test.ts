/** `s2sc fmt [--check|--write] FILE...` (cli.md), run in-process. */
import {
  chmodSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  lstatSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

const MESSY = "model m{source{vocab=16;embed=8}}\n";
const TIDY = "model m { source { vocab = 16  embed = 8 } }\n";
const BROKEN = "model m { source { vocab = } }\n";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "s2sc-fmt-"));
  writeFileSync(join(dir, "messy.s2s"), MESSY);
  writeFileSync(join(dir, "tidy.s2s"), TIDY);
  writeFileSync(join(dir, "broken.s2s"), BROKEN);
});

async function run(...argv: string[]) {
  const io = recordingIo(dir);
  const code = await main(["fmt", ...argv], io);
  return { code, out: io.out, err: io.err };
}

const read = (name: string) => readFileSync(join(dir, name), "utf8");

describe("s2sc fmt", () => {
  it("prints the formatted text without a flag", async () => {
    const r = await run("messy.s2s");
    expect(r).toEqual({ code: 0, out: TIDY, err: "" });
    expect(read("messy.s2s")).toBe(MESSY);
  });

  it("--check lists the files that would change and exits 1, changing nothing", async () => {
    const r = await run("--check", "messy.s2s", "tidy.s2s");
    expect(r.code).toBe(1);
    expect(r.out).toBe(
      "would reformat messy.s2s\n1 file would be reformatted, 1 file already formatted\n",
    );
    expect(read("messy.s2s")).toBe(MESSY);
  });

  it("--check exits 0 when every file is formatted", async () => {
    const r = await run("--check", "tidy.s2s");
    expect(r.code).toBe(0);
    expect(r.out).toBe("0 files would be reformatted, 1 file already formatted\n");
  });

  it("--write rewrites the files that change, keeps their permissions and leaves no temporary file", async () => {
    chmodSync(join(dir, "messy.s2s"), 0o640);
    const tidyBefore = statSync(join(dir, "tidy.s2s")).mtimeMs;
    const r = await run("--write", "messy.s2s", "tidy.s2s");
    expect(r.code).toBe(0);
    expect(r.out).toBe("reformatted messy.s2s\n1 file reformatted, 1 file already formatted\n");
    expect(read("messy.s2s")).toBe(TIDY);
    expect(statSync(join(dir, "messy.s2s")).mode & 0o777).toBe(0o640);
    expect(statSync(join(dir, "tidy.s2s")).mtimeMs).toBe(tidyBefore); // not rewritten
    expect(readdirSync(dir).sort()).toEqual(["broken.s2s", "messy.s2s", "tidy.s2s"]);
  });

  it("--write through a symbolic link rewrites the target and keeps the link", async () => {
    symlinkSync(join(dir, "messy.s2s"), join(dir, "link.s2s"));
    expect((await run("--write", "link.s2s")).code).toBe(0);
    expect(lstatSync(join(dir, "link.s2s")).isSymbolicLink()).toBe(true);
    expect(read("messy.s2s")).toBe(TIDY);
  });

  it("reports a file with syntax errors, leaves it untouched and formats the others", async () => {
    const r = await run("--write", "broken.s2s", "messy.s2s");
    expect(r.code).toBe(1);
    expect(r.err).toContain("broken.s2s:1:28: error S2S1010:");
    expect(r.err).toContain("1 | model m { source { vocab = } }");
    expect(r.out).toBe(
      "reformatted messy.s2s\n" +
        "1 file reformatted, 0 files already formatted, 1 file not formatted (errors above)\n",
    );
    expect(read("broken.s2s")).toBe(BROKEN);
    expect(read("messy.s2s")).toBe(TIDY);
  });

  it("reports a missing file as S2S0001, exit 2 (an I/O error)", async () => {
    const r = await run("--check", "nope.s2s");
    expect(r.code).toBe(2);
    expect(r.err).toContain("nope.s2s:1:1: error S2S0001: file not found: nope.s2s");
  });

  it("rejects --check with --write as a usage error", async () => {
    expect((await run("--check", "--write", "tidy.s2s")).code).toBe(2);
  });

  it("follows the prettier configuration next to the file", async () => {
    writeFileSync(join(dir, ".prettierrc"), JSON.stringify({ printWidth: 30, useTabs: true }));
    const r = await run("tidy.s2s");
    expect(r.out).toBe("model m {\n\tsource {\n\t\tvocab = 16\n\t\tembed = 8\n\t}\n}\n");
  });
});
