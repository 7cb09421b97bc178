/**
 * `s2sc translate DIR` (cli.md): decodes with a trained checkpoint. Input is `--input
 * TEXT` or lines on stdin, tokenised and mapped with the checkpoint's tokenizer and
 * vocabularies; each output line is the detokenised decode. Greedy (`--beam 1`) or beam
 * search with a length penalty, through decode_step (src/decode/), on the interpreter,
 * tfjs or ONNX Runtime.
 */
import { resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import { InterpModel } from "../../backends/interp/model.js";
import { makeTensor, type Tensor } from "../../reference/tensor.js";
import { TF_BACKENDS, type TfBackend } from "../../backends/tfjs/runtime/tf-backends.js";
import { OrtUnavailableError } from "../../node/ort/load.js";
import { detokenize, tokenize } from "../../data/vocab.js";
import { interpStepModel } from "../../decode/interp.js";
import { decodeAll, type Hypothesis } from "../../decode/search.js";
import type { StepModel } from "../../decode/step-model.js";
import {
  CheckpointError,
  loadCheckpoint,
  loadCheckpointModule,
  weightsMismatch,
} from "../../node/checkpoint.js";
import { EXIT, type Io } from "../io.js";
import { positiveIntOption } from "../units.js";

export interface TranslateOptions {
  input?: string;
  beam: number;
  lengthPenalty: number;
  maxLength?: number;
  backend: "interp" | "tfjs" | "ort";
  tfBackend?: TfBackend;
  json?: boolean;
}

const BATCH = 64;

export async function runTranslate(
  io: Io,
  dir: string,
  opts: TranslateOptions,
  readStdin: () => Promise<string> = async () => "",
): Promise<number> {
  const path = resolve(io.cwd, dir);
  let ckpt;
  let module;
  try {
    ckpt = loadCheckpoint(path);
    module = loadCheckpointModule(path);
  } catch (e) {
    if (e instanceof CheckpointError) {
      io.stderr(`s2sc: ${e.message}\n`);
      return EXIT.usage;
    }
    throw e;
  }
  const bad = weightsMismatch(module, ckpt.weights);
  if (bad !== undefined) {
    io.stderr(`s2sc: ${dir}: ${bad} (a damaged checkpoint)\n`);
    return EXIT.usage;
  }
  const text = opts.input ?? (await readStdin());
  const lines =
    opts.input !== undefined ? [opts.input] : text.split("\n").map((l) => l.replace(/\r$/, ""));
  if (opts.input === undefined && lines.at(-1) === "") lines.pop();

  let step: StepModel<unknown>;
  let dispose = () => {};
  if (opts.backend === "ort") {
    const { createOrtModel } = await import("../../node/ort/model.js");
    const { ortStepModel } = await import("../../node/ort/step-model.js");
    try {
      const model = await createOrtModel(module, ckpt.weights);
      step = ortStepModel(model) as StepModel<unknown>;
      dispose = () => void model.dispose();
    } catch (e) {
      if (e instanceof OrtUnavailableError) {
        io.stderr(`s2sc: ${e.message}\n`);
        return EXIT.usage;
      }
      throw e;
    }
  } else if (opts.backend === "tfjs") {
    const { createTfjsModel } = await import("../../backends/tfjs/index.js");
    const { tfjsStepModel } = await import("../../decode/tfjs.js");
    const model = await createTfjsModel(module, ckpt.weights, {
      backend: opts.tfBackend ?? "wasm",
    });
    step = tfjsStepModel(model) as StepModel<unknown>;
    dispose = () => model.dispose();
  } else {
    const weights = new Map<string, Tensor>();
    for (const [k, v] of ckpt.weights) weights.set(k, makeTensor("float32", v.dims, v.data));
    step = interpStepModel(new InterpModel(module, weights)) as StepModel<unknown>;
  }
  try {
    for (let i = 0; i < lines.length; i += BATCH) {
      const chunk = lines.slice(i, i + BATCH);
      const src = chunk.map((l) => ckpt.srcVocab.encode(tokenize(l, ckpt.tokenizer)));
      const hyps: Hypothesis[] = await decodeAll(step, src, {
        beam: opts.beam,
        lengthPenalty: opts.lengthPenalty,
        ...(opts.maxLength !== undefined ? { maxLength: opts.maxLength } : {}),
      });
      hyps.forEach((h, b) => {
        const output = detokenize(ckpt.tgtVocab.decode(h.tokens), ckpt.tokenizer);
        if (opts.json) {
          io.stdout(
            JSON.stringify({ input: chunk[b], output, logProb: h.logProb, finished: h.finished }) +
              "\n",
          );
        } else io.stdout(output + "\n");
      });
    }
  } finally {
    dispose();
  }
  return EXIT.ok;
}

async function readAll(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of process.stdin) chunks.push(c as Buffer);
  return Buffer.concat(chunks).toString("utf8");
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
    .option("--json", "print one JSON object per input: input, output, logProb, finished")
    .action(async (dir: string, opts: TranslateOptions) => {
      setExit(await runTranslate(io, dir, opts, readAll));
    });
}
