/**
 * onnxruntime-node is an optional peer dependency. When it is not installed, or installed
 * but not loadable (no binary for the platform, a damaged install), `--backend ort` says
 * what to do in one line and exits 2, without a stack trace.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test, vi } from "vitest";
import { unavailableMessage } from "../../src/node/ort/load.js";
import { runTranslate } from "../../src/cli/commands/translate.js";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { REPO } from "../tfjs/helpers.js";
import { s2scWithout } from "../without-packages.js";

vi.mock("onnxruntime-node", () => {
  throw new Error("libonnxruntime.so.1: cannot open shared object file: No such file or directory");
});

const temp = mkdtempSync(join(tmpdir(), "s2sc-ort-unavailable-"));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

const INSTALL_HINT = "`npm install onnxruntime-node`";

describe("without onnxruntime-node installed", () => {
  // A child process whose resolve hook makes the package absent, so the error is the
  // one Node itself raises for a missing package, not one made up by the test.
  test("run --backend ort names the package to install and exits 2", { timeout: 60_000 }, () => {
    const r = s2scWithout(
      ["onnxruntime-node"],
      ["run", "specs/tiny/attn_dot.s2s", "--src", "4 5 6", "--backend", "ort"],
    );
    expect(r.status, r.stderr).toBe(2);
    expect(r.stdout).toBe("");
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^s2sc: --backend ort needs ONNX Runtime, an optional dependency/);
    expect(lines[0]).toContain(INSTALL_HINT);
  });

  test("only an absent onnxruntime-node counts as not installed", () => {
    const missing = (name: string) =>
      Object.assign(new Error(`Cannot find package '${name}' imported from /x/load.js`), {
        code: "ERR_MODULE_NOT_FOUND",
      });
    expect(unavailableMessage(missing("onnxruntime-node"))).toMatch(/not installed/);
    // A dependency of onnxruntime-node that is missing is a broken install instead.
    expect(unavailableMessage(missing("onnxruntime-common"))).toMatch(
      /cannot be loaded: Cannot find package 'onnxruntime-common'/,
    );
  });
});

describe("with an onnxruntime-node that cannot be loaded", () => {
  test("translate --backend ort is a clear error with exit 2", { timeout: 60_000 }, async () => {
    const run = join(temp, "run");
    const trained = recordingIo(REPO);
    const args = ["train", "test/ort/fixtures/dates_tiny.s2s", "--task", "dates"];
    const sizes = ["--steps", "1", "--batch-size", "2", "--eval-size", "2"];
    const code = await main([...args, ...sizes, "--out", run, "--tf-backend", "cpu"], trained);
    expect(code, trained.err).toBe(0);

    const io = recordingIo(REPO);
    const opts = { beam: 1, lengthPenalty: 0, backend: "ort" as const, json: false };
    expect(await runTranslate(io, run, opts, async () => "March 3, 1999\n")).toBe(2);
    expect(io.err).toMatch(/^s2sc: ONNX Runtime \(onnxruntime-node\) cannot be loaded: \S/);
    expect(io.err.trimEnd().split("\n")).toHaveLength(1);
    expect(io.out).toBe("");
  });

  test("run --backend ort is a clear error with exit 2", async () => {
    const io = recordingIo(REPO);
    const code = await main(
      ["run", "specs/tiny/attn_dot.s2s", "--src", "4 5 6", "--backend", "ort"],
      io,
    );
    expect(code).toBe(2);
    expect(io.err).toMatch(/^s2sc: ONNX Runtime \(onnxruntime-node\) cannot be loaded: \S/);
    expect(io.err).toContain(INSTALL_HINT);
    expect(io.err).toMatch(/--backend tfjs or interp/);
    expect(io.err.trimEnd().split("\n")).toHaveLength(1);
    expect(io.out).toBe("");
  });
});
