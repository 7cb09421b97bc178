/**
 * BENCHMARKS.md from bench/results.json alone: the machine, the targets of issue #10
 * with met / not met, then per group its measurements as a table, its side-by-side
 * ratios and its notes (the groups derive those from their numbers).
 *
 *   npx tsx bench/report.ts [bench/results.json] [BENCHMARKS.md]
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { writeFileAtomic } from "../src/node/atomic.js";
import { validateResults, type BenchResults } from "./harness/results.js";
import type { GroupResult, Measurement, Ratio } from "./harness/types.js";

/** A number with about three significant digits, thousands separated. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x)) return x.toLocaleString("en-US");
  const a = Math.abs(x);
  const digits = a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : a >= 0.01 ? 3 : 4;
  return x.toLocaleString("en-US", {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

function cell(s: string): string {
  return s.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

function table(head: string[], rows: string[][]): string {
  const lines = [
    `| ${head.map(cell).join(" | ")} |`,
    `| ${head.map(() => "---").join(" | ")} |`,
    ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
  ];
  return lines.join("\n");
}

/** Value keys are camelCase with the unit in the name; the header spells them out. */
const VALUE_HEADERS: Record<string, string> = {
  gflops: "GFLOP/s",
  rooflineFraction: "of roofline",
  tokensPerSecond: "tokens/s",
  msPerToken: "ms/token",
  msPerLayer: "ms/layer",
  macs: "MACs",
  lines: "lines",
  irNodes: "IR nodes",
  layers: "layers",
};

function valueHeader(k: string): string {
  return VALUE_HEADERS[k] ?? k;
}

function valueCell(k: string, v: number | undefined): string {
  if (v === undefined) return "";
  if (k === "rooflineFraction") return `${(100 * v).toFixed(v < 0.1 ? 1 : 0)}%`;
  if (k === "macs") return v >= 1e9 ? `${fmt(v / 1e9)} G` : v >= 1e6 ? `${fmt(v / 1e6)} M` : fmt(v);
  return fmt(v);
}

function measurementTable(ms: readonly Measurement[]): string {
  const labelKeys: string[] = [];
  const valueKeys: string[] = [];
  for (const m of ms) {
    for (const k of Object.keys(m.labels)) if (!labelKeys.includes(k)) labelKeys.push(k);
    for (const k of Object.keys(m.values)) if (!valueKeys.includes(k)) valueKeys.push(k);
  }
  const head = [
    ...labelKeys,
    "median ms",
    "MAD",
    "min",
    "max",
    "runs",
    ...valueKeys.map(valueHeader),
  ];
  const rows = ms.map((m) => {
    const labels = labelKeys.map((k) => (m.labels[k] === undefined ? "" : String(m.labels[k])));
    if (m.skipped !== undefined)
      return [
        ...labels,
        `not measured: ${m.skipped}`,
        ...head.slice(labels.length + 1).map(() => ""),
      ];
    const s = m.stats;
    const stats = s
      ? [fmt(s.median), fmt(s.mad), fmt(s.min), fmt(s.max), String(s.runs)]
      : ["", "", "", "", ""];
    return [...labels, ...stats, ...valueKeys.map((k) => valueCell(k, m.values[k]))];
  });
  return table(head, rows);
}

function targetText(r: Ratio): string {
  return r.target === undefined ? "" : `${r.target.op} ${fmt(r.target.value)}`;
}

function metText(r: Ratio): string {
  return r.target === undefined ? "" : r.target.met ? "met" : "**not met**";
}

function ratioTable(rs: readonly Ratio[]): string {
  return table(
    ["ratio", "what", "value", "target", ""],
    rs.map((r) => [r.id, r.description, fmt(r.value), targetText(r), metText(r)]),
  );
}

