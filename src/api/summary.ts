/**
 * The figures of `s2sc summary` as data: parameters (trainable, buffers), weight bytes,
 * MACs per token at a reference length and per section, and the layer table. Computed
 * from the module as elaborated: passes never change what is counted.
 */
import { summarize as summaryOf, type SummaryData } from "../summary/index.js";
import type { IrModule } from "../ir/index.js";

/** The reference length L of the per-token figures when none is given (as the CLI's `--length`). */
export const DEFAULT_REFERENCE_LENGTH = 64;

export interface SummaryOptions {
  /** Reference sequence length L for the compute figures (default 64). */
  referenceLength?: number;
}

/** The summary of a verified IR module (from `loadModel`). */
export function summarize(module: IrModule, options: SummaryOptions = {}): SummaryData {
  return summaryOf(module, options.referenceLength ?? DEFAULT_REFERENCE_LENGTH);
}
