/** `-O`, `--passes`, `--verify-each` and `--print-ir-after` on compile, run and summary. */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { recordingIo } from "../../src/cli/io.js";

const ROOT = new URL("../../", import.meta.url).pathname;
const TINY = "specs/tiny/transformer_tiny.s2s";
const ON_TFJS_CPU = ["--backend", "tfjs", "--tf-backend", "cpu"];

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = recordingIo(ROOT);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

describe("pass options", () => {
  it("compile -O2 (the default) writes fused IR; -O0 writes the elaborated IR", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s2sc-passes-"));
    expect((await run("compile", TINY, "--target", "ir", "-o", join(dir, "a"))).code).toBe(0);
    expect(readFileSync(join(dir, "a", "model.ir.json"), "utf8")).toContain('"FusedMatMul"');
    expect((await run("compile", TINY, "--target", "ir", "-o", join(dir, "b"), "-O0")).code).toBe(
      0,
    );
    expect(readFileSync(join(dir, "b", "model.ir.json"), "utf8")).not.toContain('"FusedMatMul"');
  });

  it("-O2 leaves out passes unprofitable on the target; --passes still runs them", async () => {
    const tfjs = await run("run", TINY, "--src", "4", ...ON_TFJS_CPU, "--print-ir-after", "all");
    expect(tfjs.code).toBe(0);
    expect(tfjs.err).not.toContain("merge-projections");
    expect(tfjs.err).toContain("fuse-matmul-bias");
    const interp = await run("run", TINY, "--src", "4", "--print-ir-after", "all");
    expect(interp.err).toContain("merge-projections");
    const asked = await run(
      "run",
      TINY,
      "--src",
      "4",
      ...ON_TFJS_CPU,
      "--passes=merge-projections",
      "--print-ir-after",
      "merge-projections",
    );
    expect(asked.code).toBe(0);
    expect(asked.err).toContain("merge-projections");
  });

  it("run gives the same greedy decode at -O0 and -O2, with --verify-each", async () => {
    const a = await run("run", TINY, "--src", "4 5 6", "-O0", "--json");
    const b = await run("run", TINY, "--src", "4 5 6", "-O2", "--verify-each", "--json");
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out).greedy).toEqual(JSON.parse(a.out).greedy);
  });

  it("--print-ir-after prints to stderr after the named pass; an absent pass is a usage error", async () => {
    const r = await run("run", TINY, "--src", "4", "--passes=cse,dce", "--print-ir-after", "dce");
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/^; IR after dce\nmodule transformer_tiny/);
    const bad = await run("run", TINY, "--src", "4", "--passes=cse", "--print-ir-after", "dce");
    expect(bad.code).toBe(2);
    expect(bad.err).toContain("--print-ir-after dce: the pipeline `cse` has no such pass");
  });

  it("rejects an unknown pass, a bad level, and -O with --passes", async () => {
    expect((await run("run", TINY, "--src", "4", "--passes=cse,nope")).err).toContain(
      "unknown pass `nope`",
    );
    expect((await run("run", TINY, "--src", "4", "-O3")).code).toBe(2);
    expect((await run("run", TINY, "--src", "4", "-O1", "--passes=cse")).err).toContain(
      "give either -O or --passes, not both",
    );
  });

  it("summary shows op counts before and after", async () => {
    const r = await run("summary", TINY);
    expect(r.code).toBe(0);
    expect(r.out).toContain("ops (before → after -O2):");
    expect(r.out).toMatch(/ {4}MatMul +16 → +0\n/);
    const j = await run("summary", TINY, "--json", "-O1");
    expect(JSON.parse(j.out).ops.pipeline).toBe("-O1");
  });
});
