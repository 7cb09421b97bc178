/**
 * `s2sc translate DIR` (cli.md): decodes with a trained checkpoint. Input is `--input
 * TEXT` or lines on stdin, tokenised and mapped with the checkpoint's tokenizer and
 * vocabularies; each output line is the detokenised decode. Greedy (`--beam 1`) or beam
 * search with a length penalty, through decode_step (src/decode/), on the interpreter,
 * tfjs or ONNX Runtime. Output line i answers input line i: a blank line prints empty, a
 * line too long for the model prints empty with an error on stderr (exit 1), and tokens
 * read as <unk> are a warning on stderr.
 */
import { resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import {
  openBackendModel,
  readStdinText,
  readTrainedModel,
  TF_BACKENDS,
  translateLines,
  unknownTokensMessage,
  type RunBackend,
  type TfBackend,
  type Translation,
} from "../../node/index.js";
import { EXIT, type Io } from "../io.js";
import { positiveIntOption } from "../units.js";

export interface TranslateOptions {
  input?: string;
  beam: number;
  lengthPenalty: number;
  maxLength?: number;
  backend: RunBackend;
  tfBackend?: TfBackend;
  json?: boolean;
}

export async function runTranslate(
  io: Io,
  dir: string,
  opts: TranslateOptions,
  readStdin: () => Promise<string | { error: string }> = async () => "",
): Promise<number> {
  const read = readTrainedModel(resolve(io.cwd, dir));
  if ("error" in read) {
    io.stderr(
      `s2sc: ${read.damaged ? `${dir}: ${read.error} (a damaged checkpoint)` : read.error}\n`,
    );
    return EXIT.usage;
  }
  const { module, checkpoint } = read.trained;
  const text = opts.input ?? (await readStdin());
  if (typeof text !== "string") {
    // Read but not text, or too much of it: wrong input, like a binary spec (cli.md).
    io.stderr(`s2sc: ${text.error}\n`);
    return EXIT.input;
  }
  const lines =
    opts.input !== undefined ? [opts.input] : text.split("\n").map((l) => l.replace(/\r$/, ""));
  if (opts.input === undefined && lines.at(-1) === "") lines.pop();

  const opened = await openBackendModel(module, checkpoint.weights, {
    backend: opts.backend,
    tfBackend: opts.tfBackend ?? "wasm",
  });
  if ("error" in opened) {
    io.stderr(`s2sc: ${opened.error}\n`);
    return EXIT.usage;
  }
  let failed = false;
  try {
    let n = 0;
    for await (const t of translateLines(opened.model, read.trained, lines, opts)) {
      const where = opts.input !== undefined ? "--input" : `line ${++n}`;
      warn(io, where, t);
      if (t.error !== undefined) failed = true;
      // A failed line prints empty too, so that output line i answers input line i.
      io.stdout((opts.json ? JSON.stringify(t) : t.output) + "\n");
    }
  } finally {
    opened.model.dispose();
  }
  return failed ? EXIT.input : EXIT.ok;
}

/** One stderr line per input line that was not translated or had tokens read as <unk>. */
function warn(io: Io, where: string, t: Translation): void {
  if (t.error !== undefined) io.stderr(`s2sc: ${where}: ${t.error}; not translated\n`);
  else if (t.unknown.length > 0) io.stderr(`s2sc: ${where}: ${unknownTokensMessage(t.unknown)}\n`);
}

const nonNegativeFloat = (text: string): number => {
  const n = Number(text);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError("expected a number ≥ 0");
  return n;
};

export function registerTranslate(program: Command, io: Io, setExit: (code: number) => void): void {
  program
    .command("translate")
    .description("decode with a trained checkpoint: --input TEXT or one input per line on stdin")
    .argument("<dir>", "a checkpoint directory written by `s2sc train`")
    .option("--input <text>", "one input (otherwise lines are read from stdin)")
    .addOption(
      new Option("--beam <k>", "beam width (1: greedy)").argParser(positiveIntOption).default(1),
    )
    .addOption(
      new Option("--length-penalty <alpha>", "α of the length penalty ((5+n)/6)^α for beam search")
        .argParser(nonNegativeFloat)
        .default(0),
    )
    .addOption(
      new Option("--max-length <n>", "output tokens at most (default 2·|input| + 10)").argParser(
        positiveIntOption,
      ),
    )
    .addOption(
      new Option("--backend <backend>", "where to run")
        .choices(["interp", "tfjs", "ort"])
        .default("interp"),
    )
    .addOption(
      new Option("--tf-backend <name>", "the tfjs backend (default wasm)").choices([
        ...TF_BACKENDS,
      ]),
    )
    .option(
      "--json",
      "print one JSON object per input: input, output, logProb, finished, unknown (and error)",
    )
    .action(async (dir: string, opts: TranslateOptions) => {
      setExit(await runTranslate(io, dir, opts, () => readStdinText(process.stdin)));
    });
}
