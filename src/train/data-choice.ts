/**
 * Which data a session trains on: a built-in task (with its options) or TSV pairs. The
 * choice follows the options and, when resuming, the checkpoint (the same task, the same
 * file and tokenizer unless the options name others). Reading a file is not done here:
 * a `file` choice names what the node layer reads (src/node/tsv-file.ts) into pairs.
 */
import type { DataSource, PairsData, TaskName, TaskOptions, Tokenizer } from "../data/index.js";
import { problem, type TrainProblem } from "./problem.js";

/** What the user asked for (`s2sc train`'s data flags). */
export interface DataRequest {
  task?: TaskName;
  /** `MIN-MAX` lengths of copy/reverse/sort. */
  lengths?: string;
  symbols?: number;
  /** A TSV file of pairs, as the user wrote its path. */
  data?: string;
  valid?: string;
  tokenize?: Tokenizer;
}

export type DataChoice =
  | { kind: "task"; task: TaskName; options: TaskOptions }
  | { kind: "file"; file: string; valid?: string; tokenizer: Tokenizer };

/** The data a session trains on: a task, or the pairs of a file already read. */
export type DataInput =
  { kind: "task"; task: TaskName; options: TaskOptions } | ({ kind: "pairs" } & PairsData);

/** `5-20` → {minLength 5, maxLength 20}. */
export function parseLengths(text: string): { minLength: number; maxLength: number } | undefined {
  const m = /^\s*(\d+)\s*[-–:]\s*(\d+)\s*$/.exec(text);
  if (m === null) return undefined;
  const [lo, hi] = [Number(m[1]), Number(m[2])];
  return lo >= 1 && hi >= lo ? { minLength: lo, maxLength: hi } : undefined;
}

/**
 * `resumed` is the checkpoint's record of its data, `run` names the checkpoint in
 * messages.
 */
export function chooseData(
  r: DataRequest,
  resumed: { data: DataSource; tokenizer: Tokenizer } | undefined,
  run: string,
): DataChoice | TrainProblem {
  if (r.task !== undefined && r.data !== undefined)
    return problem("usage", "give --task or --data, not both");
  const source = resumed?.data;
  if (r.data !== undefined || (r.task === undefined && source?.kind === "file")) {
    const file = r.data ?? (source as { path: string }).path;
    return {
      kind: "file",
      file,
      tokenizer: r.tokenize ?? resumed?.tokenizer ?? "char",
      ...(r.valid !== undefined ? { valid: r.valid } : {}),
    };
  }
  const task = r.task ?? (source?.kind === "task" ? source.task : undefined);
  if (task === undefined)
    return problem(
      "usage",
      "give the training data: --task copy|reverse|sort|dates or --data FILE.tsv",
    );
  if (source?.kind === "task" && source.task !== task)
    return problem("input", `${run} was trained on task \`${source.task}\`, not \`${task}\``);
  let options: TaskOptions = source?.kind === "task" ? source.options : {};
  if (r.lengths !== undefined) {
    const l = parseLengths(r.lengths);
    if (l === undefined)
      return problem("usage", `--lengths: expected MIN-MAX such as 5-20, got \`${r.lengths}\``);
    options = { ...options, ...l };
  }
  if (r.symbols !== undefined) options = { ...options, symbols: r.symbols };
  return { kind: "task", task, options };
}