function groupSection(g: GroupResult, runDate: string): string {
  const out = [`## ${g.title} (\`${g.name}\`)`, ""];
  const when =
    g.date !== undefined && g.date.slice(0, 16) !== runDate.slice(0, 16) ? `, run ${g.date}` : "";
  out.push(`${fmt(g.seconds)} s${when}.`, "");
  if (g.skipped !== undefined) out.push(`Not run: ${g.skipped}.`, "");
  // Rows labelled with a `table` are split into one table per value, in order of appearance.
  const tables = new Map<string, Measurement[]>();
  for (const m of g.measurements) {
    const t = m.labels["table"] === undefined ? "" : String(m.labels["table"]);
    tables.set(t, [...(tables.get(t) ?? []), m]);
  }
  for (const [t, rows] of tables) {
    if (t !== "") out.push(`### ${t}`, "");
    out.push(
      measurementTable(
        rows.map((m) => {
          const { table: _, ...labels } = m.labels;
          return { ...m, labels };
        }),
      ),
      "",
    );
  }
  if (g.ratios.length > 0)
    out.push(
      "Side-by-side ratios (measured alternately in the same run):",
      "",
      ratioTable(g.ratios),
      "",
    );
  if (g.notes.length > 0) out.push(...g.notes.map((n) => `- ${n}`), "");
  return out.join("\n");
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const gib = (m.memoryBytes / 2 ** 30).toFixed(1);
  const out = [
    "# Benchmarks",
    "",
    "Generated by `npm run bench` from `bench/results.json` (do not edit; `npx tsx bench/report.ts` regenerates it).",
    "Times are milliseconds (median over the measured runs after a warm-up, with the median absolute deviation);",
    "every comparison is a ratio of two things measured alternately in the same run. See `bench/README.md`.",
    "",
    "## Machine",
    "",
    table(
      ["", ""],
      [
        ["CPU", `${m.cpuModel}, ${m.cores} cores`],
        ["memory", `${gib} GiB`],
        ["system", `${m.platform} ${m.arch}, Node ${m.node}, TensorFlow.js ${m.tfjs}`],
        ["date", m.date],
        [
          "commit",
          m.gitCommit === null
            ? "unknown"
            : `${m.gitCommit.slice(0, 12)}${m.gitDirty ? " (with uncommitted changes)" : ""}`,
        ],
        [
          "load average",
          `${m.loadAverage.start.join(" / ")} at start, ${m.loadAverage.end.join(" / ")} at the end`,
        ],
        [
          "run",
          `${fmt(r.seconds)} s${r.options.quick ? ", --quick (smoke test: sizes and run counts too small to trust)" : ""}${r.options.slow ? ", --slow" : ""}${r.options.only ? `, --only ${r.options.only.join(",")}` : ""}`,
        ],
      ],
    ),
    "",
  ];
  if (m.loadAverage.start[0]! > m.cores * 0.75)
    out.push(
      `The machine was busy when the run started (load ${m.loadAverage.start[0]} on ${m.cores} cores): absolute times are inflated; the ratios, measured side by side, are the figures to trust.`,
      "",
    );
  const targets = r.groups.flatMap((g) =>
    g.ratios.filter((x) => x.target !== undefined).map((x) => ({ g, x })),
  );
  if (targets.length > 0) {
    out.push("## Targets", "");
    out.push(
      table(
        ["group", "ratio", "what", "value", "target", ""],
        targets.map(({ g, x }) => [
          g.name,
          x.id,
          x.description,
          fmt(x.value),
          targetText(x),
          metText(x),
        ]),
      ),
      "",
    );
  }
  for (const g of r.groups) out.push(groupSection(g, m.date));
  return `${out.join("\n").trimEnd()}\n`;
}

/**
 * The report formatted with the repository's prettier settings, so that the generated
 * file passes `prettier --check` like every other Markdown file.
 */
export async function formattedReport(r: BenchResults, path: string): Promise<string> {
  const options = (await prettier.resolveConfig(path)) ?? {};
  return prettier.format(renderReport(r), { ...options, parser: "markdown" });
}

async function main(argv: string[]): Promise<number> {
  const [input = "bench/results.json", output = "BENCHMARKS.md"] = argv;
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(input, "utf8"));
  } catch (e) {
    process.stderr.write(`report: cannot read ${input}: ${(e as Error).message}\n`);
    return 2;
  }
  const problems = validateResults(data);
  if (problems.length > 0) {
    process.stderr.write(
      `report: ${input} does not match bench/results.schema.json:\n${problems.join("\n")}\n`,
    );
    return 2;
  }
  writeFileAtomic(output, await formattedReport(data as BenchResults, resolve(output)));
  return 0;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
