/**
 * The passes never change what a model computes: for every spec (specs/tiny at full
 * size, the paper specs reduced) and every pass alone, -O1 and -O2, the interpreter's
 * outputs before and after agree within 1e-5 relative, and the verifier passes after
 * every pass. As in ONNX Runtime's fusion tests, run before and after and compare.
 */
import { describe, expect, it } from "vitest";
import { PASSES, passesForLevel, runPipeline, type Pass } from "../../src/passes/index.js";
import { compareOutputs, outputsOf, specTable } from "./helpers.js";

const PIPELINES: [string, Pass[]][] = [
  ...PASSES.map((p): [string, Pass[]] => [p.name, [p]]),
  ["-O1", passesForLevel(1)],
  ["-O2", passesForLevel(2)],
];

describe.each(specTable())("$name", ({ module }) => {
  const reference = outputsOf(module);
  it.each(PIPELINES)("%s keeps the outputs and verifies", (_name, passes) => {
    const r = runPipeline(module, passes, { verifyEach: true });
    if ("error" in r) throw new Error(`${r.error}:\n${r.problems.slice(0, 10).join("\n")}`);
    expect(compareOutputs(reference, outputsOf(r.module))).toEqual([]);
  });
});
