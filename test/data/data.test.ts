import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { taskDataset } from "../../src/data/dataset.js";
import { DataError } from "../../src/data/errors.js";
import { dateSplit, makeTask } from "../../src/data/tasks.js";
import { fileDataset, readTsv } from "../../src/node/tsv-file.js";
import { Vocabulary, tokenize } from "../../src/data/vocab.js";

const opts = { seed: 7, batchSize: 8, shared: false, modelVocab: { src: 64, tgt: 64 } };

function tmpFile(name: string, content: string | Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), "s2s-data-"));
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

function dataError(f: () => unknown): DataError {
  try {
    f();
  } catch (e) {
    if (e instanceof DataError) return e;
    throw e;
  }
  throw new Error("expected a DataError");
}

describe("vocabulary", () => {
  it("puts the specials first and the tokens in code-point order", () => {
    const v = Vocabulary.build([
      ["b", "a"],
      ["c", "a"],
    ]);
    expect(v.tokens).toEqual(["<pad>", "<bos>", "<eos>", "<unk>", "a", "b", "c"]);
    expect(v.encode(["c", "z"])).toEqual([6, 3]);
    expect(v.decode([1, 4, 2, 3])).toEqual(["a", "<unk>"]);
  });
  it("tokenizes by character or by whitespace", () => {
    expect(tokenize("ab c", "char")).toEqual(["a", "b", " ", "c"]);
    expect(tokenize("  ab  c ", "space")).toEqual(["ab", "c"]);
  });
});

describe("tasks", () => {
  it("reverse, copy and sort produce the right targets in the length range", () => {
    for (const name of ["copy", "reverse", "sort"] as const) {
      const t = makeTask(name, { minLength: 3, maxLength: 6 });
      for (const e of t.validation.slice(0, 50)) {
        expect(e.src.length).toBeGreaterThanOrEqual(3);
        expect(e.src.length).toBeLessThanOrEqual(6);
        const want =
          name === "copy" ? e.src : name === "reverse" ? [...e.src].reverse() : [...e.src].sort();
        expect(e.tgt).toEqual(want);
      }
    }
  });
  it("dates map to ISO and split by date", () => {
    const t = makeTask("dates");
    for (const e of t.test.slice(0, 50)) expect(e.tgt.join("")).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const trainIso = new Set<string>();
    const ds = taskDataset("dates", {}, { ...opts, modelVocab: { src: 128, tgt: 128 } });
    for (let s = 0; s < 20; s++)
      for (const tgt of ds.batch(s).tgt) trainIso.add(ds.tgtVocab.decode(tgt).join(""));
    for (const e of t.test) expect(trainIso.has(e.tgt.join(""))).toBe(false);
    expect(dateSplit(12345)).toBe(dateSplit(12345));
  });
  it("batches are a pure function of (seed, step) and bucketed by length", () => {
    const a = taskDataset("reverse", {}, opts);
    const b = taskDataset("reverse", {}, opts);
    expect(a.batch(41)).toEqual(b.batch(41));
    expect(a.batch(41)).not.toEqual(a.batch(42));
    const lens = a.batch(3).src.map((s) => s.length);
    expect(Math.max(...lens) - Math.min(...lens)).toBeLessThanOrEqual(8);
  });
  it("keeps every length of the task's range equally often (no edge effect at 5 and 20)", () => {
    const ds = taskDataset("reverse", {}, { ...opts, batchSize: 16 });
    const count = new Map<number, number>();
    let n = 0;
    for (let s = 0; s < 1500; s++)
      for (const x of ds.batch(s).src) {
        count.set(x.length, (count.get(x.length) ?? 0) + 1);
        n++;
      }
    expect([...count.keys()].sort((a, b) => a - b)).toEqual(
      Array.from({ length: 16 }, (_, i) => 5 + i),
    );
    // 24,000 draws in batches of similar lengths: shares land within ±0.7 points of 6.25%
    // (a window at any offset of the sorted pool gave 2% at lengths 5 and 20).
    for (const c of count.values()) expect(Math.abs(c / n - 1 / 16)).toBeLessThan(0.015);
  });
  it("rejects a vocabulary that does not fit the model", () => {
    const e = dataError(() =>
      taskDataset("dates", {}, { ...opts, modelVocab: { src: 20, tgt: 20 } }),
    );
    expect(e.message).toMatch(/source vocabulary has 20/);
  });
});

describe("TSV data", () => {
  it("reads pairs and holds out every 20th", () => {
    const lines = Array.from({ length: 40 }, (_, i) => `ab${i}\t${i}ba`).join("\n") + "\n";
    const p = tmpFile("d.tsv", lines);
    const ds = fileDataset({ path: p, shown: "d.tsv", tokenizer: "char" }, opts);
    expect(ds.validation.length).toBe(2);
    expect(ds.batch(0).src.length).toBe(8);
    expect(ds.position(5)).toEqual({ epoch: 1, batch: 0 });
    // An epoch visits every training pair once.
    const seen = new Set<string>();
    for (let s = 0; s < 5; s++) for (const x of ds.batch(s).src) seen.add(x.join(","));
    expect(seen.size).toBe(38);
  });
  it("reports an empty file", () => {
    expect(dataError(() => readTsv(tmpFile("e.tsv", ""), "e.tsv", "char")).format()).toBe(
      "e.tsv: the file is empty",
    );
  });
  it("reports a line without a TAB with its number", () => {
    const e = dataError(() => readTsv(tmpFile("t.tsv", "a\tb\nno tab here\n"), "t.tsv", "space"));
    expect(e.format()).toMatch(/^t\.tsv:2: the line has no TAB/);
  });
  it("reports invalid UTF-8 with its line", () => {
    const bytes = new Uint8Array([0x61, 0x09, 0x62, 0x0a, 0x63, 0x09, 0xff, 0x0a]);
    expect(dataError(() => readTsv(tmpFile("u.tsv", bytes), "u.tsv", "char")).format()).toBe(
      "u.tsv:2: invalid UTF-8",
    );
  });
  it("reports a token missing from the checkpoint's vocabulary on resume", () => {
    const p = tmpFile("r.tsv", "ab\tba\nxy\tyx\n");
    const vocabs = { src: Vocabulary.build([["a", "b"]]), tgt: Vocabulary.build([["a", "b"]]) };
    const e = dataError(() =>
      fileDataset({ path: p, shown: "r.tsv", tokenizer: "char" }, { ...opts, vocabs }),
    );
    expect(e.format()).toMatch(
      /^r\.tsv:2: the source token `x` is not in the checkpoint's source vocabulary/,
    );
  });
});
