/**
 * `s2sc train FILE[:MODEL]` (cli.md): trains a model on a built-in task or a TSV file on
 * the tfjs backend and writes checkpoints to `--out DIR` (default `runs/<model>`).
 * Settings come from the spec's `train { }` section, overridden by flags; `--resume`
 * continues a checkpoint exactly. Ctrl-C saves a checkpoint and exits cleanly.
 */
import { InvalidArgumentError, Option, type Command } from "commander";
import {
  duration,
  openTrainRun,
  TASKS,
  TF_BACKENDS,
  TOKENIZERS,
  type TaskName,
  type TfBackend,
  type Tokenizer,
} from "../../node/index.js";
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { makeProgress } from "../train-progress.js";
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
  backend: "tfjs";
  tfBackend?: TfBackend;
}

function fail(io: Io, message: string, code: number = EXIT.usage): number {
  io.stderr(`s2sc: ${message}\n`);
  return code;
}

export async function runTrain(io: Io, spec: string, opts: TrainOptions): Promise<number> {
  const loaded = loadModule(io, spec);
  if ("exitCode" in loaded) return loaded.exitCode;
  const { model: checked, module } = loaded;
  const out = opts.out ?? `runs/${module.model}`;
  const opened = await openTrainRun({
    checked,
    module,
    source: loaded.source,
    cwd: io.cwd,
    out,
    resume: opts.resume === true,
    data: opts,
    overrides: { steps: opts.steps, batchSize: opts.batchSize, lr: opts.lr, dropout: opts.dropout },
    ...(opts.seed !== undefined ? { seed: opts.seed } : {}),
    session: {
      tfBackend: opts.tfBackend ?? "wasm",
      ...(opts.evalEvery !== undefined ? { evalEvery: opts.evalEvery } : {}),
      ...(opts.evalSize !== undefined ? { evalSize: opts.evalSize } : {}),
    },
  });
  if ("problem" in opened)
    return fail(
      io,
      opened.problem.message,
      opened.problem.fault === "input" ? EXIT.input : EXIT.usage,
    );
  const { session } = opened;
  const { settings } = session;

  const progress = makeProgress(io, opts.json === true);
  progress.note(
    `s2sc: training \`${module.model}\` on ${session.data.describe}; ${settings.steps} steps of ${settings.batchSize}` +
      (session.startStep > 0 ? `, resuming at step ${session.startStep}` : "") +
      ` (tfjs ${session.tfBackend}); checkpoints in ${out}`,
  );
  // Ctrl-C: the session finishes its step and saves; a second one quits without saving.
  const onSigint = () => {
    if (session.stopping) process.exit(130);
    session.stop();
    progress.note("s2sc: interrupted; saving a checkpoint (Ctrl-C again to quit without saving)");
  };
  process.on("SIGINT", onSigint);
  try {
    const r = await session.run(progress);
    progress.stop();
    const acc = r.evaluation
      ? `, validation exact match ${(100 * r.evaluation.sequenceAccuracy).toFixed(1)}%`
      : "";
    io.stderr(
      `s2sc: ${r.stopped ? "stopped" : "finished"} at step ${r.step} after ${duration(r.elapsed)}${acc}; checkpoint in ${out}` +
        (r.stopped ? ` (continue with --resume)` : "") +
        "\n",
    );
    return EXIT.ok;
  } finally {
    process.off("SIGINT", onSigint);
    session.dispose();
  }
}

const floatOption = (text: string): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number");
  return n;
};

/** `--backend`: only tfjs computes gradients; the interpreter and ORT run forward passes only. */
function trainBackend(text: string): "tfjs" {
  if (text !== "tfjs")
    throw new InvalidArgumentError(
      "training needs gradients, which only --backend tfjs has (interp and ort run forward passes only)",
    );
  return "tfjs";
}

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
      new Option("--backend <backend>", "where to train: tfjs, the one backend with gradients")
        .argParser(trainBackend)
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
