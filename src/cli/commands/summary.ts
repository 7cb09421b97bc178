/** `s2sc summary FILE[:MODEL]`: the layer table, parameter counts, weight bytes and compute. */
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { summarize } from "../summary-data.js";
import { summaryJson, summaryText } from "../summary-format.js";

export interface SummaryOptions {
  json?: boolean;
  /** Weight budget in bytes (`--memory-budget`). */
  memoryBudget?: number;
  /** Reference length L for the per-token figures (`--length`). */
  length: number;
}

/** The default reference length: a typical subword sentence length in translation. */
export const DEFAULT_REFERENCE_LENGTH = 64;

export function runSummary(io: Io, spec: string, opts: SummaryOptions): number {
  const loaded = loadModule(
    io,
    spec,
    opts.memoryBudget === undefined ? {} : { memoryBudgetBytes: opts.memoryBudget },
  );
  if ("exitCode" in loaded) return loaded.exitCode;
  const data = summarize(loaded.module, opts.length);
  io.stdout(opts.json ? JSON.stringify(summaryJson(data), null, 2) + "\n" : summaryText(data));
  return EXIT.ok;
}
