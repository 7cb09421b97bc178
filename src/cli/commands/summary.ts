/** `s2sc summary FILE[:MODEL]`: the layer table, parameter counts, weight bytes and compute. */
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { DEFAULT_REFERENCE_LENGTH, opCounts, summarize } from "../../node/index.js";
import { summaryJson, summaryText } from "../summary-format.js";
import { opCountTable, optimiseForCli, type PassCliOptions } from "../passes-options.js";

export { DEFAULT_REFERENCE_LENGTH };

export interface SummaryOptions extends PassCliOptions {
  json?: boolean;
  /** Weight budget in bytes (`--memory-budget`). */
  memoryBudget?: number;
  /** Reference length L for the per-token figures (`--length`). */
  length: number;
}

export function runSummary(io: Io, spec: string, opts: SummaryOptions): number {
  const loaded = loadModule(io, spec, { memoryBudgetBytes: opts.memoryBudget });
  if ("exitCode" in loaded) return loaded.exitCode;
  const data = summarize(loaded.module, { referenceLength: opts.length });
  // Op counts before and after the -O pipeline (default -O2) show what the passes do.
  const optimised = optimiseForCli(io, loaded.module, opts);
  if ("exitCode" in optimised) return optimised.exitCode;
  const label = opts.passes !== undefined ? `--passes=${opts.passes}` : `-O${opts.O ?? 2}`;
  if (opts.json) {
    const ops = {
      pipeline: label,
      before: opCounts(loaded.module),
      after: opCounts(optimised.module),
    };
    io.stdout(JSON.stringify({ ...(summaryJson(data) as object), ops }, null, 2) + "\n");
  } else {
    io.stdout(summaryText(data) + "\n" + opCountTable(loaded.module, optimised.module, label));
  }
  return EXIT.ok;
}
