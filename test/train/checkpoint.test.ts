import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { removeStaleTemporaries } from "../../src/node/atomic.js";
import { loadCheckpoint, saveCheckpoint } from "../../src/node/checkpoint.js";
import { learningRate } from "../../src/train/settings.js";
import { fakeCheckpoint } from "./fixtures/checkpoint-writer.js";

const same = (a: Float32Array, b: Float32Array) =>
  Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
    Buffer.from(b.buffer, b.byteOffset, b.byteLength),
  );

const WRITER = join(import.meta.dirname, "fixtures", "checkpoint-writer.ts");

describe("checkpoints", () => {
  it("round-trip weights, optimiser state and vocabularies", () => {
    const dir = mkdtempSync(join(tmpdir(), "s2s-ckpt-"));
    const c = fakeCheckpoint(5);
    saveCheckpoint(dir, c);
    const back = loadCheckpoint(dir);
    expect(back.step).toBe(5);
    expect(same(back.weights.get("w")!.data, c.weights.get("w")!.data)).toBe(true);
    expect(back.srcVocab.tokens).toEqual(c.srcVocab.tokens);
    expect(back.position).toEqual({ epoch: 0, batch: 5 });
  });

  it("a SIGKILL in the middle of writing leaves the last good checkpoint, and writing resumes", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s2s-kill-"));
    const child = spawn(process.execPath, ["--import", "tsx", WRITER, dir, "7", "--pause"], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes("partial")) {
          child.kill("SIGKILL");
          resolve();
        }
      });
      child.on("exit", (code) => reject(new Error(`the writer exited early (${code})`)));
    });
    await new Promise((r) => child.on("exit", r));
    // The half-written temporary is there, the checkpoint is the previous one, intact.
    expect(readdirSync(dir).some((n) => n.includes(".tmp-"))).toBe(true);
    const c = loadCheckpoint(dir);
    expect(c.step).toBe(7);
    expect(same(c.weights.get("w")!.data, fakeCheckpoint(7).weights.get("w")!.data)).toBe(true);
    // Resuming cleans up and writes the next one.
    removeStaleTemporaries(dir);
    expect(readdirSync(dir).some((n) => n.includes(".tmp-"))).toBe(false);
    saveCheckpoint(dir, fakeCheckpoint(c.step + 1));
    expect(loadCheckpoint(dir).step).toBe(8);
  });
});

describe("learning-rate schedule", () => {
  it("warms up linearly, then stays or decays as 1/√step", () => {
    const s = { lr: 0.01, warmup: 100, steps: 1000, schedule: "inverse_sqrt" as const };
    expect(learningRate(s, 50)).toBeCloseTo(0.005);
    expect(learningRate(s, 100)).toBeCloseTo(0.01);
    expect(learningRate(s, 400)).toBeCloseTo(0.005);
    expect(learningRate({ ...s, schedule: "constant" }, 400)).toBeCloseTo(0.01);
    expect(learningRate({ lr: 0.01, warmup: 0, steps: 1000, schedule: "constant" }, 1)).toBeCloseTo(
      0.01,
    );
  });
});
