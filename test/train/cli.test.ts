/** `s2sc train` and `s2sc translate` end to end: short smoke runs on the tfjs cpu backend. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { loadCheckpoint } from "../../src/node/checkpoint.js";

const repo = resolve(import.meta.dirname, "../..");
const SPEC = "specs/tiny/attn_dot.s2s";

async function run(...argv: string[]) {
  const io = recordingIo(repo);
  const code = await main(argv, io);
  return { code, out: io.out, err: io.err };
}

const tmp = () => mkdtempSync(join(tmpdir(), "s2s-train-"));
const small = ["--lengths", "3-5", "--batch-size", "4", "--eval-size", "4", "--tf-backend", "cpu"];

describe("s2sc train", () => {
  it("trains a few steps, prints one JSON object per evaluation and writes a checkpoint", async () => {
    const out = join(tmp(), "run");
    const r = await run(
      "train",
      SPEC,
      "--task",
      "reverse",
      "--steps",
      "2",
      "--eval-every",
      "1",
      "--out",
      out,
      "--json",
      ...small,
    );
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(r.code).toBe(0);
    const lines = r.out
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l["step"])).toEqual([1, 2]);
    expect(lines[0]).toHaveProperty("sequenceAccuracy");
    expect(lines[0]).toHaveProperty("tokenAccuracy");
    expect(lines[0]).toHaveProperty("examples");
    const c = loadCheckpoint(out);
    expect(c.step).toBe(2);
    expect(c.srcVocab.tokens.slice(0, 4)).toEqual(["<pad>", "<bos>", "<eos>", "<unk>"]);

    // translate reads the checkpoint, on the interpreter and with beam search.
    const t = await run("translate", out, "--input", "abc", "--max-length", "5");
    expect(t.code).toBe(0);
    expect(t.out.split("\n")).toHaveLength(2);
    const onTfjs = await run(
      "translate",
      out,
      "--input",
      "abc",
      "--max-length",
      "5",
      "--backend",
      "tfjs",
      "--tf-backend",
      "cpu",
    );
    expect(onTfjs.code).toBe(0);
    expect(onTfjs.out).toBe(t.out);
    const b = await run(
      "translate",
      out,
      "--input",
      "abc",
      "--beam",
      "3",
      "--max-length",
      "5",
      "--json",
    );
    expect(b.code).toBe(0);
    expect(JSON.parse(b.out)).toHaveProperty("output");
  });

  it("resumes exactly: 2 + 2 steps give the weights of 4 steps", async () => {
    const a = join(tmp(), "a");
    const b = join(tmp(), "b");
    const args = ["--task", "reverse", "--eval-every", "2", ...small];
    expect((await run("train", SPEC, ...args, "--steps", "4", "--out", a)).code).toBe(0);
    expect((await run("train", SPEC, ...args, "--steps", "2", "--out", b)).code).toBe(0);
    const resumed = await run(
      "train",
      SPEC,
      "--resume",
      "--steps",
      "4",
      "--out",
      b,
      "--eval-size",
      "4",
      "--tf-backend",
      "cpu",
      "--eval-every",
      "2",
    );
    expect(resumed.code).toBe(0);
    const ca = loadCheckpoint(a);
    const cb = loadCheckpoint(b);
    expect(cb.step).toBe(4);
    expect(cb.optimizer.t).toBe(4);
    for (const [name, w] of ca.weights)
      expect([...cb.weights.get(name)!.data]).toEqual([...w.data]);
  });

  it("refuses to overwrite a checkpoint without --resume", async () => {
    const out = join(tmp(), "c");
    expect(
      (await run("train", SPEC, "--task", "copy", "--steps", "1", "--out", out, ...small)).code,
    ).toBe(0);
    const r = await run("train", SPEC, "--task", "copy", "--steps", "1", "--out", out, ...small);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/already holds a checkpoint/);
  });
});

describe("bad data", () => {
  const cases: [string, string | Uint8Array, RegExp][] = [
    ["empty.tsv", "", /^s2sc: .*empty\.tsv: the file is empty\n$/],
    ["notab.tsv", "ab\tba\nabc\n", /^s2sc: .*notab\.tsv:2: the line has no TAB/],
    [
      "utf8.tsv",
      new Uint8Array([0x61, 0x09, 0x62, 0x0a, 0x61, 0x09, 0xc3, 0x28, 0x0a]),
      /^s2sc: .*utf8\.tsv:2: invalid UTF-8/,
    ],
  ];
  it.each(cases)(
    "%s gives a message with the line and exit code 1",
    async (name, content, want) => {
      const p = join(tmp(), name);
      writeFileSync(p, content);
      const r = await run(
        "train",
        SPEC,
        "--data",
        p,
        "--steps",
        "1",
        "--out",
        join(tmp(), "x"),
        ...small,
      );
      expect(r.code).toBe(1);
      expect(r.err).toMatch(want);
      expect(r.err).not.toMatch(/\n\s+at /);
    },
  );

  it("a vocabulary mismatch on resume names the line", async () => {
    const dir = tmp();
    const first = join(dir, "first.tsv");
    const second = join(dir, "second.tsv");
    writeFileSync(first, "ab\tba\nba\tab\n");
    writeFileSync(second, "ab\tba\naz\tza\n");
    const out = join(dir, "run");
    expect(
      (await run("train", SPEC, "--data", first, "--steps", "1", "--out", out, ...small)).code,
    ).toBe(0);
    const r = await run(
      "train",
      SPEC,
      "--data",
      second,
      "--resume",
      "--steps",
      "2",
      "--out",
      out,
      "--tf-backend",
      "cpu",
      "--eval-size",
      "2",
    );
    expect(r.code).toBe(1);
    expect(r.err).toMatch(
      /second\.tsv:2: the source token `z` is not in the checkpoint's source vocabulary/,
    );
  });

  it("training on the interpreter is a usage error", async () => {
    const r = await run("train", SPEC, "--task", "copy", "--backend", "interp");
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/only --backend tfjs/);
  });
});

describe("Ctrl-C", () => {
  it("saves a checkpoint and exits cleanly", async () => {
    const { spawn } = await import("node:child_process");
    const out = join(tmp(), "int");
    const entry = join(import.meta.dirname, "fixtures", "cli-entry.ts");
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        entry,
        "train",
        SPEC,
        "--task",
        "reverse",
        "--steps",
        "100000",
        "--eval-every",
        "1",
        "--out",
        out,
        "--json",
        ...small,
      ],
      { cwd: repo, stdio: ["ignore", "pipe", "pipe"] },
    );
    let stderr = "";
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    await new Promise<void>((resolveSeen) => {
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes('"step":2,')) {
          child.kill("SIGINT");
          resolveSeen();
        }
      });
    });
    const code = await new Promise<number | null>((r) => child.on("exit", (c) => r(c)));
    expect(code).toBe(0);
    expect(stderr).toMatch(/stopped at step \d+/);
    expect(stderr).not.toMatch(/\n\s+at /);
    expect(loadCheckpoint(out).step).toBeGreaterThanOrEqual(2);
  }, 60_000);
});

describe("SIGKILL", () => {
  it("a killed training run resumes from its last checkpoint", async () => {
    const { spawn } = await import("node:child_process");
    const out = join(tmp(), "kill");
    const entry = join(import.meta.dirname, "fixtures", "cli-entry.ts");
    // A checkpoint after every step, so the kill lands near (often inside) a write.
    const child = spawn(
      process.execPath,
      [
        "--import",
        "tsx",
        entry,
        "train",
        SPEC,
        "--task",
        "reverse",
        "--steps",
        "100000",
        "--eval-every",
        "1",
        "--out",
        out,
        "--json",
        ...small,
      ],
      { cwd: repo, stdio: ["ignore", "pipe", "ignore"] },
    );
    await new Promise<void>((resolveSeen) => {
      child.stdout.on("data", (d: Buffer) => {
        if (d.toString().includes('"step":2,')) {
          child.kill("SIGKILL");
          resolveSeen();
        }
      });
    });
    await new Promise((r) => child.on("exit", r));
    const before = loadCheckpoint(out).step;
    expect(before).toBeGreaterThanOrEqual(2);
    const r = await run(
      "train",
      SPEC,
      "--resume",
      "--steps",
      String(before + 1),
      "--out",
      out,
      "--tf-backend",
      "cpu",
      "--eval-size",
      "4",
    );
    expect(r.code).toBe(0);
    expect(loadCheckpoint(out).step).toBe(before + 1);
  }, 60_000);
});
