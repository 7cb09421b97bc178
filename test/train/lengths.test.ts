/**
 * Training data against the position table, before the first step: a task by the longest
 * sequences it draws, a file by every pair. A source of max_length tokens fits, a target
 * of max_length − 1 (the decoder reads <bos> first); one more is an `input` problem that
 * names the data, the length and `max_length`, and `s2sc train` prints it in one line
 * (exit 1) without training.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadText } from "../../src/api/load.js";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import type { DataInput } from "../../src/train/data-choice.js";
import { taskLengths } from "../../src/train/lengths.js";
import { planTraining, type TrainingPlan } from "../../src/train/plan.js";
import type { TrainProblem } from "../../src/train/problem.js";

const repo = resolve(import.meta.dirname, "../..");

/** A small Transformer with a learned position table of `max` rows. */
const spec = (max: number, vocab = 80) => `model t {
  vocab = ${vocab}
  share_embeddings = true
  source { embed = 16 }
  target { embed = 16 }
  position = learned
  max_length = ${max}
  encoder { stack 1 { self_attention { heads = 2 } feed_forward { hidden = 32 } } }
  decoder { stack 1 { self_attention { heads = 2 } cross_attention { heads = 2 } feed_forward { hidden = 32 } } }
}
`;

function plan(max: number, data: DataInput): TrainingPlan | TrainProblem {
  const r = loadText(spec(max));
  if (r.model === undefined || r.module === undefined)
    throw new Error(r.diagnostics.map((d) => d.message).join("\n"));
  return planTraining({ checked: r.model, module: r.module, data });
}

const task = (name: "reverse" | "dates", minLength = 5, maxLength = 20): DataInput => ({
  kind: "task",
  task: name,
  options: name === "dates" ? {} : { minLength, maxLength },
});

const message = (p: TrainingPlan | TrainProblem) => ("message" in p ? p.message : undefined);

const chars = (n: number) => [..."abcdefghij".repeat(10)].slice(0, n);

const pairs = (...lengths: [number, number][]): DataInput => ({
  kind: "pairs",
  shown: "data.tsv",
  tokenizer: "char",
  pairs: lengths.map(([s, t], i) => ({ src: chars(s), tgt: chars(t), line: i + 1 })),
});

describe("training data against the position table", () => {
  it("takes task lengths up to max_length − 1 (the targets read <bos> first)", () => {
    expect(message(plan(24, task("reverse", 5, 23)))).toBeUndefined();
    const p = plan(24, task("reverse", 5, 24));
    expect(p).toMatchObject({ fault: "input" });
    expect(message(p)).toBe(
      "task reverse with lengths 5-24: the target has 24 tokens, but the model reads at most 23 " +
        "(the decoder reads <bos> first and its position table has 24 rows: raise `max_length` " +
        "in the spec, or train on shorter sequences (--lengths 5-23))",
    );
  });

  it("names --lengths 5-30 on max_length = 24 (the issue's case)", () => {
    expect(message(plan(24, task("reverse", 5, 30)))).toMatch(
      /^task reverse with lengths 5-30: the target has 30 tokens, .*--lengths 5-23/,
    );
  });

  it("checks the dates task by its longest source", () => {
    const { src, tgt } = taskLengths("dates", {});
    expect(tgt).toBe(10);
    expect(src).toBe(29); // "Wednesday, September 27, 2023"
    expect(message(plan(src, task("dates")))).toBeUndefined();
    expect(message(plan(src - 1, task("dates")))).toMatch(
      /^task dates \(sources of up to 29 characters\): the source has 29 tokens, but the model reads at most 28 .*`max_length`/,
    );
  });

  it("checks every pair of a file, naming the first at its line", () => {
    expect(message(plan(24, pairs([24, 23], [3, 3])))).toBeUndefined();
    expect(message(plan(24, pairs([3, 3], [25, 3], [3, 24], [30, 30])))).toBe(
      "data.tsv:2: the source has 25 tokens, but the model reads at most 24 (its position " +
        "table has 24 rows: raise `max_length` in the spec) (2 more pairs are too long)",
    );
    expect(message(plan(24, pairs([3, 3], [3, 24])))).toMatch(
      /^data\.tsv:2: the target has 24 tokens, but the model reads at most 23 /,
    );
  });

  it("checks a separate validation file", () => {
    const data = { ...pairs([3, 3]), valid: [{ src: chars(25), tgt: chars(2), line: 7 }] };
    expect(message(plan(24, data))).toMatch(/^the --valid file, line 7: the source has 25 tokens/);
  });

  it("leaves a model without a position table alone", () => {
    const r = loadText(`model r {
  vocab = 40
  source { embed = 16 }
  target { embed = 16 }
  encoder { lstm { hidden = 16 } }
  decoder { lstm { hidden = 16 } }
}
`);
    expect(r.module?.config.maxLength).toBeUndefined();
    const p = planTraining({ checked: r.model!, module: r.module!, data: task("reverse", 5, 300) });
    expect(message(p)).toBeUndefined();
  });

  it("s2sc train stops before the first step with one line, exit 1", async () => {
    const dir = mkdtempSync(join(tmpdir(), "s2s-lengths-"));
    writeFileSync(join(dir, "t.s2s"), spec(24));
    const io = recordingIo(repo);
    const code = await main(
      [
        "train",
        join(dir, "t.s2s"),
        "--task",
        "reverse",
        "--lengths",
        "5-30",
        "--out",
        join(dir, "run"),
        "--tf-backend",
        "cpu",
      ],
      io,
    );
    expect(code).toBe(1);
    expect(io.err).toMatch(/^s2sc: task reverse with lengths 5-30: the target has 30 tokens/);
    expect(io.err.trim().split("\n")).toHaveLength(1);
  });
});
