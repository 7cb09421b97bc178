/**
 * Elaboration benchmark: every model of the generated ~10,000-line front-end spec,
 * checked once, then elaborated to IR (three entry-point graphs each).
 *
 *   npx tsx bench/frontend-elaborate.ts [lines] [runs]
 */
import { performance } from "node:perf_hooks";
import { checkProgram } from "../src/check/index.js";
import { elaborate } from "../src/elaborate/index.js";
import { memoryHost } from "../src/source/host.js";
import { generateSpec } from "./spec-generator.js";
import { cpuTime, median, time } from "./timing.js";

const lines = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 5);
const text = generateSpec(lines);
const t0 = performance.now();
const checked = checkProgram("bench.s2s", memoryHost({ "bench.s2s": text }));
const checkMs = performance.now() - t0;
const errors = checked.diagnostics.filter((d) => d.severity === "error");
if (errors.length > 0) {
  console.error(`the generated spec has ${errors.length} errors, first: ${errors[0]!.message}`);
  process.exit(2);
}
let nodes = 0;
for (const m of checked.models) {
  const r = elaborate(m);
  if (r.module === undefined) {
    console.error(`${m.name} did not elaborate: ${r.diagnostics[0]?.message}`);
    process.exit(2);
  }
  for (const g of Object.values(r.module.graphs)) nodes += g.nodes.length;
}
const times = time(() => {
  for (const m of checked.models) elaborate(m);
}, runs);
console.log(
  `${text.split("\n").length} lines, ${checked.models.length} models, ${nodes} top-level IR nodes`,
);
console.log(`check (first run): ${checkMs.toFixed(0)} ms`);
console.log(
  `elaborate all models: median ${median(times).toFixed(0)} ms over ${runs} runs (min ${Math.min(...times).toFixed(0)}, max ${Math.max(...times).toFixed(0)})`,
);
const cpu = cpuTime(() => {
  for (const m of checked.models) elaborate(m);
}, runs);
console.log(`elaborate all models: median CPU time ${median(cpu).toFixed(0)} ms`);
