/**
 * The benchmark harness (bench/): a quick-mode run of one cheap group validated against
 * bench/results.schema.json, the committed bench/results.json against the same schema,
 * BENCHMARKS.md rendering from a fixture, side-by-side alternation, and the decoding
 * group's no-cache baseline producing the same tokens as cached decoding.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { predict } from "../../bench/groups/forward.js";
import { measurePair } from "../../bench/harness/measure.js";
import {
  greedyFixed,
  greedyNoCache,
  loadSpec,
  makeRunner,
  tokenBatch,
} from "../../bench/harness/models.js";
import { mergeResults, validateResults, type BenchResults } from "../../bench/harness/results.js";
import { renderReport } from "../../bench/report.js";
import { runBench, UsageError } from "../../bench/run.js";

const fixture = (): BenchResults =>
  JSON.parse(readFileSync("test/bench/fixtures/results.json", "utf8")) as BenchResults;

describe("bench harness", () => {
  it("runs a group in quick mode and writes schema-valid results and a report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s2s-bench-"));
    const out = join(dir, "results.json");
    const report = join(dir, "BENCHMARKS.md");
    const lines: string[] = [];
    const { results, failed } = await runBench({
      only: ["roofline"],
      quick: true,
      out,
      report,
      log: (l) => lines.push(l),
    });
    expect(failed).toEqual([]);
    const written = JSON.parse(readFileSync(out, "utf8")) as unknown;
    expect(validateResults(written)).toEqual([]);
    expect(written).toEqual(JSON.parse(JSON.stringify(results)));
    const g = results.groups[0]!;
    expect(g.name).toBe("roofline");
    expect(g.measurements.length).toBeGreaterThan(0);
    for (const m of g.measurements) {
      expect(m.stats!.runs).toBeGreaterThanOrEqual(2);
      expect(m.values["gflops"]).toBeGreaterThan(0);
    }
    expect(readFileSync(report, "utf8")).toContain("## Matmul roofline");
    expect(lines.some((l) => l.includes("roofline"))).toBe(true);
  }, 120_000);

  it("refuses an unknown group before running anything", async () => {
    await expect(runBench({ only: ["nope"], quick: true, log: () => {} })).rejects.toThrow(
      UsageError,
    );
  });

  it("the committed bench/results.json matches the schema", () => {
    const data = JSON.parse(readFileSync("bench/results.json", "utf8")) as unknown;
    expect(validateResults(data)).toEqual([]);
  });

  it("the schema rejects malformed results", () => {
    const bad = fixture() as unknown as Record<string, unknown>;
    expect(validateResults(fixture())).toEqual([]);
    // A NaN is written as null by JSON.stringify: it must not pass.
    const nan = fixture();
    (nan.groups[0]!.ratios[0] as { value: unknown }).value = null;
    expect(validateResults(nan).join()).toContain("/groups/0/ratios/0/value");
    delete bad["machine"];
    expect(validateResults(bad).join()).toContain("machine");
  });

  it("renders BENCHMARKS.md from a results file", () => {
    const md = renderReport(fixture());
    expect(md).toContain("| CPU | Example CPU, 2 cores |");
    expect(md).toContain("0123456789ab");
    // Targets are listed up front, with whether they were met.
    expect(md).toMatch(
      /## Targets[\s\S]*tiny\/wasm\/forward\/O0-vs-O2 .* \| 1\.25 \| >= 1\.30 \| \*\*not met\*\*/,
    );
    // Rows with a `table` label are split into one table each, without that column.
    expect(md).toContain("### tiny, forward");
    expect(md).toContain("### mid, greedy");
    expect(md).not.toMatch(/\| table \|/);
    expect(md).toContain("not measured: predicted 80 s per -O0/-O2 round");
    expect(md).toContain("| 6.3% |");
    expect(md).toContain("- tiny on tfjs-wasm reaches 5% of the matmul rate");
    expect(md).toContain("Not run: bench/peers is not there yet.");
    // A group run at another time than the file says so.
    expect(md).toContain("run 2026-01-01T00:02:00.000Z");
  });

  it("merges a partial run into earlier results from the same machine", () => {
    const old = fixture();
    const now = fixture();
    now.groups = [{ ...now.groups[0]!, seconds: 1 }];
    const merged = mergeResults(old, now, ["forward", "peers"]);
    expect(merged.groups.map((g) => [g.name, g.seconds])).toEqual([
      ["forward", 1],
      ["peers", 0],
    ]);
    const elsewhere = { ...old, machine: { ...old.machine, cpuModel: "Other" } };
    expect(mergeResults(elsewhere, now, ["forward", "peers"]).groups).toHaveLength(1);
  });

  it("alternates the two sides of a comparison", async () => {
    const order: string[] = [];
    const p = await measurePair(
      () => void order.push("a"),
      () => void order.push("b"),
      { minRuns: 4, maxRuns: 4, budgetMs: 1 },
    );
    expect(order).toEqual(["a", "b", "a", "b", "b", "a", "a", "b", "b", "a"]);
    expect("a" in p && p.a.runs).toBe(4);
  });

  it("decoding without the cache produces the same tokens as with it", async () => {
    const m = loadSpec("specs/tiny/transformer_tiny.s2s");
    const r = await makeRunner(m, "interp");
    const src = tokenBatch(m.config.sourceVocab, 2, 5, 1);
    const cached = await greedyFixed(r.steps, src, 6);
    expect(cached.every((row) => row.length === 6)).toBe(true);
    expect(await greedyNoCache(r, src, 6)).toEqual(cached);
  });

  it("predicts a configuration's time from per-call overhead plus arithmetic", () => {
    const t = (calls: number, macs: number) => 2 * calls + 1e-6 * macs;
    const seen = [
      { calls: 32, macs: 1e7, ms: t(32, 1e7) },
      { calls: 128, macs: 5e7, ms: t(128, 5e7) },
    ];
    expect(predict(seen, 32, 1.6e8)).toBeCloseTo(t(32, 1.6e8), 6);
    // One point: scaled by MACs; none: from the roofline rate (2 FLOP per MAC).
    expect(predict(seen.slice(0, 1), 32, 2e7)).toBeCloseTo(2 * seen[0]!.ms, 6);
    expect(predict([], 1, 5e8, 10)).toBeCloseTo(100, 6);
  });
});
