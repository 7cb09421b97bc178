/**
 * What one experiment run produced: everything the report, the plots and `--json` show.
 * The report is a function of this record alone, so its numbers are the run's.
 */
import type { TrainSettings } from "../../train/index.js";
import type { Experiment } from "./load.js";
import type { ModelResult } from "./run.js";
import type { Reading, ReportHead } from "./schema.js";

export interface ExperimentResult {
  file: string;
  name: string;
  title: string;
  about?: string;
  report?: ReportHead;
  task: Experiment["task"];
  /** Longest training length of copy/reverse/sort (dates: undefined). */
  trainMax?: number;
  settings: TrainSettings;
  seed: number;
  evalEvery: number;
  evalSize: number;
  bucketPairs: number;
  threshold: number;
  plots: Experiment["plots"];
  reading?: Reading;
  models: ModelResult[];
  /** Wall-clock seconds of the whole experiment (models may have run in parallel). */
  seconds: number;
  /** Models trained at once. */
  jobs: number;
}
