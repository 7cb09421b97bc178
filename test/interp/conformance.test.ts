/**
 * The ONNX backend node tests (shared/conformance/onnx-node, one vitest case per file)
 * against the interpreter's kernels. After a complete run, docs/conformance.md must be
 * the report of that run (`UPDATE_DOCS=1 npx vitest run test/interp/conformance.test.ts`
 * rewrites it).
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { KERNELS } from "../../src/reference/kernels/index.js";
import { Rng } from "../../src/reference/random.js";
import { expectCommittedFile } from "../committed-file.js";
import type { CaseResult } from "./conformance-report.js";
import { readSource, renderReport } from "./conformance-report.js";
import {
  ATOL,
  compare,
  CONFORMANCE_DIR,
  NODE_TESTS_DIR,
  readConformanceFile,
  REPO_ROOT,
  RTOL,
  toAttrs,
  toTensor,
  CONFORMANCE_MISSING,
  MAY_SKIP_CONFORMANCE,
} from "./onnx-json.js";

/** Cases that cannot be supported, with the reason. Empty: every case passes. */
const SKIP: Readonly<Record<string, string>> = {};

const REPORT = resolve(REPO_ROOT, "docs/conformance.md");

const files = existsSync(NODE_TESTS_DIR)
  ? readdirSync(NODE_TESTS_DIR)
      .filter((f) => f.endsWith(".json"))
      .sort()
  : [];
const results = new Map<string, CaseResult>();

describe("ONNX node conformance", () => {
  if (MAY_SKIP_CONFORMANCE) test.skip(CONFORMANCE_MISSING ?? "", () => {});
  test.skipIf(MAY_SKIP_CONFORMANCE)("the conformance data is present", () => {
    expect(files.length, `no JSON files in ${NODE_TESTS_DIR}`).toBeGreaterThan(0);
  });

  for (const file of files) {
    const name = file.replace(/\.json$/, "");
    test(name, () => {
      const spec = readConformanceFile(join(NODE_TESTS_DIR, file));
      const record = (outcome: CaseResult["outcome"]): void => {
        results.set(name, { name, op: spec.op, opset: spec.opset, outcome });
      };
      const skip = SKIP[name];
      if (skip !== undefined) {
        record({ status: "skipped", reason: skip });
        return;
      }
      record({ status: "failed", reason: "did not finish" });
      const kernel = KERNELS[spec.op];
      if (kernel === undefined) {
        record({ status: "failed", reason: `no kernel for ${spec.op}` });
        expect.fail(`no kernel for ${spec.op}`);
      }
      const worst = { ratio: 0 };
      for (const c of spec.cases) {
        const inputs = c.inputs.map((t) => (t === null ? undefined : toTensor(t)));
        const ctx = { rng: new Rng(0), outputs: c.outputs.length };
        let outputs;
        try {
          outputs = kernel(inputs, toAttrs(spec.attributes), ctx);
        } catch (e) {
          record({ status: "failed", reason: `threw: ${(e as Error).message}` });
          throw e;
        }
        c.outputs.forEach((expected, i) => {
          if (expected === null) return;
          const mismatch = compare(outputs[i], expected, worst);
          if (mismatch !== undefined) {
            record({ status: "failed", reason: mismatch.message });
            expect.fail(mismatch.message);
          }
        });
      }
      record({ status: "passed", worst: worst.ratio });
    });
  }
});

// Declared after the cases, so it runs after them (vitest runs a file's tests in order).
test.skipIf(MAY_SKIP_CONFORMANCE)("docs/conformance.md reports this run", () => {
  // Only a complete run describes the whole set (not one filtered with -t).
  if (files.length === 0 || results.size !== files.length) return;
  const readme = readFileSync(join(CONFORMANCE_DIR, "README.md"), "utf8");
  const report = renderReport([...results.values()], {
    ...readSource(readme),
    rtol: RTOL,
    atol: ATOL,
  });
  expectCommittedFile(REPORT, report, "test/interp/conformance.test.ts");
});
