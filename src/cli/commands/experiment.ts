/**
 * `s2sc experiment FILE|DIR...` (docs/experiments-format.md): trains every model of each
 * experiment file under the same settings and seed, evaluates per length bucket, and
 * writes a Markdown report with Vega-Lite plots (`--report`), or prints the report (or
 * with `--json` the results) on stdout. `npm run experiments` runs experiments/ into
 * docs/experiments.md.
 */
import { mkdirSync, readdirSync, readFileSync, statSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { InvalidArgumentError, Option, type Command } from "commander";
import {
  checkModel,
  DataError,
  DEFAULT_BUCKET_PAIRS,
  DEFAULT_EVAL_SIZE,
  DEFAULT_THRESHOLD,
  duration,
  ExperimentError,
  experimentSettings,
  loadExperiment,
  ModelLoadError,
  PLOTS,
  renderSvg,
  report,
  runAll,
  runModel,
  TF_BACKENDS,
  withWordsOf,
  WorkerError,
  writeFileAtomic,
  type Experiment,
  type ExperimentResult,
  type ModelProblem,
  type PlotPaths,
  type RunContext,
  type TfBackend,
} from "../../node/index.js";
import { EXIT, type Io } from "../io.js";
import { reportDiagnostics } from "../report.js";
import { positiveIntOption } from "../units.js";

export interface ExperimentOptions {
  report?: string;
  imgDir?: string;
  json?: boolean;
  jobs?: number;
  tfBackend?: TfBackend;
  note?: string;
  /** Re-render the report from an earlier run's results.json instead of training. */
  fromResults?: string;
  /** Internal: train only this model and print JSON lines (pool.ts). */
  worker?: string;
}

/** Files as given, directories expanded to their `*.json` in name order. */
function expand(io: Io, inputs: readonly string[]): string[] {
  const out: string[] = [];
  for (const p of inputs) {
    let isDir = false;
    try {
      isDir = statSync(resolve(io.cwd, p)).isDirectory();
    } catch {
      // A missing path is reported by loadExperiment, with the others.
    }
    if (!isDir) out.push(p);
    else
      out.push(
        ...readdirSync(resolve(io.cwd, p))
          .filter((f) => f.endsWith(".json"))
          .sort()
          .map((f) => join(p, f)),
      );
  }
  return out;
}

function machine(): string {
  const c = cpus();
  return `${c.length} × ${c[0]?.model.trim() ?? "unknown CPU"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
}

/** Prints why a model cannot train; returns the exit code. */
function reportModelProblem(io: Io, p: ModelProblem): number {
  if ("problem" in p) {
    io.stderr(`s2sc: ${p.problem.message}\n`);
    return p.problem.fault === "input" ? EXIT.input : EXIT.usage;
  }
  const { diagnostics, sources, internalErrors } = p.load;
  reportDiagnostics(io, diagnostics, sources, "text");
  if (internalErrors.length > 0) {
    io.stderr(`s2sc: internal error: the IR of model \`${p.label}\` is malformed:\n`);
    for (const e of internalErrors.slice(0, 20)) io.stderr(`  ${e}\n`);
    io.stderr("please report it\n");
    return EXIT.usage;
  }
  io.stderr(`s2sc: model \`${p.label}\` has errors (above); nothing was trained\n`);
  return EXIT.input;
}

async function runWorker(io: Io, exp: Experiment, label: string, o: ExperimentOptions) {
  const index = exp.models.findIndex((m) => m.label === label);
  if (index < 0) {
    io.stderr(`s2sc: ${exp.file} has no model labelled \`${label}\`\n`);
    return EXIT.usage;
  }
  const result = await runModel(exp, index, {
    cwd: io.cwd,
    tfBackend: o.tfBackend ?? "wasm",
    onEvaluation: (p) => io.stdout(JSON.stringify({ evaluation: p }) + "\n"),
  });
  io.stdout(JSON.stringify({ result }) + "\n");
  return EXIT.ok;
}

