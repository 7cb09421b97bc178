/**
 * `s2sc check` is the whole check: every shape and resource error (S2S3xxx) that
 * `summary` reports, `check` reports too, at the same place, for every model of a file.
 * The cases come from the code table (src/diagnostics/codes.ts, docs/diagnostics.md), so
 * a new S2S3 code with an example is covered without touching this file.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { checkFiles } from "../../src/api/check.js";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { CODES, type Code, type CodeExample } from "../../src/diagnostics/codes.js";
import { memoryHost } from "../../src/source/host.js";

/** S2S3 codes whose example cannot go through `check`, each with the reason. */
const NOT_THROUGH_CHECK: Partial<Record<Code, string>> = {
  S2S3000: "the safety net for a shape rule no specific check covers: no spec is known to reach it",
};

const shapeCodes = (Object.keys(CODES) as Code[]).filter((c) => c.startsWith("S2S3"));

function exampleOf(code: Code): CodeExample | undefined {
  const info = CODES[code];
  return "example" in info ? (info.example as CodeExample) : undefined;
}

let root: string;

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "s2sc-shapes-in-check-"));
});

/** Writes `files` (path → text) into a fresh folder and returns it. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

async function s2sc(cwd: string, ...argv: string[]) {
  const io = recordingIo(cwd);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** The `FILE:LINE:COL: error CODE: message` lines of a text report. */
function errorLines(report: string, code = "S2S3"): string[] {
  return report.split("\n").filter((l) => new RegExp(`^\\S+:\\d+:\\d+: error ${code}`).test(l));
}

describe("the S2S3 codes check cannot be shown", () => {
  it("are exactly the codes without a spec example", () => {
    const without = shapeCodes.filter((c) => exampleOf(c) === undefined);
    expect(without.sort()).toEqual(Object.keys(NOT_THROUGH_CHECK).sort());
  });
});

describe("s2sc check reports every shape error class where summary does", () => {
  const cases = shapeCodes.filter((c) => !(c in NOT_THROUGH_CHECK));

  it("covers the S2S3 band", () => {
    expect(cases.length).toBeGreaterThanOrEqual(13);
  });

  it.each(cases)("%s", async (code) => {
    const ex = exampleOf(code)!;
    const dir = folder(code, { "example.s2s": ex.source, ...ex.files });
    const where = `example.s2s:${ex.line}:${ex.column}: error ${code}: `;

    const check = await s2sc(dir, "check", "example.s2s");
    expect(check.code, check.err).toBe(1);
    expect(check.err).toContain(where);
    expect(check.out).not.toContain("ok:");

    // The same shape errors as the command that elaborates the model for real.
    const summary = await s2sc(dir, "summary", "example.s2s");
    expect(summary.code).toBe(1);
    expect(summary.err).toContain(where);
    expect(errorLines(check.err)).toEqual(errorLines(summary.err));
  });

  it("prints the shape error in --format json at the example's line", async () => {
    const ex = exampleOf("S2S3002")!;
    const dir = folder("json", { "example.s2s": ex.source });
    const r = await s2sc(dir, "check", "--format", "json", "example.s2s");
    expect(r.code).toBe(1);
    const json = JSON.parse(r.out) as { diagnostics: Record<string, unknown>[] };
    expect(json.diagnostics).toEqual([
      expect.objectContaining({ code: "S2S3002", line: ex.line, column: ex.column }),
    ]);
  });
});

/** Fine as declared: 4 heads divide 32. Its children break it in its own text. */
const BASE = `model base(h = 4) {
  vocab = 16
  source { embed = 32 }
  target { embed = 32 }
  encoder { self_attention { heads = h } }
  decoder { cross_attention { heads = 4 } }
}
`;
const HEADS_LINE = 5;

