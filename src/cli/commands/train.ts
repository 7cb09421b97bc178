/**
 * `s2sc train FILE[:MODEL]` (cli.md): trains a model on a built-in task or a TSV file on
 * the tfjs backend and writes checkpoints to `--out DIR` (default `runs/<model>`).
 * Settings come from the spec's `train { }` section, overridden by flags; `--resume`
 * continues a checkpoint exactly. Ctrl-C saves a checkpoint and exits cleanly.
 */
import { resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { initWeights } from "../../backends/interp/weights.js";
import { TF_BACKENDS, type TfBackend } from "../../backends/tfjs/runtime/tf-backends.js";
import { fileDataset, taskDataset, type Dataset, type DatasetOptions } from "../../data/dataset.js";
import { DataError } from "../../data/errors.js";
import { TASKS, type TaskName, type TaskOptions } from "../../data/tasks.js";
import { TOKENIZERS, type Tokenizer } from "../../data/vocab.js";
import {
  CheckpointError,
  hasCheckpoint,
  loadCheckpoint,
  saveCheckpoint,
  weightsMismatch,
  writeStatic,
  type Checkpoint,
  type StoredTensor,
} from "../../node/checkpoint.js";
import { removeStaleTemporaries } from "../../node/atomic.js";
import { makeProgress, duration } from "../../train/progress.js";
import { withDropoutRate } from "../../train/dropout.js";
import { settingsFromSpec, sharesEmbeddings, type TrainSettings } from "../../train/settings.js";
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { nonNegativeIntOption, positiveIntOption } from "../units.js";

export interface TrainOptions {
  task?: TaskName;
  data?: string;
  valid?: string;
  tokenize?: Tokenizer;
  lengths?: string;
  symbols?: number;
  steps?: number;
  batchSize?: number;
  lr?: number;
  dropout?: number;
  evalEvery?: number;
  evalSize?: number;
  out?: string;
  resume?: boolean;
  seed?: number;
  json?: boolean;
  backend: "tfjs" | "interp";
  tfBackend?: TfBackend;
}

function fail(io: Io, message: string, code: number = EXIT.usage): number {
  io.stderr(`s2sc: ${message}\n`);
  return code;
}

/** `5-20` → {minLength 5, maxLength 20}. */
export function parseLengths(text: string): { minLength: number; maxLength: number } | undefined {
  const m = /^\s*(\d+)\s*[-–:]\s*(\d+)\s*$/.exec(text);
  if (m === null) return undefined;
  const [lo, hi] = [Number(m[1]), Number(m[2])];
  return lo >= 1 && hi >= lo ? { minLength: lo, maxLength: hi } : undefined;
}

export async function runTrain(io: Io, spec: string, opts: TrainOptions): Promise<number> {
  if (opts.backend !== "tfjs")
    return fail(
      io,
      "training needs gradients, which only --backend tfjs has (the interpreter runs forward passes only)",
    );
  if (opts.task !== undefined && opts.data !== undefined)
    return fail(io, "give --task or --data, not both");
  const loaded = loadModule(io, spec);
  if ("exitCode" in loaded) return loaded.exitCode;
  const { model: checked, module } = loaded;
  const outShown = opts.out ?? `runs/${module.model}`;
  const out = resolve(io.cwd, outShown);

  // Where training starts: a checkpoint (--resume) or fresh.
  let ckpt: Checkpoint | undefined;
  if (opts.resume) {
    try {
      removeStaleTemporaries(out);
      ckpt = loadCheckpoint(out);
    } catch (e) {
      if (e instanceof CheckpointError) return fail(io, e.message);
      throw e;
    }
    if (ckpt.model !== module.model)
      return fail(
        io,
        `${outShown} holds a checkpoint of model \`${ckpt.model}\`, not \`${module.model}\``,
        EXIT.input,
      );
    const bad = weightsMismatch(module, ckpt.weights);
    if (bad !== undefined)
      return fail(io, `${bad}; did the spec change since ${outShown} was written?`, EXIT.input);
  } else if (hasCheckpoint(out)) {
    return fail(
      io,
      `${outShown} already holds a checkpoint; continue it with --resume or pick another --out`,
    );
  }

  const settings: TrainSettings = { ...(ckpt?.settings ?? settingsFromSpec(checked)) };
  if (opts.steps !== undefined) settings.steps = opts.steps;
  if (opts.batchSize !== undefined) settings.batchSize = opts.batchSize;
  if (opts.lr !== undefined) settings.lr = opts.lr;
  if (opts.dropout !== undefined) {
    if (!(opts.dropout >= 0 && opts.dropout < 1))
      return fail(io, `--dropout: the rate must be in [0, 1), got ${opts.dropout}`);
    settings.dropout = opts.dropout;
  }
  const seed = ckpt?.seed ?? opts.seed ?? 0;
  if (ckpt !== undefined && ckpt.settings.batchSize !== settings.batchSize)
    return fail(
      io,
      `--batch-size ${settings.batchSize} differs from the checkpoint's ${ckpt.settings.batchSize}; resuming needs the same data order`,
    );

  // The data.
  let data: Dataset;
  try {
    const dsOptions: DatasetOptions = {
      seed,
      batchSize: settings.batchSize,
      shared: sharesEmbeddings(checked),
      modelVocab: { src: module.config.sourceVocab, tgt: module.config.targetVocab },
      ...(ckpt ? { vocabs: { src: ckpt.srcVocab, tgt: ckpt.tgtVocab } } : {}),
    };
    const source = ckpt?.data;
    if (opts.data !== undefined || (opts.task === undefined && source?.kind === "file")) {
      const shown = opts.data ?? (source as { path: string }).path;
      const tokenizer = opts.tokenize ?? ckpt?.tokenizer ?? "char";
      data = fileDataset(
        {
          path: resolve(io.cwd, shown),
          shown,
          tokenizer,
          ...(opts.valid !== undefined
            ? { valid: { path: resolve(io.cwd, opts.valid), shown: opts.valid } }
            : {}),
        },
        dsOptions,
      );
    } else {
      const task = opts.task ?? (source?.kind === "task" ? source.task : undefined);
      if (task === undefined)
        return fail(
          io,
          "give the training data: --task copy|reverse|sort|dates or --data FILE.tsv",
        );
      if (source?.kind === "task" && source.task !== task)
        return fail(
          io,
          `${outShown} was trained on task \`${source.task}\`, not \`${task}\``,
          EXIT.input,
        );
      let taskOptions: TaskOptions = source?.kind === "task" ? source.options : {};
      if (opts.lengths !== undefined) {
        const l = parseLengths(opts.lengths);
        if (l === undefined)
          return fail(io, `--lengths: expected MIN-MAX such as 5-20, got \`${opts.lengths}\``);
        taskOptions = { ...taskOptions, ...l };
      }
      if (opts.symbols !== undefined) taskOptions = { ...taskOptions, symbols: opts.symbols };
      data = taskDataset(task, taskOptions, dsOptions);
    }
  } catch (e) {
    if (e instanceof DataError) return fail(io, e.format(), EXIT.input);
    throw e;
  }

  const weights: ReadonlyMap<
    string,
    StoredTensor | { dims: readonly number[]; data: ArrayLike<number> }
  > = ckpt?.weights ?? initWeights(module, seed);
  const tfBackend = opts.tfBackend ?? "wasm";
  const { createTfjsModel } = await import("../../backends/tfjs/index.js");
  const { trainLoop } = await import("../../train/loop.js");
  // train.dropout / --dropout replaces the spec's dropout rates while training.
  const trained =
    settings.dropout === undefined ? module : withDropoutRate(module, settings.dropout);
  const model = await createTfjsModel(trained, weights, { backend: tfBackend });
  writeStatic(out, module, {
    model: module.model,
    file: checked.file,
    source: loaded.source,
    checked,
  });

  const progress = makeProgress(io, opts.json === true);
  const startStep = ckpt?.step ?? 0;
  progress.note(
    `s2sc: training \`${module.model}\` on ${data.describe}; ${settings.steps} steps of ${settings.batchSize}` +
      (startStep > 0 ? `, resuming at step ${startStep}` : "") +
      ` (tfjs ${tfBackend}); checkpoints in ${outShown}`,
  );
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    progress.note("s2sc: interrupted; saving a checkpoint (Ctrl-C again to quit without saving)");
  };
  process.on("SIGINT", onSigint);
  try {
    const evalEvery = opts.evalEvery ?? Math.max(1, Math.min(200, Math.ceil(settings.steps / 10)));
    const r = await trainLoop({
      model,
      data,
      settings,
      seed,
      start: {
        step: startStep,
        ...(ckpt ? { optimizer: ckpt.optimizer } : {}),
        elapsed: ckpt?.elapsed ?? 0,
      },
      evalEvery,
      evalSize: opts.evalSize ?? 200,
      progress,
      stopRequested: () => interrupted,
      save: (s) => {
        const weightsNow = new Map<string, StoredTensor>();
        for (const [k, v] of model.variables)
          weightsNow.set(k, { dims: [...v.shape], data: v.dataSync() as Float32Array });
        saveCheckpoint(out, {
          model: module.model,
          step: s.step,
          position: data.position(s.step),
          seed,
          settings,
          data: data.source,
          tokenizer: data.tokenizer,
          srcVocab: data.srcVocab,
          tgtVocab: data.tgtVocab,
          weights: weightsNow,
          optimizer: s.optimizer,
          metrics: s.metrics,
          elapsed: s.elapsed,
        });
      },
    });
    progress.stop();
    const acc = r.evaluation
      ? `, validation exact match ${(100 * r.evaluation.sequenceAccuracy).toFixed(1)}%`
      : "";
    io.stderr(
      `s2sc: ${r.stopped ? "stopped" : "finished"} at step ${r.step} after ${duration(r.elapsed)}${acc}; checkpoint in ${outShown}` +
        (r.stopped ? ` (continue with --resume)` : "") +
        "\n",
    );
    return EXIT.ok;
  } finally {
    process.off("SIGINT", onSigint);
    model.dispose();
  }
}

