/**
 * `s2sc check` elaborates every model; elaboration throwing anything but a shape
 * diagnostic is a bug in s2sc, not the spec's fault: an internal error (exit 2) naming
 * the model, as `summary` and `compile` report it, never "ok".
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";

vi.mock("../../src/elaborate/index.js", async (original) => ({
  ...(await original<typeof import("../../src/elaborate/index.js")>()),
  elaborate: () => {
    throw new Error("a bug in elaboration");
  },
}));

describe("s2sc check when elaboration has a bug", () => {
  it("is an internal error naming the model, exit 2", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s2sc-check-bug-"));
    writeFileSync(
      join(dir, "good.s2s"),
      "model m {\n  source { vocab = 16  embed = 8 }\n  target { vocab = 16  embed = 8 }\n  encoder { lstm { hidden = 8 } }\n  decoder { lstm { hidden = 8 } }\n}\n",
    );
    const io = recordingIo(dir);
    const code = await main(["check", "good.s2s"], io);
    expect(code).toBe(2);
    expect(io.err).toContain(
      "s2sc: internal error: elaborating model `m` of good.s2s: a bug in elaboration",
    );
    expect(io.out).toBe("");
  });
});
