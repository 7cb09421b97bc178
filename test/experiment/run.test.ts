/**
 * A tiny experiment end to end (two 8-unit models, 6 steps): the report, its tables and
 * its plots, SVGs that parse, and results that depend only on the seed.
 */
import { mkdtempSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import type { ExperimentResult } from "../../src/node/experiment/result.js";

const repo = resolve(import.meta.dirname, "../..");
const TINY = "test/experiment/fixtures/tiny.json";

async function run(...argv: string[]) {
  const io = recordingIo(repo);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

/** Every element name in a parsed XML tree. */
function elements(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((n) => elements(n, into));
  else if (node !== null && typeof node === "object")
    for (const [k, v] of Object.entries(node)) {
      if (!k.startsWith("@_") && k !== "#text") into.add(k);
      elements(v, into);
    }
  return into;
}

describe("s2sc experiment", () => {
  it("trains, evaluates per bucket and writes a report with valid SVG plots", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s2s-exp-"));
    const reportPath = join(dir, "report.md");
    const r = await run("experiment", TINY, "--report", reportPath, "--tf-backend", "cpu");
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const md = readFileSync(reportPath, "utf8");
    expect(md).toContain("## 1. Tiny");
    expect(md).toContain("`s2sc experiment test/experiment/fixtures/tiny.json --report");
    // Tables are formatted by prettier, so cells are padded.
    expect(md).toMatch(
      /\| `plain` +\| `test\/experiment\/fixtures\/tiny\.s2s:plain` +\| +1,288 \|/,
    );
    // The argument changed the model: 6 hidden units instead of 8.
    expect(md).toMatch(
      /\| `dot` +\| `test\/experiment\/fixtures\/tiny\.s2s:dot` \(hidden = 6\) +\| +976 \|/,
    );
    expect(md).toMatch(/\| 5–6 \(beyond training\) +\| +6 \|/);
    expect(md).toContain("seed 1");
    expect(md).toMatch(/### Reading\n\n- At the longest trained lengths \(4\)/);

    const svgs = readdirSync(join(dir, "img/experiments")).sort();
    expect(svgs.filter((f) => f.endsWith(".svg"))).toEqual([
      "tiny-accuracy-by-length.svg",
      "tiny-accuracy-by-step.svg",
      "tiny-final-accuracy.svg",
    ]);
    // The raw results beside the plots hold the report's numbers.
    const raw = JSON.parse(readFileSync(join(dir, "img/experiments/results.json"), "utf8"));
    expect(raw.experiments[0].models.map((m: { params: number }) => m.params)).toEqual([1288, 976]);
    for (const f of svgs.filter((f) => f.endsWith(".svg"))) {
      expect(md).toContain(`](img/experiments/${f})`);
      const text = readFileSync(join(dir, "img/experiments", f), "utf8");
      expect(XMLValidator.validate(text)).toBe(true);
      const doc = new XMLParser({ ignoreAttributes: false }).parse(text);
      expect(doc.svg["@_xmlns"]).toBe("http://www.w3.org/2000/svg");
      expect(Number(doc.svg["@_width"])).toBeGreaterThan(100);
      const names = elements(doc.svg);
      // Axes and legend text, and the marks themselves.
      expect(names.has("text")).toBe(true);
      expect(names.has("path")).toBe(true);
      expect(text).toContain("exact match (greedy)");
      expect(text).toContain("plain");
    }
  }, 60_000);

  it("re-renders a report from a run's results.json with the same numbers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s2s-exp-"));
    const first = join(dir, "a/report.md");
    expect((await run("experiment", TINY, "--report", first, "--tf-backend", "cpu")).code).toBe(0);
    const second = join(dir, "b/report.md");
    const r = await run(
      "experiment",
      "--from-results",
      join(dir, "a/img/experiments/results.json"),
      "--report",
      second,
    );
    expect(r.code).toBe(0);
    const a = readFileSync(first, "utf8");
    const b = readFileSync(second, "utf8");
    expect(b).toContain("- **Rendered** from that run's `results.json` (its numbers, unchanged)");
    const tables = (md: string) => md.split("\n").filter((l) => l.startsWith("|"));
    expect(tables(b)).toEqual(tables(a));
    expect(readdirSync(join(dir, "b/img/experiments")).sort()).toEqual(
      readdirSync(join(dir, "a/img/experiments")).sort(),
    );
    const bad = await run("experiment", "--from-results", first);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain("cannot read results");
  }, 60_000);

  it("gives the same numbers for the same seed, in --json", async () => {
    const a = await run("experiment", TINY, "--json", "--tf-backend", "cpu");
    const b = await run("experiment", TINY, "--json", "--tf-backend", "cpu");
    expect(a.code).toBe(0);
    const strip = (out: string) =>
      (JSON.parse(out).experiments as ExperimentResult[]).map((e) =>
        e.models.map((m) => ({
          label: m.label,
          params: m.params,
          buckets: m.buckets,
          curve: m.curve.map((p) => [p.step, p.valLoss, p.sequenceAccuracy]),
        })),
      );
    const ra = strip(a.out);
    expect(ra).toEqual(strip(b.out));
    const [plain, dot] = ra[0]!;
    expect(plain!.curve.map((p) => p[0])).toEqual([3, 6]);
    expect(plain!.buckets.map((x) => [x.lo, x.hi, x.pairs, x.beyondTraining])).toEqual([
      [2, 3, 6, false],
      [4, 4, 6, false],
      [5, 6, 6, true],
    ]);
    expect(dot!.params).toBe(976);
  }, 60_000);
});

describe("--jobs", () => {
  it("trains models in child processes with the same results as in-process", async () => {
    const { loadExperiment } = await import("../../src/node/experiment/load.js");
    const { runAll } = await import("../../src/node/experiment/pool.js");
    const exp = loadExperiment(resolve(repo, TINY), TINY);
    const io = recordingIo(repo);
    const seen: string[] = [];
    const opts = {
      cwd: repo,
      tfBackend: "cpu" as const,
      onWorkerOutput: (text: string) => io.stderr(text),
      onEvaluation: (label: string, p: { step: number }) => seen.push(`${label}@${p.step}`),
      entry: { execArgv: ["--import", "tsx"], script: join(repo, "scripts/s2sc.ts") },
    };
    const inChildren = await runAll(exp, { ...opts, jobs: 2 });
    expect(io.err).toBe("");
    expect(seen.sort()).toEqual(["dot@3", "dot@6", "plain@3", "plain@6"]);
    const inProcess = await runAll(exp, { ...opts, jobs: 1 });
    const numbers = (rs: typeof inProcess) =>
      rs.map((m) => [m.label, m.params, m.buckets, m.curve.map((p) => p.valLoss)]);
    expect(numbers(inChildren)).toEqual(numbers(inProcess));
  }, 120_000);
});
