/**
 * The report's heading and introduction come from the run's experiment files (their
 * `report`, else a neutral line naming them), never the repository's own wording; and a
 * re-render given the files takes their words with the run's numbers. Built from the
 * repository's recorded results.json, so nothing trains.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { loadExperiment } from "../../src/node/experiment/load.js";
import { report, type RunContext } from "../../src/node/experiment/report.js";
import type { ExperimentResult } from "../../src/node/experiment/result.js";

const repo = resolve(import.meta.dirname, "../..");
const RESULTS = "docs/img/experiments/results.json";
const saved = (): { context: RunContext; experiments: ExperimentResult[] } =>
  JSON.parse(readFileSync(join(repo, RESULTS), "utf8"));
const REPO_WORDING = "Published findings that the specs in `specs/papers/`";

/** One recorded experiment, as if it came from a user's file `name`.json. */
function userResult(name: string, title: string): ExperimentResult {
  const { report: _, ...r } = saved().experiments[0]!;
  return { ...r, name, file: `mine/${name}.json`, title, about: "My own claim." };
}

const render = (results: ExperimentResult[]) => report(results, saved().context, new Map());

describe("the report's heading and introduction", () => {
  it("of a user's own experiment file are its title and a line naming it", () => {
    const md = render([userResult("gru-vs-lstm", "GRU against LSTM on dates")]);
    expect(md).not.toContain(REPO_WORDING);
    expect(md).not.toContain("specs/papers");
    expect(md.split("\n")[0]).toBe("# GRU against LSTM on dates");
    expect(md).toContain("Run by `s2sc experiment` from `mine/gru-vs-lstm.json`: every number");
    expect(md).toContain("## 1. GRU against LSTM on dates");
  });

  it("of several files without `report` are neutral and name every file", () => {
    const md = render([userResult("a", "A"), userResult("b", "B"), userResult("c", "C")]);
    expect(md.split("\n")[0]).toBe("# Experiments");
    expect(md).toContain("from `mine/a.json`, `mine/b.json` and `mine/c.json`: every number");
    expect(md).not.toContain(REPO_WORDING);
  });

  it("are the first `report` among the files when one is written", () => {
    const a = userResult("a", "A");
    const b = { ...userResult("b", "B"), report: { title: "My study", intro: "Why I ran it." } };
    const c = { ...userResult("c", "C"), report: { title: "Ignored" } };
    const md = render([a, b, c]);
    expect(md.split("\n")[0]).toBe("# My study");
    expect(md).toContain("\nWhy I ran it.\n");
    expect(md).not.toContain("Ignored");
    expect(md).not.toContain("Run by `s2sc experiment` from");
  });

  it("of the repository's own experiments are written in experiments/1-length.json", () => {
    const exp = loadExperiment(
      join(repo, "experiments/1-length.json"),
      "experiments/1-length.json",
    );
    expect(exp.report?.title).toBe("Experiments");
    expect(exp.report?.intro).toContain(REPO_WORDING);
  });
});

describe("--from-results with experiment files", () => {
  async function rerender(file: object, name = "1-length") {
    const dir = mkdtempSync(join(tmpdir(), "s2s-exp-head-"));
    const path = join(dir, `${name}.json`);
    writeFileSync(path, JSON.stringify(file));
    const io = recordingIo(repo);
    const code = await main(["experiment", path, "--from-results", RESULTS], io);
    expect(io.err).not.toMatch(/internal error|\n\s+at /);
    return { code, out: io.out, err: io.err };
  }
  const mine = () => {
    const f = JSON.parse(readFileSync(join(repo, "experiments/1-length.json"), "utf8"));
    delete f.$schema;
    delete f.report;
    return { ...f, title: "My length study", about: "My words." };
  };

  it("renders those experiments in their words with the run's numbers", async () => {
    const r = await rerender(mine());
    expect(r.code).toBe(0);
    expect(r.out.split("\n")[0]).toBe("# My length study");
    expect(r.out).toContain("\nMy words.\n");
    expect(r.out).not.toContain(REPO_WORDING);
    // Only experiment 1, its numbers as recorded.
    expect(r.out).not.toContain("## 2.");
    expect(r.out).toMatch(/\| `plain` +\| [^|]+\| +52,244 \| +27\.5% \|/);
  }, 30_000);

  it("refuses a file whose experiment is not in the results", async () => {
    const r = await rerender(mine(), "4-other");
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/results\.json: no results for .*4-other\.json \(experiment `4-other`\)/);
  });
});

describe("the report's command line", () => {
  async function command(env: Record<string, string>) {
    const io = recordingIo(repo, env);
    const argv = ["experiment", "test/experiment/fixtures/tiny.json", "--tf-backend", "cpu"];
    expect(await main(argv, io)).toBe(0);
    return /- \*\*Command:\*\* (.*)/.exec(io.out)?.[1];
  }

  it("names an npm script, but not npx, which is no script", async () => {
    const plain = "`s2sc experiment test/experiment/fixtures/tiny.json --tf-backend cpu`";
    expect(await command({ npm_lifecycle_event: "npx" })).toBe(plain);
    expect(await command({})).toBe(plain);
    expect(await command({ npm_lifecycle_event: "experiments" })).toBe(
      "`npm run experiments` = " + plain,
    );
  }, 60_000);
});
