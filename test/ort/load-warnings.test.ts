/**
 * ONNX Runtime loads every export without a warning (unknown ops, unused or mistyped
 * values). Its log goes to the native stderr, so a child process loads the files with
 * info logging on; the test checks that the log was captured at all (info lines are
 * there) and that it holds no warning or error line.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, expect, test } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { exportOnnx, ONNX_FILES } from "../../src/backends/onnx/model.js";
import { exportCases } from "../onnx/helpers.js";
import { REPO } from "../tfjs/helpers.js";

const temp = mkdtempSync(join(tmpdir(), "s2sc-ort-load-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const LOADER = `
import * as ort from "onnxruntime-node";
for (const f of process.argv.slice(1))
  await ort.InferenceSession.create(f, { logSeverityLevel: 1, intraOpNumThreads: 1 });
console.log("loaded " + (process.argv.length - 1));
`;

test("every export loads in ONNX Runtime without warnings", () => {
  const files: string[] = [];
  exportCases().forEach(([label, weightsFor, module], i) => {
    const models = exportOnnx(module, initWeights(weightsFor, 2));
    for (const [entry, bytes] of Object.entries(models)) {
      const path = join(
        temp,
        `${i}-${label.replace(/\W+/g, "_")}-${ONNX_FILES[entry as keyof typeof ONNX_FILES]}`,
      );
      writeFileSync(path, bytes);
      files.push(path);
    }
  });
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", LOADER, ...files], {
    cwd: REPO,
    encoding: "utf8",
    // Info logging is verbose (every graph transformer, per file).
    maxBuffer: 512 * 1024 * 1024,
  });
  const log = `${r.stdout}\n${r.stderr}`;
  expect(r.status, log.slice(-2000)).toBe(0);
  expect(r.stdout).toContain(`loaded ${files.length}`);
  expect(log).toMatch(/\[I:onnxruntime/);
  const bad = log.split("\n").filter((l) => /\[(W|E|F):onnxruntime/.test(l));
  expect(bad).toEqual([]);
});
