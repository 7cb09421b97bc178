/**
 * When onnxruntime-node cannot be loaded (no binary for the platform, a damaged
 * install), `--backend ort` says so in one line and exits 2, without a stack trace.
 */
import { describe, expect, test, vi } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { REPO } from "../tfjs/helpers.js";

vi.mock("onnxruntime-node", () => {
  throw new Error("libonnxruntime.so.1: cannot open shared object file: No such file or directory");
});

describe("without a loadable onnxruntime-node", () => {
  test("run --backend ort is a clear error with exit 2", async () => {
    const io = recordingIo(REPO);
    const code = await main(
      ["run", "specs/tiny/attn_dot.s2s", "--src", "4 5 6", "--backend", "ort"],
      io,
    );
    expect(code).toBe(2);
    expect(io.err).toMatch(/^s2sc: ONNX Runtime \(onnxruntime-node\) cannot be loaded: \S/);
    expect(io.err).toMatch(/--backend tfjs or interp/);
    expect(io.err).not.toMatch(/\n\s+at /);
    expect(io.out).toBe("");
  });
});
