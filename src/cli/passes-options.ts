/**
 * The command-line face of the passes, shared by `compile`, `run` and `summary`:
 * the options (`-O0/-O1/-O2`, `--passes`, `--verify-each`, `--print-ir-after`), turning
 * them into a pipeline, running it with errors reported as text, and the op-count table
 * `summary` prints.
 */
import { Option } from "commander";
import type { Io } from "./io.js";
import { EXIT } from "./io.js";
import {
  DEFAULT_OPT_LEVEL,
  formatPipeline,
  opCounts,
  OPT_LEVELS,
  optimize,
  PASSES,
  pipelinePasses,
  type IrModule,
  type OptLevel,
  type PipelineOptions,
} from "../node/index.js";

export interface PassCliOptions {
  /** `-O <level>` as given ("0", "1", "2"). */
  O?: string;
  passes?: string;
  verifyEach?: boolean;
  printIrAfter?: string;
}

/** The commander options, in the order they are listed in `--help`. */
export function passOptions(): Option[] {
  return [
    new Option(
      "-O <level>",
      `optimisation level: 0 none, 1 clean-ups, 2 all (default ${DEFAULT_OPT_LEVEL})`,
    ).choices(OPT_LEVELS.map(String)),
    new Option(
      "--passes <list>",
      `the passes to run instead of -O, comma-separated: ${PASSES.map((p) => p.name).join(",")}`,
    ),
    new Option("--verify-each", "verify the IR after every pass"),
    new Option("--print-ir-after <pass>", "print the IR to stderr after the pass (or `all`)"),
  ];
}

/**
 * The API's pipeline options for the flags, or a usage error. `target` (the backend the
 * module goes to) leaves out of the -O levels what is unprofitable there.
 */
export function pipelineOf(
  opts: PassCliOptions,
  target?: string,
): { pipeline: PipelineOptions } | { error: string } {
  if (opts.passes !== undefined && opts.O !== undefined)
    return { error: "give either -O or --passes, not both" };
  const pipeline: PipelineOptions =
    opts.passes !== undefined
      ? { passes: opts.passes }
      : { level: Number(opts.O ?? DEFAULT_OPT_LEVEL) as OptLevel };
  return { pipeline: target === undefined ? pipeline : { ...pipeline, target } };
}

/** Runs the options' pipeline on `m`; problems go to stderr as text. */
export function optimiseForCli(
  io: Io,
  m: IrModule,
  opts: PassCliOptions,
  target?: string,
): { module: IrModule } | { exitCode: number } {
  const p = pipelineOf(opts, target);
  if ("error" in p) return usage(io, p.error);
  const after = opts.printIrAfter;
  if (after !== undefined && after !== "all") {
    const passes = pipelinePasses(p.pipeline);
    if ("error" in passes) return usage(io, passes.error);
    if (!passes.passes.some((x) => x.name === after))
      return usage(
        io,
        `--print-ir-after ${after}: the pipeline \`${formatPipeline(passes.passes)}\` has no such pass`,
      );
  }
  const r = optimize(m, {
    ...p.pipeline,
    verifyEach: opts.verifyEach ?? false,
    ...(after === undefined ? {} : { printIrAfter: after, print: (t: string) => io.stderr(t) }),
  });
  if (r.module === undefined) {
    const internal = r.error?.startsWith("internal error") ?? false;
    io.stderr(
      `s2sc: ${r.error ?? "the pass pipeline failed"}\n${internal ? "please report it\n" : ""}`,
    );
    return { exitCode: EXIT.usage };
  }
  return { module: r.module };
}

function usage(io: Io, message: string): { exitCode: number } {
  io.stderr(`s2sc: ${message}\n`);
  return { exitCode: EXIT.usage };
}

/** Op counts per graph before and after, as `summary` prints them. */
export function opCountTable(before: IrModule, after: IrModule, label: string): string {
  const a = opCounts(before);
  const b = opCounts(after);
  const lines = [`ops (before → after ${label}):`];
  for (const g of ["encode", "decode", "decode_step"]) {
    const x = a[g] ?? {};
    const y = b[g] ?? {};
    const ops = [...new Set([...Object.keys(x), ...Object.keys(y)])].sort();
    const total = (c: Record<string, number>): number =>
      Object.values(c).reduce((s, v) => s + v, 0);
    lines.push(`  ${g}: ${total(x)} → ${total(y)} nodes`);
    for (const op of ops) {
      const [p, q] = [x[op] ?? 0, y[op] ?? 0];
      lines.push(`    ${op.padEnd(22)} ${String(p).padStart(4)} → ${String(q).padStart(4)}`);
    }
  }
  return lines.join("\n") + "\n";
}
