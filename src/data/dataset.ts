/**
 * A training dataset: vocabularies, the training batch of every step, and fixed
 * validation and test sets, all as token ids. Batch `s` is a pure function of
 * (seed, s), which is what makes `--resume` continue with exactly the same data order.
 *
 * Batches are bucketed by length: a batch holds sequences of similar source length, so
 * little of it is padding. For an endless task stream, 8·B candidates are drawn and a
 * random window of B consecutive ones in length order is kept; for a file, each epoch
 * is shuffled, cut into chunks of 50·B, each chunk sorted by length and cut into
 * batches, and the batches shuffled.
 */
import { DataError } from "./errors.js";
import { mixSeed, Rng, shuffle } from "./random.js";
import { makeTask, type Task, type TaskName, type TaskOptions } from "./tasks.js";
import type { Example } from "./tsv.js";
import { Vocabulary, type Tokenizer } from "./vocab.js";

export interface IdBatch {
  src: number[][];
  tgt: number[][];
}

/** Where a step's batch comes from: the pass over the data and the batch within it. */
export interface DataPosition {
  epoch: number;
  batch: number;
}

export interface Dataset {
  /** `task reverse: …` or `file data.tsv: 1000 pairs`. */
  describe: string;
  /** What the checkpoint records to recreate the data (task and options, or the file). */
  source: DataSource;
  tokenizer: Tokenizer;
  srcVocab: Vocabulary;
  tgtVocab: Vocabulary;
  batch(step: number): IdBatch;
  position(step: number): DataPosition;
  /** Held-out pairs (tokens), for evaluation and example decodes. */
  validation: Example[];
  test: Example[];
}

export type DataSource =
  | { kind: "task"; task: TaskName; options: TaskOptions }
  | { kind: "file"; path: string; tokenizer: Tokenizer };

export interface DatasetOptions {
  seed: number;
  batchSize: number;
  /** One vocabulary for both sides (models that share embeddings). */
  shared: boolean;
  /** Vocabularies from a checkpoint: the data must fit them (resume, fine-tuning). */
  vocabs?: { src: Vocabulary; tgt: Vocabulary };
  /** The model's vocabulary sizes: the data's vocabularies must fit. */
  modelVocab: { src: number; tgt: number };
}

export function toIds(
  v: { srcVocab: Vocabulary; tgtVocab: Vocabulary },
  e: Example,
): { src: number[]; tgt: number[] } {
  return { src: v.srcVocab.encode(e.src), tgt: v.tgtVocab.encode(e.tgt) };
}

function vocabularies(
  examples: readonly Example[],
  srcTokens: Iterable<readonly string[]>,
  tgtTokens: Iterable<readonly string[]>,
  o: DatasetOptions,
  file: string | undefined,
): { srcVocab: Vocabulary; tgtVocab: Vocabulary } {
  if (o.vocabs !== undefined) {
    // Resuming: the checkpoint's vocabularies are the model's; unseen tokens are an error.
    for (const e of examples) {
      for (const [side, toks, v] of [
        ["source", e.src, o.vocabs.src],
        ["target", e.tgt, o.vocabs.tgt],
      ] as const) {
        const bad = toks.find((t) => !v.has(t));
        if (bad !== undefined)
          throw new DataError(
            `the ${side} token \`${bad}\` is not in the checkpoint's ${side} vocabulary (the checkpoint was trained on other data)`,
            file,
            e.line,
          );
      }
    }
    return { srcVocab: o.vocabs.src, tgtVocab: o.vocabs.tgt };
  }
  let srcVocab: Vocabulary;
  let tgtVocab: Vocabulary;
  if (o.shared) {
    srcVocab = tgtVocab = Vocabulary.build([...srcTokens, ...tgtTokens]);
  } else {
    srcVocab = Vocabulary.build(srcTokens);
    tgtVocab = Vocabulary.build(tgtTokens);
  }
  const fits = (side: string, v: Vocabulary, n: number) => {
    if (v.size > n)
      throw new DataError(
        `the data has ${v.size} ${side} tokens (with the 4 specials) but the model's ${side} vocabulary has ${n}; raise \`vocab\` in the spec${o.shared ? " (the model shares embeddings, so both sides count)" : ""}`,
        file,
      );
  };
  fits("source", srcVocab, o.modelVocab.src);
  fits("target", tgtVocab, o.modelVocab.tgt);
  return { srcVocab, tgtVocab };
}

const byLength = (a: { src: number[] }, b: { src: number[] }) => a.src.length - b.src.length;

