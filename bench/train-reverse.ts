/**
 * Convergence benchmark (not a test): `s2sc train SPEC --task TASK` with the spec's
 * default settings, reporting the evaluations, the final exact-sequence accuracy on the
 * held-out split, the steps and the wall time.
 *
 *   npx tsx bench/train-reverse.ts [SPEC] [TASK] [extra train flags...]
 *   npx tsx bench/train-reverse.ts specs/tiny/transformer_tiny.s2s reverse
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { main } from "../src/cli/main.js";
import { recordingIo } from "../src/cli/io.js";

const [spec = "specs/tiny/transformer_tiny.s2s", task = "reverse", ...extra] =
  process.argv.slice(2);
const out = mkdtempSync(join(tmpdir(), "s2s-bench-"));
const io = recordingIo(process.cwd());
const echo = {
  ...io,
  stdout: (t: string) => (io.stdout(t), process.stdout.write(t)),
  stderr: (t: string) => (io.stderr(t), process.stderr.write(t)),
};
const t0 = Date.now();
const code = await main(["train", spec, "--task", task, "--out", out, "--json", ...extra], echo);
const wall = (Date.now() - t0) / 1000;
const evals = io.out
  .trim()
  .split("\n")
  .filter(Boolean)
  .map((l) => JSON.parse(l) as { step: number; sequenceAccuracy: number });
const last = evals.at(-1);
const first99 = evals.find((e) => e.sequenceAccuracy >= 0.99);
console.log(
  JSON.stringify({
    spec,
    task,
    exitCode: code,
    steps: last?.step,
    sequenceAccuracy: last?.sequenceAccuracy,
    firstStepAt99: first99?.step ?? null,
    wallSeconds: wall,
    checkpoint: out,
  }),
);
