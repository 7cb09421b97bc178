/**
 * The Markdown report (docs/experiments.md): a heading and introduction from the
 * experiment files (their `report`, else a neutral line naming them), the run's context,
 * then per experiment its settings, the models with parameter counts and wall time, the
 * per-bucket table, the plots and the generated reading. A pure function of the results and the run's context, so the numbers in the
 * report are the run's and nothing is written by hand.
 */
import { duration } from "../../train/index.js";
import { pct, reading } from "./reading.js";
import type { Experiment } from "./load.js";
import type { ExperimentResult } from "./result.js";

export interface RunContext {
  command: string;
  /** ISO time the run started. */
  started: string;
  machine: string;
  /** Load average when the run started and ended (others' work shows up here). */
  load: { start: number[]; end: number[] };
  tfBackend: string;
  jobs: number;
  seconds: number;
  note?: string;
  /** Set when the report was re-rendered from the run's results.json (`--from-results`). */
  rerendered?: string;
}

/** Plot file names, relative to the report. */
export type PlotPaths = Map<string, string[]>;

const md = (s: string) => s.replace(/\|/g, "\\|");

function settingsLine(r: ExperimentResult): string {
  const s = r.settings;
  const task =
    r.task.name === "dates"
      ? "`dates` (held-out test days)"
      : `\`${r.task.name}\`, ${r.task.symbols ?? 16} symbols, training lengths ${r.task.lengths ?? "5-20"}`;
  const opt =
    `${s.optimizer === "adam" ? `Adam (β ${s.betas.join(", ")})` : "SGD"}, lr ${s.lr}` +
    (s.schedule === "constant" ? "" : `, ${s.schedule.replace("_", "-")} schedule`) +
    (s.warmup > 0 ? `, warm-up ${s.warmup}` : "") +
    (s.clipNorm > 0 ? `, gradient norm clipped to ${s.clipNorm}` : "") +
    (s.labelSmoothing > 0 ? `, label smoothing ${s.labelSmoothing}` : "") +
    (s.dropout !== undefined ? `, dropout ${s.dropout} in every layer` : "");
  return [
    `- **Task:** ${task}.`,
    `- **Training (identical for every model):** ${s.steps} steps of ${s.batchSize} pairs; ${opt}; seed ${r.seed} (weights, data order, dropout).`,
    `- **Evaluation:** validation exact match (greedy decoding) every ${r.evalEvery} steps on ${r.evalSize} pairs; after training, ${r.bucketPairs} held-out pairs per length bucket (fewer where the test set has fewer); threshold ${pct(r.threshold)}.`,
    `- **Wall time:** ${duration(r.seconds)} for the experiment (${r.jobs} model${r.jobs === 1 ? "" : "s"} at a time); per model below.`,
  ].join("\n");
}

function modelTable(r: ExperimentResult): string {
  const rows = r.models.map((m) => {
    const args =
      m.args !== undefined
        ? ` (${Object.entries(m.args)
            .map(([k, v]) => `${k} = ${String(v)}`)
            .join(", ")})`
        : "";
    const last = m.curve.at(-1);
    return `| \`${m.label}\` | \`${md(m.spec)}\`${md(args)} | ${m.params.toLocaleString("en-US")} | ${pct(last?.sequenceAccuracy)} | ${pct(last?.tokenAccuracy)} | ${m.stepsToThreshold ?? "–"} | ${duration(m.seconds)} |`;
  });
  return [
    `| model | spec | parameters | validation exact match | token accuracy | steps to ${pct(r.threshold)} | wall time |`,
    "| --- | --- | ---: | ---: | ---: | ---: | ---: |",
    ...rows,
  ].join("\n");
}

