/**
 * The `s2sc` command line. `main` parses arguments with commander, runs one command and
 * returns the exit code of cli.md; it never throws and never prints a stack trace
 * unless `--verbose` is given.
 */
import { Command, CommanderError, Option } from "commander";
import { runCheck, type CheckOptions } from "./commands/check.js";
import { runRun, type RunOptions } from "./commands/run.js";
import { runCompile, TARGETS, type CompileOptions } from "./commands/compile.js";
import { TF_BACKENDS } from "../node/index.js";
import { registerDiff } from "./commands/diff.js";
import { registerExperiment } from "./commands/experiment.js";
import { registerFmt } from "./commands/fmt.js";
import { registerGraph } from "./commands/graph.js";
import { registerTrain } from "./commands/train.js";
import { registerTranslate } from "./commands/translate.js";
import { DEFAULT_REFERENCE_LENGTH, runSummary, type SummaryOptions } from "./commands/summary.js";
import { bytesOption, nonNegativeIntOption, positiveIntOption } from "./units.js";
import { EXIT, processIo, type Io } from "./io.js";
import { passOptions } from "./passes-options.js";

const VERSION = "0.1.0";

export async function main(argv: readonly string[], io: Io = processIo()): Promise<number> {
  let exitCode: number = EXIT.ok;
  const verbose = argv.includes("--verbose");
  const program = new Command()
    .name("s2sc")
    .description("Compiler for .s2s sequence-to-sequence model specs")
    .version(VERSION)
    .option("--verbose", "print internal error details (stack traces)")
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout(s),
      writeErr: (s) => io.stderr(s),
    })
    .showSuggestionAfterError(true);

  const budgetOption = () =>
    new Option(
      "--memory-budget <bytes>",
      "weight budget, e.g. 4GiB, 512MiB or plain bytes (default 4GiB)",
    ).argParser(bytesOption);

  program
    .command("check")
    .description("parse, schema-check and shape-check .s2s files")
    .argument("<files...>", "the .s2s files to check")
    .addOption(
      new Option("--format <format>", "diagnostic output format")
        .choices(["text", "json"])
        .default("text"),
    )
    .addOption(budgetOption())
    .action((files: string[], opts: CheckOptions) => {
      exitCode = runCheck(io, files, opts);
    });

  program
    .command("summary")
    .description("layer table, parameter counts, weight bytes and compute of one model")
    .argument("<model>", "FILE or FILE:MODEL")
    .option("--json", "print the summary as JSON")
    .addOption(budgetOption())
    .addOption(
      new Option("--length <n>", "reference sequence length L for the per-token figures")
        .argParser(positiveIntOption)
        .default(DEFAULT_REFERENCE_LENGTH),
    )
    .addOption(passOptions()[0]!)
    .addOption(passOptions()[1]!)
    .action((spec: string, opts: SummaryOptions) => {
      exitCode = runSummary(io, spec, opts);
    });

  program
    .command("compile")
    .description(
      "compile one model: a directory that runs with @tensorflow/tfjs (default), --target onnx for ONNX models, or --target ir for DIR/model.ir.json",
    )
    .argument("<model>", "FILE or FILE:MODEL")
    .requiredOption("-o, --out <dir>", "output directory")
    .addOption(new Option("--target <target>", "what to produce").choices(TARGETS).default("tfjs"))
    .addOption(
      new Option("--seed <n>", "seed of the weights written with --target tfjs or onnx")
        .argParser(nonNegativeIntOption)
        .default(0),
    )
    .addOption(budgetOption())
    .addOption(passOptions()[0]!)
    .addOption(passOptions()[1]!)
    .addOption(passOptions()[2]!)
    .addOption(passOptions()[3]!)
    .action((spec: string, opts: CompileOptions) => {
      exitCode = runCompile(io, spec, opts);
    });

  program
    .command("run")
    .description(
      "one forward pass and a greedy decode of a model (FILE[:MODEL], an IR directory or a training run's directory)",
    )
    .argument(
      "<model>",
      "FILE, FILE:MODEL, a directory with model.ir.json, or a checkpoint directory (`s2sc train --out`)",
    )
    .option("--src <ids>", 'source token ids, space-separated (e.g. "4 5 6")')
    .option("--input <text>", "source text, read by a checkpoint directory's tokenizer")
    .option(
      "--tgt <ids>",
      "target token ids for the teacher-forced logits (default: the greedy decode)",
    )
    .addOption(
      new Option("--backend <backend>", "where to run")
        .choices(["interp", "tfjs", "ort"])
        .default("interp"),
    )
    .addOption(
      new Option("--seed <n>", "seed for the weights").argParser(nonNegativeIntOption).default(0),
    )
    .addOption(
      new Option("--max-length <n>", "greedy decoding limit (default 2·|src| + 10)").argParser(
        positiveIntOption,
      ),
    )
    .addOption(budgetOption())
    .option("--json", "print logits and the greedy decode as JSON")
    .addOption(
      new Option("--tf-backend <name>", "tfjs backend for --backend tfjs")
        .choices(TF_BACKENDS)
        .default("wasm"),
    )
    .addOption(passOptions()[0]!)
    .addOption(passOptions()[1]!)
    .addOption(passOptions()[2]!)
    .addOption(passOptions()[3]!)
    .action(async (spec: string, opts: RunOptions) => {
      exitCode = await runRun(io, spec, opts);
    });

  registerDiff(program, io, (code) => (exitCode = code));
  registerFmt(program, io, (code) => (exitCode = code));
  registerGraph(program, io, (code) => (exitCode = code));
  registerTrain(program, io, (code) => (exitCode = code));
  registerTranslate(program, io, (code) => (exitCode = code));
  registerExperiment(program, io, argv, (code) => (exitCode = code));

  try {
    await program.parseAsync([...argv], { from: "user" });
    return exitCode;
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version end "successfully"; every other commander error is usage.
      if (e.code === "commander.helpDisplayed" || e.code === "commander.version") return EXIT.ok;
      // Help printed because no command was given is a usage error; `s2sc help` is not.
      if (e.code === "commander.help") return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
      return EXIT.usage;
    }
    const err = e as Error;
    io.stderr(`s2sc: internal error: ${err.message ?? String(e)}\n`);
    if (verbose && err.stack) io.stderr(err.stack + "\n");
    else io.stderr("run again with --verbose for details, and please report it\n");
    return EXIT.usage;
  }
}