const floatOption = (text: string): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number");
  return n;
};

export function registerTrain(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("train")
    .description(
      "train a model on a built-in task or a TSV file (tfjs backend); checkpoints in --out",
    )
    .argument("<model>", "FILE or FILE:MODEL")
    .addOption(new Option("--task <name>", "built-in synthetic data").choices([...TASKS]))
    .option("--data <file>", "training pairs, source TAB target per line (UTF-8)")
    .option("--valid <file>", "validation pairs for --data (default: every 20th line of --data)")
    .addOption(
      new Option(
        "--tokenize <how>",
        "tokens of --data: characters or words (default char)",
      ).choices([...TOKENIZERS]),
    )
    .option("--lengths <min-max>", "sequence lengths of copy/reverse/sort (default 5-20)")
    .addOption(
      new Option("--symbols <n>", "alphabet size of copy/reverse/sort (default 16)").argParser(
        positiveIntOption,
      ),
    )
    .addOption(
      new Option("--steps <n>", "optimiser steps (default: the spec's train.steps)").argParser(
        positiveIntOption,
      ),
    )
    .addOption(
      new Option("--batch-size <n>", "sequences per batch (default: train.batch_size)").argParser(
        positiveIntOption,
      ),
    )
    .addOption(
      new Option("--lr <rate>", "peak learning rate (default: train.lr)").argParser(floatOption),
    )
    .addOption(
      new Option(
        "--dropout <rate>",
        "dropout rate of every layer while training (default: train.dropout, else the spec's rates)",
      ).argParser(floatOption),
    )
    .addOption(
      new Option("--eval-every <n>", "steps between evaluations and checkpoints").argParser(
        positiveIntOption,
      ),
    )
    .addOption(
      new Option("--eval-size <n>", "validation pairs per evaluation (default 200)").argParser(
        positiveIntOption,
      ),
    )
    .option("--out <dir>", "checkpoint directory (default runs/<model>)")
    .option("--resume", "continue the checkpoint in --out")
    .addOption(
      new Option("--seed <n>", "seed for weights, data order and dropout (default 0)").argParser(
        nonNegativeIntOption,
      ),
    )
    .option("--json", "print one JSON object per evaluation")
    .addOption(
      new Option("--backend <backend>", "where to train")
        .choices(["tfjs", "interp"])
        .default("tfjs"),
    )
    .addOption(
      new Option("--tf-backend <name>", "the tfjs backend (default wasm)").choices([
        ...TF_BACKENDS,
      ]),
    )
    .action(async (spec: string, opts: TrainOptions) => {
      setExit(await runTrain(io, spec, opts));
    });
}
