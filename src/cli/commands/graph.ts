/**
 * `s2sc graph FILE[:MODEL]`: the model as a picture. `--level arch` (default) draws the
 * encoder–decoder diagram from the checked model; `--level ir` draws one entry point's
 * op graph after the `-O` pipeline (default -O2, as `compile`; `-O0` shows the graph as
 * elaborated). `--format dot|mermaid|svg` writes it as text for Graphviz, Mermaid, or as
 * SVG laid out by Graphviz in-process.
 *
 * Without `--format` the format follows `-o`'s extension (`.svg`, `.dot`/`.gv`,
 * `.mmd`/`.mermaid`), and stdout gets DOT: text that reads on a terminal and pipes into
 * `dot -Tpng`. `-o FILE` is written atomically (a temporary file beside it, then
 * renamed), so a failed run leaves the previous picture in place.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join, resolve } from "node:path";
import { Option, type Command } from "commander";
import {
  ENTRY_POINTS,
  graph,
  GRAPH_FORMATS as FORMATS,
  GRAPH_LEVELS as LEVELS,
  type EntryPoint,
  type GraphFormat as Format,
  type GraphLevel as Level,
} from "../../node/index.js";
import { passOptions, pipelineOf, type PassCliOptions } from "../passes-options.js";
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { bytesOption } from "../units.js";

export interface GraphCommandOptions extends PassCliOptions {
  format?: Format;
  level: Level;
  entry?: EntryPoint;
  /** `-o FILE`; stdout when absent. */
  out?: string;
  memoryBudget?: number;
}

/** Output file extensions and the format each implies. */
const EXTENSIONS: Readonly<Record<string, Format>> = {
  ".svg": "svg",
  ".dot": "dot",
  ".gv": "dot",
  ".mmd": "mermaid",
  ".mermaid": "mermaid",
};

/** Adds `graph` to the program; `setExit` receives the command's exit code. */
export function registerGraph(program: Command, io: Io, setExit: (code: number) => void): void {
  const [optLevel, passes] = passOptions();
  program
    .command("graph")
    .description("draw the architecture (or the op graph) as DOT, Mermaid or SVG")
    .argument("<model>", "FILE or FILE:MODEL")
    .addOption(
      new Option(
        "--format <format>",
        "dot, mermaid or svg (default: from -o's extension, else dot)",
      ).choices(FORMATS),
    )
    .addOption(
      new Option("--level <level>", "arch: the encoder–decoder diagram; ir: the op graph")
        .choices(LEVELS)
        .default("arch"),
    )
    .addOption(
      new Option("--entry <entry>", "the entry point --level ir draws (default decode)").choices(
        ENTRY_POINTS,
      ),
    )
    .option("-o, --out <file>", "write to FILE (atomically) instead of stdout")
    .addOption(optLevel!)
    .addOption(passes!)
    .addOption(
      new Option(
        "--memory-budget <bytes>",
        "weight budget, e.g. 4GiB, 512MiB or plain bytes (default 4GiB)",
      ).argParser(bytesOption),
    )
    .action(async (spec: string, opts: GraphCommandOptions) => {
      setExit(await runGraph(io, spec, opts));
    });
}

export async function runGraph(io: Io, spec: string, opts: GraphCommandOptions): Promise<number> {
  const format = formatOf(opts);
  if ("error" in format) return usage(io, format.error);
  if (opts.level === "arch") {
    // The architecture comes from the checked model: there is no op graph to choose.
    if (opts.entry !== undefined) return usage(io, "--entry applies to --level ir");
    if (opts.O !== undefined || opts.passes !== undefined)
      return usage(io, "-O and --passes apply to --level ir");
  }
  const loaded = loadModule(io, spec, { memoryBudgetBytes: opts.memoryBudget });
  if ("exitCode" in loaded) return loaded.exitCode;
  const pipeline = pipelineOf(opts);
  if ("error" in pipeline) return usage(io, pipeline.error);
  const { text, error } = await graph(loaded, {
    level: opts.level,
    format: format.format,
    entry: opts.entry ?? "decode",
    pipeline: pipeline.pipeline,
  });
  if (error !== undefined) return usage(io, error);
  if (opts.out === undefined) {
    io.stdout(text);
    return EXIT.ok;
  }
  return writeAtomically(io, opts.out, text);
}

function formatOf(opts: GraphCommandOptions): { format: Format } | { error: string } {
  if (opts.format !== undefined) return { format: opts.format };
  if (opts.out === undefined) return { format: "dot" };
  const ext = extname(opts.out).toLowerCase();
  const format = EXTENSIONS[ext];
  if (format !== undefined) return { format };
  const known = Object.keys(EXTENSIONS).join(", ");
  return {
    error: `cannot tell the format from \`${basename(opts.out)}\`; give --format dot|mermaid|svg or an output ending in ${known}`,
  };
}

function usage(io: Io, message: string): number {
  io.stderr(`s2sc graph: ${message}\n`);
  return EXIT.usage;
}

/** Writes to a temporary file in the target's directory, then renames it over the target. */
function writeAtomically(io: Io, out: string, text: string): number {
  const target = resolve(io.cwd, out);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.${Date.now()}.tmp`);
  try {
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(temp, text);
    renameSync(temp, target);
  } catch (e) {
    removeQuietly(temp);
    const err = e as NodeJS.ErrnoException;
    io.stderr(`s2sc graph: cannot write ${out}: ${err.code ?? err.message}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

/** Best-effort cleanup of the temporary file; the original error is what gets reported. */
function removeQuietly(path: string): void {
  try {
    rmSync(path, { force: true });
  } catch {
    // Nothing more to do: the write already failed and says why.
  }
}
