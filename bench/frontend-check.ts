/**
 * Front-end benchmark: parse + check of a generated ~10,000-line spec.
 *
 *   npx tsx bench/frontend-check.ts [lines] [runs]
 *
 * The spec mixes what real files contain: file-level lets, parameterised Transformers
 * with stacks, instantiations, `extends` chains that merge sections, and recurrent
 * models with attention. Prints the median (and min/max) over the runs, after a warm-up
 * run that builds the parser and lets the JIT settle.
 */
import { checkProgram } from "../src/check/index.js";
import { parse } from "../src/parser/index.js";
import { memoryHost } from "../src/source/host.js";
import { generateSpec } from "./spec-generator.js";
import { cpuTime, median, time } from "./timing.js";

const lines = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);
const text = generateSpec(lines);
const host = memoryHost({ "bench.s2s": text });

const check = checkProgram("bench.s2s", host);
const errors = check.diagnostics.filter((d) => d.severity === "error");
if (errors.length > 0) {
  console.error(`the generated spec has ${errors.length} errors, first: ${errors[0]!.message}`);
  process.exit(2);
}

const parseTimes = time(() => void parse(text, "bench.s2s"), runs);
const totalTimes = time(() => void checkProgram("bench.s2s", host), runs);
// The checker alone: the same AST handed over again, so no parsing is timed.
const parsed = parse(text, "bench.s2s");
const checkTimes = time(() => void checkProgram("bench.s2s", host, () => parsed), runs);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(
  `${text.split("\n").length} lines, ${check.models.length} models, ${runs} runs (after a warm-up)`,
);
console.log(`parse only:    median ${fmt(median(parseTimes))}`);
console.log(`check only:    median ${fmt(median(checkTimes))}`);
console.log(
  `parse + check: median ${fmt(median(totalTimes))} (min ${fmt(Math.min(...totalTimes))}, max ${fmt(Math.max(...totalTimes))})`,
);
const cpu = cpuTime(() => void checkProgram("bench.s2s", host), runs);
console.log(`parse + check: median CPU time ${fmt(median(cpu))}`);
