/**
 * Experiment files that are wrong: each mistake is one clear line `FILE:LINE:COL: where:
 * what` (or the spec's own diagnostics), exit code 1, no stack trace, nothing trained.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { EXPERIMENT_SCHEMA } from "../../src/node/experiment/schema.js";

const repo = resolve(import.meta.dirname, "../..");
const fixtures = join(repo, "test/experiment/fixtures");
const tiny = () => JSON.parse(readFileSync(join(fixtures, "tiny.json"), "utf8"));

/** Writes `content` as an experiment file next to the fixtures' spec and runs it. */
async function runWith(content: string | object) {
  const dir = mkdtempSync(join(tmpdir(), "s2s-exp-"));
  writeFileSync(join(dir, "tiny.s2s"), readFileSync(join(fixtures, "tiny.s2s")));
  const file = join(dir, "bad.json");
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  const io = recordingIo(repo);
  const code = await main(["experiment", file], io);
  expect(io.err).not.toMatch(/\n\s+at /);
  expect(io.err).not.toMatch(/internal error/);
  return { code, err: io.err, out: io.out, file };
}

describe("experiment files with mistakes", () => {
  it("reports invalid JSON at its line and column", async () => {
    const r = await runWith('{\n  "title": "x",\n  "task": { "name": "copy" }\n  "train": {}\n}');
    expect(r.code).toBe(1);
    expect(r.err).toContain("bad.json:4:3: invalid JSON: CommaExpected");
  });

  it("names an unknown field, with a suggestion and the fields allowed", async () => {
    const e = tiny();
    e.train.stepz = e.train.steps;
    delete e.train.steps;
    const r = await runWith(e);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /bad\.json:\d+:\d+: train: unknown field `stepz` \(did you mean `steps`\?\)/,
    );
    expect(r.err).toMatch(/train: missing the required field `steps`/);
  });

  it("says what type a field must have, and where", async () => {
    const e = tiny();
    e.train.steps = "100";
    e.models[1].args = { hidden: [1] };
    const r = await runWith(e);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/train\.steps: must be an integer/);
    expect(r.err).toMatch(
      /models\[1\]\.args\.hidden: must match a schema in anyOf|models\[1\]\.args\.hidden: must be/,
    );
  });

  it("checks ranges, tasks and reading kinds", async () => {
    const e = tiny();
    e.task.lengths = "9-3";
    e.task.name = "copyy";
    e.evaluation.buckets = ["1-2", "x"];
    e.reading = { kind: "best" };
    const r = await runWith(e);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/task\.name: must be one of "copy", "reverse", "sort", "dates"/);
    expect(r.err).toMatch(/evaluation\.buckets\[1\]: must be a range MIN-MAX such as "5-20"/);
    expect(r.err).toMatch(/reading: `kind` must be one of "longest-bucket", "compare"/);
  });

  it("checks what the schema cannot: ordered ranges, unique labels, known models", async () => {
    const e = tiny();
    e.task.lengths = "9-3";
    e.models[1].label = "plain";
    e.reading = { kind: "longest-bucket", baseline: "plian" };
    const r = await runWith(e);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/task\.lengths: `9-3` must be MIN-MAX with 1 ≤ MIN ≤ MAX/);
    expect(r.err).toMatch(/models\[1\]\.label: `plain` is used twice/);
    expect(r.err).toMatch(
      /reading\.baseline: no model is labelled `plian` \(did you mean `plain`\?\)/,
    );
  });

  it("reports a missing file and an empty directory", async () => {
    const io = recordingIo(repo);
    expect(await main(["experiment", "no/such/experiment.json"], io)).toBe(2);
    expect(io.err).toContain("s2sc: no/such/experiment.json: file not found");
    const empty = mkdtempSync(join(tmpdir(), "s2s-exp-"));
    const io2 = recordingIo(repo);
    expect(await main(["experiment", empty], io2)).toBe(2);
    expect(io2.err).toContain("no experiment files");
  });

  it("passes a spec's own diagnostics through, and trains nothing", async () => {
    const e = tiny();
    e.models[1].args = { hiden: 6 };
    const r = await runWith(e);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/error S2S2007: .*`hiden`/);
    expect(r.err).toMatch(/did you mean `hidden`/);
    expect(r.err).toContain("model `dot` has errors (above); nothing was trained");
    expect(r.err).not.toContain("step ");
  });

  it("stops before training when a model's vocabulary is too small for the task", async () => {
    const e = tiny();
    e.task.symbols = 6;
    const r = await runWith(e);
    expect(r.code).toBe(1);
    expect(r.err).toContain("the data has 10 source tokens");
    expect(r.err).toContain("raise `vocab` in the spec");
    expect(r.err).not.toContain("step ");
  });

  it("keeps schema/experiment.schema.json equal to the schema in the code", () => {
    const onDisk = JSON.parse(readFileSync(join(repo, "schema/experiment.schema.json"), "utf8"));
    expect(onDisk).toEqual(JSON.parse(JSON.stringify(EXPERIMENT_SCHEMA)));
  });

  it("validates the shipped experiments/*.json", async () => {
    const { loadExperiment } = await import("../../src/node/experiment/load.js");
    for (const f of ["1-length.json", "2-score-functions.json", "3-transformer.json"])
      expect(() => loadExperiment(join(repo, "experiments", f), f)).not.toThrow();
  });
});