describe("s2sc check elaborates every model of a file", () => {
  it("passes the base model alone", async () => {
    const dir = folder("base", { "base.s2s": BASE });
    const r = await s2sc(dir, "check", "base.s2s");
    expect(r.err).toBe("");
    expect(r.out).toBe("ok: 1 file, 1 model\n");
    expect(r.code).toBe(0);
  });

  it("reports a shape error reached only through `extends`, naming the child", async () => {
    const dir = folder("extends", {
      "m.s2s": BASE + "model wide extends base { source { embed = 30 } }\n",
    });
    const r = await s2sc(dir, "check", "m.s2s");
    expect(r.code).toBe(1);
    expect(errorLines(r.err)).toEqual([
      `m.s2s:${HEADS_LINE}:30: error S2S3002: 4 heads do not divide the model width 30`,
    ]);
    expect(r.err).toContain("while checking model `wide`");
    const summary = await s2sc(dir, "summary", "m.s2s:wide");
    expect(errorLines(summary.err)).toEqual(errorLines(r.err));
  });

  it("reports a shape error reached only through an instantiation", async () => {
    const dir = folder("instance", { "m.s2s": BASE + "model odd = base(h = 5)\n" });
    const r = await s2sc(dir, "check", "m.s2s");
    expect(r.code).toBe(1);
    expect(errorLines(r.err)).toEqual([
      `m.s2s:${HEADS_LINE}:30: error S2S3002: 5 heads do not divide the model width 32`,
    ]);
    expect(r.err).toContain("while checking model `odd`");
  });

  it("reports the second of two models when only it is broken", async () => {
    const ex = exampleOf("S2S3004")!;
    const good =
      "model good {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 8 } }\n  decoder { lstm { hidden = 8 } }\n}\n";
    const dir = folder("second", { "two.s2s": good + ex.source });
    const r = await s2sc(dir, "check", "two.s2s");
    expect(r.code).toBe(1);
    const line = good.split("\n").length - 1 + ex.line;
    expect(errorLines(r.err)).toEqual([
      expect.stringMatching(new RegExp(`^two\\.s2s:${line}:${ex.column}: error S2S3004: `)),
    ]);
  });

  it("reports an imported file's shape error once, in that file", async () => {
    const dir = folder("imports", {
      "lib/base.s2s": BASE + "model odd = base(h = 5)\n",
      "a.s2s": 'import "lib/base.s2s"\nmodel a extends base { }\n',
      "b.s2s": 'import "lib/base.s2s"\nmodel b extends base { }\n',
    });
    const r = await s2sc(dir, "check", "a.s2s", "b.s2s");
    expect(r.code).toBe(1);
    expect(errorLines(r.err)).toEqual([
      `lib/base.s2s:${HEADS_LINE}:30: error S2S3002: 5 heads do not divide the model width 32`,
    ]);
  });
});

describe("s2sc check --memory-budget", () => {
  it("checks the weights against the budget given, as summary does", async () => {
    const dir = folder("budget", { "base.s2s": BASE });
    const small = await s2sc(dir, "check", "--memory-budget", "1KiB", "base.s2s");
    expect(small.code).toBe(1);
    expect(errorLines(small.err, "S2S3007")).toHaveLength(1);
    const summary = await s2sc(dir, "summary", "--memory-budget", "1KiB", "base.s2s");
    expect(errorLines(summary.err)).toEqual(errorLines(small.err));
  });
});

describe("checkFiles (the API under the command)", () => {
  it("returns the shape diagnostics with ranges from an in-memory host, each once", () => {
    const host = memoryHost({ "m.s2s": BASE + "model odd = base(h = 5)\n" });
    const r = checkFiles(host, ["m.s2s", "m.s2s"]);
    expect(r.models).toBe(2);
    expect(r.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([
      ["S2S3002", HEADS_LINE, 30],
    ]);
    expect(r.sources.get("m.s2s")).toContain("model odd");
  });

  it("lists each file's diagnostics together, by position, files in the order met", () => {
    const host = memoryHost({
      "lib.s2s": BASE + "model odd = base(h = 5)\nmodel empty { }\n",
      "a.s2s": 'import "lib.s2s"\nmodel a extends base { }\n',
    });
    const r = checkFiles(host, ["a.s2s"]);
    const at = r.diagnostics.map((d) => `${d.range.file}:${d.range.start.line} ${d.code}`);
    expect(at).toEqual([
      "a.s2s:1 S2S2011",
      `lib.s2s:${HEADS_LINE} S2S3002`,
      ...Array<string>(4).fill("lib.s2s:9 S2S2029"),
    ]);
  });
});