function bucketTable(r: ExperimentResult): string {
  const first = r.models[0]!;
  const head = `| source length | pairs | ${r.models.map((m) => `\`${m.label}\``).join(" | ")} |`;
  const rule = `| --- | ---: | ${r.models.map(() => "---:").join(" | ")} |`;
  const rows = first.buckets.map((b, i) => {
    const name =
      (b.lo === b.hi ? `${b.lo}` : `${b.lo}–${b.hi}`) +
      (b.beyondTraining ? " (beyond training)" : "");
    return `| ${name} | ${b.pairs} | ${r.models.map((m) => pct(m.buckets[i]?.sequenceAccuracy)).join(" | ")} |`;
  });
  return [head, rule, ...rows].join("\n");
}

function curveTable(r: ExperimentResult): string {
  const steps = r.models[0]!.curve.map((p) => p.step);
  const head = `| step | ${r.models.map((m) => `\`${m.label}\``).join(" | ")} |`;
  const rule = `| ---: | ${r.models.map(() => "---:").join(" | ")} |`;
  const rows = steps.map(
    (s, i) => `| ${s} | ${r.models.map((m) => pct(m.curve[i]?.sequenceAccuracy)).join(" | ")} |`,
  );
  return [head, rule, ...rows].join("\n");
}

export function experimentSection(r: ExperimentResult, index: number, plots: string[]): string {
  const parts = [
    `## ${index}. ${r.title}`,
    `File: \`${r.file}\` — rerun alone with \`s2sc experiment ${r.file}\`.`,
  ];
  if (r.about !== undefined) parts.push(r.about.trim());
  parts.push("### Settings", settingsLine(r));
  parts.push("### Models", modelTable(r));
  parts.push("### Exact match per source length (held-out pairs)", bucketTable(r));
  if (r.plots.includes("accuracy-by-step"))
    parts.push("### Validation exact match during training", curveTable(r));
  if (plots.length > 0)
    parts.push("### Plots", plots.map((p) => `![${r.title}](${p})`).join("\n\n"));
  const lines = reading(r);
  if (lines.length > 0) parts.push("### Reading", lines.map((l) => `- ${l}`).join("\n"));
  return parts.join("\n\n");
}

/** `a`, `a` and `b`, `a`, `b` and `c`: the files as inline code. */
function fileList(results: ExperimentResult[]): string {
  const names = results.map((r) => `\`${r.file}\``);
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)!}`;
}

/**
 * The report's heading and first paragraph: the author's (the first `report` among the
 * run's files), else the experiment's title (one file) or "Experiments", introduced by a
 * line that names the files and claims nothing about them.
 */
export function reportHead(results: ExperimentResult[]): { title: string; intro?: string } {
  const written = results.find((r) => r.report !== undefined)?.report;
  if (written !== undefined) return written;
  const [only] = results;
  return {
    title: results.length === 1 && only !== undefined ? only.title : "Experiments",
    intro:
      `Run by \`s2sc experiment\` from ${fileList(results)}: every number, table, plot and ` +
      "reading below was produced by the run described here.",
  };
}

export function report(results: ExperimentResult[], ctx: RunContext, plots: PlotPaths): string {
  const load = (l: number[]) => l.map((x) => x.toFixed(2)).join(", ");
  const { title, intro } = reportHead(results);
  const head = [
    `# ${title}`,
    "<!-- Generated by `s2sc experiment`; do not edit by hand: rerun the command below. -->",
    ...(intro !== undefined && intro.trim() !== "" ? [intro.trim()] : []),
    [
      `- **Command:** \`${ctx.command}\``,
      `- **Started:** ${ctx.started}; total wall time ${duration(ctx.seconds)}`,
      `- **Machine:** ${ctx.machine}; tfjs backend \`${ctx.tfBackend}\`, ${ctx.jobs} model${ctx.jobs === 1 ? "" : "s"} trained at a time`,
      `- **Load average** (1, 5, 15 min) at the start: ${load(ctx.load.start)}; at the end: ${load(ctx.load.end)}` +
        (ctx.note !== undefined ? `\n- **Note:** ${ctx.note}` : "") +
        (ctx.rerendered !== undefined
          ? `\n- **Rendered** from that run's \`results.json\` (its numbers, unchanged) by \`${ctx.rerendered}\``
          : ""),
    ].join("\n"),
    "| experiment | models | wall time |\n| --- | ---: | ---: |\n" +
      results
        .map((r, i) => `| ${i + 1}. ${r.title} | ${r.models.length} | ${duration(r.seconds)} |`)
        .join("\n"),
  ];
  const sections = results.map((r, i) => experimentSection(r, i + 1, plots.get(r.name) ?? []));
  return [...head, ...sections].join("\n\n") + "\n";
}

/**
 * Re-rendering with the words of the experiment files (`--from-results` with files): the
 * results of these files' experiments (matched by name, in the files' order) with their
 * current title, about and report — prose the author may have changed since the run —
 * and the run's numbers and settings. Returns the file that has no result instead.
 */
export function withWordsOf(
  saved: ExperimentResult[],
  files: readonly Experiment[],
): ExperimentResult[] | { missing: Experiment } {
  const out: ExperimentResult[] = [];
  for (const exp of files) {
    const r = saved.find((s) => s.name === exp.name);
    if (r === undefined) return { missing: exp };
    const { file: _f, name, title: _t, about: _a, report: _r, ...numbers } = r;
    // In the order a run writes them, so that results.json changes only where words do.
    out.push({
      file: exp.file,
      name,
      title: exp.title,
      ...(exp.about !== undefined ? { about: exp.about } : {}),
      ...(exp.report !== undefined ? { report: exp.report } : {}),
      ...numbers,
    });
  }
  return out;
}