export function taskDataset(name: TaskName, taskOptions: TaskOptions, o: DatasetOptions): Dataset {
  const task: Task = makeTask(name, taskOptions);
  const v = vocabularies([], [task.sourceTokens], [task.targetTokens], o, undefined);
  if (o.vocabs !== undefined) {
    const missing = [...task.sourceTokens, ...task.targetTokens].find(
      (t) => !o.vocabs!.src.has(t) && !o.vocabs!.tgt.has(t),
    );
    if (missing !== undefined)
      throw new DataError(
        `the task's token \`${missing}\` is not in the checkpoint's vocabulary (the checkpoint was trained on other data)`,
      );
  }
  const B = o.batchSize;
  return {
    describe: `task ${task.describe}`,
    source: { kind: "task", task: name, options: taskOptions },
    tokenizer: "char",
    ...v,
    batch(step) {
      const rng = new Rng(mixSeed(o.seed, step));
      const pool = Array.from({ length: 8 * B }, () => toIds(v, task.sample(rng))).sort(byLength);
      // One of the pool's eight aligned windows, so every candidate is kept with the same
      // probability, 1/8. (A window at any offset kept the shortest and longest
      // candidates in fewer windows: lengths 5 and 20 of 5–20 came up 2% of the time.)
      const start = B * Math.floor(rng.next() * 8);
      const chosen = pool.slice(start, start + B);
      return { src: chosen.map((e) => e.src), tgt: chosen.map((e) => e.tgt) };
    },
    position: (step) => ({ epoch: 0, batch: step }),
    validation: task.validation,
    test: task.test,
  };
}

/** Batches of one epoch over `n` examples (indices), bucketed by length. */
export function epochBatches(
  lengths: readonly number[],
  batchSize: number,
  seed: number,
  epoch: number,
): number[][] {
  const rng = new Rng(mixSeed(seed, 0x3e0c, epoch));
  const order = shuffle(
    rng,
    lengths.map((_, i) => i),
  );
  const chunk = 50 * batchSize;
  const batches: number[][] = [];
  for (let c = 0; c < order.length; c += chunk) {
    const part = order.slice(c, c + chunk).sort((a, b) => lengths[a]! - lengths[b]! || a - b);
    for (let b = 0; b < part.length; b += batchSize) batches.push(part.slice(b, b + batchSize));
  }
  return shuffle(rng, batches);
}

/** Pairs read from a file (src/node/tsv-file.ts reads one). */
export interface PairsData {
  /** The file as the user wrote it, for messages and the checkpoint's record. */
  shown: string;
  tokenizer: Tokenizer;
  pairs: Example[];
  /** A separate validation set; otherwise every 20th pair is held out. */
  valid?: Example[];
}

export function pairsDataset(f: PairsData, o: DatasetOptions): Dataset {
  const all = f.pairs;
  let train: Example[];
  let validation: Example[];
  if (f.valid !== undefined) {
    train = all;
    validation = f.valid;
  } else if (all.length >= 20) {
    train = all.filter((_, i) => i % 20 !== 19);
    validation = all.filter((_, i) => i % 20 === 19);
  } else {
    train = all;
    validation = all;
  }
  const v = vocabularies(
    [...all, ...(f.valid !== undefined ? validation : [])],
    [...train, ...validation].map((e) => e.src),
    [...train, ...validation].map((e) => e.tgt),
    o,
    f.shown,
  );
  const ids = train.map((e) => toIds(v, e));
  const lengths = ids.map((e) => e.src.length);
  const perEpoch = epochBatches(lengths, o.batchSize, o.seed, 0).length;
  let cached: { epoch: number; batches: number[][] } | undefined;
  const position = (step: number): DataPosition => ({
    epoch: Math.floor(step / perEpoch),
    batch: step % perEpoch,
  });
  return {
    describe: `file ${f.shown}: ${train.length} training pairs, ${validation.length} validation pairs`,
    source: { kind: "file", path: f.shown, tokenizer: f.tokenizer },
    tokenizer: f.tokenizer,
    ...v,
    batch(step) {
      const p = position(step);
      if (cached?.epoch !== p.epoch)
        cached = { epoch: p.epoch, batches: epochBatches(lengths, o.batchSize, o.seed, p.epoch) };
      const idx = cached.batches[p.batch]!;
      return { src: idx.map((i) => ids[i]!.src), tgt: idx.map((i) => ids[i]!.tgt) };
    },
    position,
    validation,
    test: validation,
  };
}