export async function runExperiment(
  io: Io,
  inputs: readonly string[],
  o: ExperimentOptions,
  argv: readonly string[] = [],
): Promise<number> {
  const files = expand(io, inputs);
  if (files.length === 0 && (o.fromResults === undefined || inputs.length > 0)) {
    io.stderr(
      inputs.length === 0
        ? "s2sc: give experiment files (or directories of them), or --from-results FILE\n"
        : `s2sc: no experiment files (*.json) in ${inputs.join(", ")}\n`,
    );
    return EXIT.usage;
  }
  const experiments: Experiment[] = [];
  const problems: string[] = [];
  let unreadable = false;
  for (const f of files) {
    try {
      experiments.push(loadExperiment(resolve(io.cwd, f), f));
    } catch (e) {
      if (!(e instanceof ExperimentError)) throw e;
      problems.push(...e.problems);
      unreadable ||= e.unreadable;
    }
  }
  if (problems.length > 0) {
    for (const p of problems) io.stderr(`s2sc: ${p}\n`);
    return unreadable ? EXIT.usage : EXIT.input;
  }
  // With files, a re-rendered report takes their words (title, about, report).
  if (o.fromResults !== undefined) return await rerender(io, o.fromResults, o, argv, experiments);
  try {
    if (o.worker !== undefined) return await runWorker(io, experiments[0]!, o.worker, o);
  } catch (e) {
    if (e instanceof ModelLoadError) return reportModelProblem(io, e.reason);
    throw e;
  }
  // Every spec is checked before anything trains: a typo should not cost an hour.
  for (const exp of experiments)
    for (let i = 0; i < exp.models.length; i++) {
      const checked = checkModel(exp, i, io.cwd);
      if (!("plan" in checked)) return reportModelProblem(io, checked);
      // Warnings are worth seeing even when the model trains.
      reportDiagnostics(io, checked.load.diagnostics, checked.load.sources, "text");
    }

  const jobs = o.jobs ?? 1;
  const tfBackend = o.tfBackend ?? "wasm";
  const started = new Date();
  const loadStart = loadavg();
  const t0 = Date.now();
  const results: ExperimentResult[] = [];
  try {
    for (const exp of experiments) {
      const te = Date.now();
      io.stderr(
        `s2sc: experiment ${exp.file}: ${exp.models.length} models, ${exp.train.steps} steps each\n`,
      );
      const models = await runAll(exp, {
        jobs,
        cwd: io.cwd,
        tfBackend,
        onWorkerOutput: (text) => io.stderr(text),
        onEvaluation: (label, p) =>
          io.stderr(
            `  ${exp.name} ${label}: step ${p.step}, validation exact match ${(100 * p.sequenceAccuracy).toFixed(1)}%, token accuracy ${(100 * p.tokenAccuracy).toFixed(1)}% (${duration(p.elapsed)})\n`,
          ),
      });
      const seconds = (Date.now() - te) / 1000;
      io.stderr(`s2sc: experiment ${exp.file} took ${duration(seconds)}\n`);
      results.push({
        file: exp.file,
        name: exp.name,
        title: exp.title,
        ...(exp.about !== undefined ? { about: exp.about } : {}),
        ...(exp.report !== undefined ? { report: exp.report } : {}),
        task: exp.task,
        ...(exp.task.name !== "dates" ? { trainMax: exp.trainRange?.hi ?? 20 } : {}),
        settings: experimentSettings(exp),
        seed: exp.train.seed,
        evalEvery: exp.train.evalEvery,
        evalSize: exp.train.evalSize ?? DEFAULT_EVAL_SIZE,
        bucketPairs: exp.evaluation.pairs ?? DEFAULT_BUCKET_PAIRS,
        threshold: exp.evaluation.threshold ?? DEFAULT_THRESHOLD,
        plots: exp.plots,
        ...(exp.reading !== undefined ? { reading: exp.reading } : {}),
        models,
        seconds,
        jobs,
      });
    }
  } catch (e) {
    if (e instanceof DataError) {
      io.stderr(`s2sc: ${e.format()}\n`);
      return EXIT.input;
    }
    if (e instanceof WorkerError) {
      io.stderr(`s2sc: ${e.message}; no report was written\n`);
      return EXIT.usage;
    }
    throw e;
  }
  // Through `npm run experiments` the report names the script as well as the command;
  // `npx s2sc` sets the event to "npx", which is no script of the package.
  const script = io.env["npm_lifecycle_event"];
  const ctx: RunContext = {
    command:
      (script !== undefined && script !== "npx" ? `npm run ${script}\` = \`` : "") +
      ["s2sc", ...argv].join(" "),
    started: started.toISOString().replace(/\.\d+Z$/, "Z"),
    machine: machine(),
    load: { start: loadStart, end: loadavg() },
    tfBackend,
    jobs,
    seconds: (Date.now() - t0) / 1000,
    ...(o.note !== undefined ? { note: o.note } : {}),
  };

  return await writeOutputs(io, results, ctx, o);
}

