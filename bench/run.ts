/**
 * `npm run bench`: runs the groups of bench/groups/index.ts (all, or `--only NAME,...`),
 * writes bench/results.json (validated against bench/results.schema.json, atomically)
 * and regenerates BENCHMARKS.md from it. See bench/README.md.
 *
 *   npm run bench                       # everything but the slow parts (≤ 15 min on 2 cores)
 *   npm run bench -- --only forward     # one group (merged into the existing results.json)
 *   npm run bench -- --quick            # smallest sizes, fewest runs (a smoke test)
 *   npm run bench -- --slow             # also the parts that take minutes (time to 99%)
 */
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { performance } from "node:perf_hooks";
import os from "node:os";
import { Command, InvalidArgumentError } from "commander";
import { writeFileAtomic } from "../src/node/atomic.js";
import { GROUPS } from "./groups/index.js";
import {
  machineInfo,
  mergeResults,
  readResults,
  validateResults,
  type BenchResults,
} from "./harness/results.js";
import type { BenchGroup, GroupResult } from "./harness/types.js";
import { formattedReport } from "./report.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));

export interface RunOptions {
  only?: readonly string[];
  quick?: boolean;
  slow?: boolean;
  /** Where results.json goes (default bench/results.json). */
  out?: string;
  /** Where the report goes (default BENCHMARKS.md). */
  report?: string;
  /** Progress lines (default: stderr). */
  log?: (line: string) => void;
  /** The groups to choose from (default: the registry). */
  groups?: readonly BenchGroup[];
}

export async function runBench(opts: RunOptions = {}): Promise<{
  results: BenchResults;
  failed: string[];
}> {
  const log = opts.log ?? ((l: string) => process.stderr.write(`${l}\n`));
  const all = opts.groups ?? GROUPS;
  const only = opts.only === undefined || opts.only.length === 0 ? null : [...opts.only];
  const unknown = (only ?? []).filter((n) => !all.some((g) => g.name === n));
  if (unknown.length > 0)
    throw new UsageError(
      `unknown group ${unknown.map((n) => `\`${n}\``).join(", ")}; the groups are ${all.map((g) => g.name).join(", ")}`,
    );
  const chosen = all.filter((g) => only === null || only.includes(g.name));
  const machine = machineInfo();
  const quick = opts.quick === true;
  const slow = opts.slow === true;
  const t0 = performance.now();
  const done = new Map<string, GroupResult>();
  const failed: string[] = [];
  for (const g of chosen) {
    log(`== ${g.name}: ${g.title}`);
    const date = new Date().toISOString();
    const g0 = performance.now();
    let r: Omit<GroupResult, "name" | "title" | "seconds">;
    try {
      r = await g.run({ quick, slow, log: (l) => log(`  ${l}`), earlier: done });
    } catch (e) {
      // One broken group must not cost the others' results: it is recorded as skipped.
      const message = e instanceof Error ? (e.stack ?? e.message) : String(e);
      log(`  group ${g.name} failed: ${message}`);
      failed.push(g.name);
      r = { measurements: [], ratios: [], notes: [], skipped: `failed: ${firstLine(message)}` };
    }
    const seconds = (performance.now() - g0) / 1000;
    done.set(g.name, { name: g.name, title: g.title, seconds, date, ...r });
    log(`  ${g.name} took ${seconds.toFixed(1)} s`);
  }
  machine.loadAverage.end = os.loadavg().map((x) => Math.round(x * 100) / 100);
  const current: BenchResults = {
    schemaVersion: 1,
    machine,
    options: { quick, slow, only },
    seconds: (performance.now() - t0) / 1000,
    groups: [...done.values()],
  };
  const out = opts.out ?? resolve(ROOT, "bench/results.json");
  const results =
    only === null
      ? current
      : mergeResults(
          readResults(out),
          current,
          all.map((g) => g.name),
        );
  const problems = validateResults(results);
  if (problems.length > 0)
    throw new Error(`the results do not match bench/results.schema.json:\n${problems.join("\n")}`);
  writeFileAtomic(out, `${JSON.stringify(results, null, 2)}\n`);
  const report = opts.report ?? resolve(ROOT, "BENCHMARKS.md");
  writeFileAtomic(report, await formattedReport(results, report));
  return { results, failed };
}

export class UsageError extends Error {}

function firstLine(s: string): string {
  return s.split("\n")[0]!;
}

function names(value: string, previous: string[] = []): string[] {
  const list = value
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (list.length === 0) throw new InvalidArgumentError("expected group names, e.g. forward");
  return [...previous, ...list];
}

async function main(argv: string[]): Promise<number> {
  const program = new Command("bench")
    .description("Run the s2sc benchmarks; write bench/results.json and BENCHMARKS.md")
    .option(
      "--only <names>",
      `run only these groups (comma-separated): ${GROUPS.map((g) => g.name).join(", ")}`,
      names,
    )
    .option("--quick", "smallest sizes and fewest runs (a smoke test, not a measurement)")
    .option("--slow", "also the parts that take minutes (time to 99% exact match)")
    .option("--out <path>", "results file", "bench/results.json")
    .option("--report <path>", "Markdown report", "BENCHMARKS.md")
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  try {
    program.parse(argv, { from: "user" });
  } catch (e) {
    const code = (e as { exitCode?: number }).exitCode;
    return code === 0 ? 0 : 2;
  }
  const o = program.opts<{
    only?: string[];
    quick?: boolean;
    slow?: boolean;
    out: string;
    report: string;
  }>();
  try {
    const { results, failed } = await runBench({
      only: o.only,
      quick: o.quick,
      slow: o.slow,
      out: resolve(o.out),
      report: resolve(o.report),
    });
    process.stderr.write(
      `bench: ${results.options.only?.length ?? results.groups.length} group(s) in ${results.seconds.toFixed(0)} s; wrote ${o.out} and ${o.report}\n`,
    );
    if (failed.length > 0) {
      process.stderr.write(`bench: failed: ${failed.join(", ")}\n`);
      return 1;
    }
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`bench: ${e.message}\n`);
      return 2;
    }
    // Not rethrown: tfjs-wasm's uncaught-exception hook would print its whole module source.
    process.stderr.write(`bench: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return 1;
  }
}

// Run as a script (not when imported by the test).
if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
