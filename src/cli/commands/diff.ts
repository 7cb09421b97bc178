/**
 * `s2sc diff A[:MODEL] B[:MODEL]`: compares two resolved architectures (src/diff) and
 * prints the text report, `--json` (schema/diff.schema.json) or `--markdown`. Exit
 * codes as `diff(1)` and cli.md: 0 equal, 1 different, 2 on any error, including a spec
 * that does not check — 1 already means "they differ", so trouble must be 2.
 *
 * `--canonical FILE[:MODEL]` prints the canonical resolved form instead, for use as a
 * git textconv (docs/diff.md).
 */
import { Option, type Command } from "commander";
import pc from "picocolors";
import {
  canonical,
  diff,
  noColors,
  plainPalette,
  renderDiffMarkdown,
  renderDiffText,
  type ModelDiff,
  type Palette,
} from "../../node/index.js";
import { passOptions, pipelineOf, type PassCliOptions } from "../passes-options.js";
import { colorsFor, EXIT, type Io } from "../io.js";
import { bytesOption, positiveIntOption } from "../units.js";
import { loadForCanonical, loadForDiff } from "./diff-load.js";
import { DEFAULT_REFERENCE_LENGTH } from "./summary.js";

export interface DiffCommandOptions extends PassCliOptions {
  json?: boolean;
  markdown?: boolean;
  ir?: boolean;
  canonical?: boolean;
  length: number;
  memoryBudget?: number;
}

/** Adds `diff` to the program; `setExit` receives the command's exit code. */
export function registerDiff(program: Command, io: Io, setExit: (code: number) => void): void {
  const cmd = program
    .command("diff")
    .description("compare two resolved architectures: settings, layers, parameters and compute")
    .argument("<before>", "FILE or FILE:MODEL")
    .argument("[after]", "FILE or FILE:MODEL (omitted with --canonical)")
    .addOption(
      new Option("--json", "print the comparison as JSON (schema/diff.schema.json)").conflicts(
        "markdown",
      ),
    )
    .option("--markdown", "print the comparison as Markdown, for pull requests")
    .option("--ir", "also compare the op graphs (op counts by kind, fused ops, per layer)")
    .addOption(
      new Option(
        "--canonical",
        "print the canonical resolved form of one FILE[:MODEL] (a git textconv)",
      ).conflicts(["json", "markdown", "ir"]),
    )
    .addOption(
      new Option("--length <n>", "reference sequence length L for the per-token compute figures")
        .argParser(positiveIntOption)
        .default(DEFAULT_REFERENCE_LENGTH),
    )
    .addOption(
      new Option(
        "--memory-budget <bytes>",
        "weight budget, e.g. 4GiB, 512MiB or plain bytes (default 4GiB)",
      ).argParser(bytesOption),
    )
    .action((before: string, after: string | undefined, opts: DiffCommandOptions) => {
      setExit(runDiff(io, before, after, opts));
    });
  // -O / --passes choose the pipeline --ir compares after (default -O2, as compile).
  for (const o of passOptions()) {
    if (o.long === "--print-ir-after" || o.long === "--verify-each") continue;
    cmd.addOption(o);
  }
}

export function runDiff(
  io: Io,
  before: string,
  after: string | undefined,
  opts: DiffCommandOptions,
): number {
  if (opts.canonical) {
    if (after !== undefined) return usage(io, "--canonical takes one FILE[:MODEL]");
    return runCanonical(io, before);
  }
  if (after === undefined)
    return usage(io, "missing the second model: s2sc diff A[:MODEL] B[:MODEL]");
  // Both sides are loaded before giving up, so that one run shows every side's problems.
  const a = loadForDiff(io, before, opts.memoryBudget);
  const b = loadForDiff(io, after, opts.memoryBudget);
  if (a === undefined || b === undefined) return EXIT.usage;
  // -O / --passes choose the pipeline --ir compares after (default -O2, as compile).
  const pipeline = opts.ir ? pipelineOf(opts) : undefined;
  if (pipeline !== undefined && "error" in pipeline) return usage(io, pipeline.error);
  const result = diff(a, b, {
    referenceLength: opts.length,
    ...(pipeline !== undefined ? { ir: pipeline.pipeline } : {}),
  });
  if (result.diff === undefined) return usage(io, result.error ?? "the comparison failed");
  io.stdout(render(io, result.diff, opts));
  return result.diff.equal ? EXIT.ok : EXIT.input;
}

function render(io: Io, d: ModelDiff, opts: DiffCommandOptions): string {
  if (opts.json) return JSON.stringify(d, null, 2) + "\n";
  if (opts.markdown) return renderDiffMarkdown(d);
  return renderDiffText(d, paletteFor(io));
}

/** `git diff`'s colours, under the same on/off rule as diagnostics (TTY, NO_COLOR, FORCE_COLOR). */
function paletteFor(io: Io): Palette {
  if (colorsFor(io) === noColors) return plainPalette;
  const c = pc.createColors(true);
  return { added: c.green, removed: c.red, changed: c.yellow, heading: c.bold, dim: c.dim };
}

function runCanonical(io: Io, spec: string): number {
  const models = loadForCanonical(io, spec);
  if (models === undefined) return EXIT.usage;
  io.stdout(canonical(models));
  return EXIT.ok;
}

function usage(io: Io, message: string): number {
  io.stderr(`s2sc diff: ${message}\n`);
  return EXIT.usage;
}