/** Re-renders the report and plots of an earlier run from its results.json: no training. */
async function rerender(
  io: Io,
  file: string,
  o: ExperimentOptions,
  argv: readonly string[],
  files: readonly Experiment[],
): Promise<number> {
  let saved: { context: RunContext; experiments: ExperimentResult[] };
  try {
    saved = JSON.parse(readFileSync(resolve(io.cwd, file), "utf8"));
  } catch (e) {
    io.stderr(`s2sc: ${file}: cannot read results: ${(e as Error).message}\n`);
    return EXIT.input;
  }
  if (
    typeof saved?.context?.command !== "string" ||
    !Array.isArray(saved.experiments) ||
    saved.experiments.some((r) => !Array.isArray(r?.models))
  ) {
    io.stderr(`s2sc: ${file}: not the results.json of an experiment run\n`);
    return EXIT.input;
  }
  const results = files.length > 0 ? withWordsOf(saved.experiments, files) : saved.experiments;
  if ("missing" in results) {
    io.stderr(
      `s2sc: ${file}: no results for ${results.missing.file} (experiment \`${results.missing.name}\`)\n`,
    );
    return EXIT.input;
  }
  const ctx: RunContext = {
    ...saved.context,
    rerendered: ["s2sc", ...argv].join(" "),
    ...(o.note !== undefined ? { note: o.note } : {}),
  };
  return await writeOutputs(io, results, ctx, o);
}

async function writeOutputs(
  io: Io,
  results: ExperimentResult[],
  ctx: RunContext,
  o: ExperimentOptions,
): Promise<number> {
  if (o.json) {
    io.stdout(JSON.stringify({ context: ctx, experiments: results }, null, 2) + "\n");
    return EXIT.ok;
  }
  // Plots are written only with a report (or --img-dir): Markdown on stdout links nowhere.
  const plots: PlotPaths = new Map();
  const reportPath = o.report !== undefined ? resolve(io.cwd, o.report) : undefined;
  const imgDir =
    o.imgDir !== undefined
      ? resolve(io.cwd, o.imgDir)
      : reportPath !== undefined
        ? join(dirname(reportPath), "img", "experiments")
        : undefined;
  try {
    if (imgDir !== undefined) {
      mkdirSync(imgDir, { recursive: true });
      for (const r of results) {
        const names: string[] = [];
        for (const kind of r.plots) {
          const svg = await renderSvg(PLOTS[kind](r));
          const path = join(imgDir, `${r.name}-${kind}.svg`);
          writeFileAtomic(path, svg);
          names.push(relative(reportPath !== undefined ? dirname(reportPath) : io.cwd, path));
        }
        plots.set(r.name, names);
      }
      // The raw numbers beside the plots, so anyone can check the report against them.
      writeFileAtomic(
        join(imgDir, "results.json"),
        JSON.stringify({ context: withoutRerendered(ctx), experiments: results }, null, 2) + "\n",
      );
    }
    // Formatted as the repository's Markdown is (`prettier --check .` covers docs/).
    // prettier loads only when a report is written, not with every command.
    const { format } = await import("prettier");
    const text = await format(report(results, ctx, plots), { parser: "markdown" });
    if (reportPath !== undefined) {
      mkdirSync(dirname(reportPath), { recursive: true });
      writeFileAtomic(reportPath, text);
      io.stderr(
        `s2sc: wrote ${o.report}${imgDir !== undefined ? ` and ${plots.size > 0 ? [...plots.values()].flat().length : 0} plots` : ""}${ctx.rerendered === undefined ? ` in ${duration(ctx.seconds)}` : ` from the results of ${ctx.started}`}\n`,
      );
    } else io.stdout(text);
  } catch (e) {
    const err = e as NodeJS.ErrnoException;
    if (err.code === undefined) throw e;
    io.stderr(`s2sc: cannot write the report: ${err.message}\n`);
    return EXIT.usage;
  }
  return EXIT.ok;
}

function withoutRerendered(ctx: RunContext): RunContext {
  const { rerendered: _, ...rest } = ctx;
  return rest;
}

const jobsOption = (text: string): number => {
  const n = positiveIntOption(text);
  if (n > 64) throw new InvalidArgumentError("expected at most 64 jobs");
  return n;
};

export function registerExperiment(
  program: Command,
  io: Io,
  argv: readonly string[],
  setExit: (code: number) => void,
): void {
  program
    .command("experiment")
    .description(
      "train the models of experiment files under identical settings, evaluate per length bucket, report with plots",
    )
    .argument("[files...]", "experiment files (.json), or directories of them")
    .option("--report <file>", "write the Markdown report here (default: print it on stdout)")
    .option("--img-dir <dir>", "where the SVG plots go (default: img/experiments next to --report)")
    .option("--json", "print the results as JSON instead of a report")
    .addOption(
      new Option(
        "--jobs <n>",
        "models trained at once, each in its own process (default 1)",
      ).argParser(jobsOption),
    )
    .addOption(
      new Option("--tf-backend <name>", "the tfjs backend (default wasm)").choices([
        ...TF_BACKENDS,
      ]),
    )
    .option(
      "--from-results <file>",
      "re-render the report and plots from an earlier run's results.json, without training (with files: their experiments, in their words)",
    )
    .option("--note <text>", "a line about the run for the report (e.g. the machine was shared)")
    .addOption(new Option("--worker <label>").hideHelp())
    .action(async (files: string[], opts: ExperimentOptions) => {
      setExit(await runExperiment(io, files, opts, argv));
    });
}
