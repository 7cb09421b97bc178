/**
 * Training data checked against the model's position table before the first step
 * (src/decode/lengths.ts says which positions a source and a target read): a pair that
 * does not fit would otherwise stop training at the first batch that holds it, with a
 * Gather error of the backend. A task is checked by the longest sequences it can draw,
 * a file by every pair.
 */
import {
  DATE_FORMATS,
  DataError,
  type Example,
  type TaskName,
  type TaskOptions,
} from "../data/index.js";
import {
  lengthLimits,
  sourceLengthProblem,
  targetLengthProblem,
  type PositionConfig,
} from "../decode/index.js";
import type { DataInput } from "./data-choice.js";
import { problem, type TrainProblem } from "./problem.js";

/** Why the data does not fit the model's positions, or undefined when it does. */
export function dataLengthProblem(
  config: PositionConfig,
  data: DataInput,
): TrainProblem | undefined {
  if (lengthLimits(config) === undefined) return undefined;
  if (data.kind === "task") return taskProblem(config, data.task, data.options);
  return (
    pairsProblem(config, data.pairs, (line) => new DataError("", data.shown, line).format()) ??
    (data.valid === undefined
      ? undefined
      : pairsProblem(config, data.valid, (line) => `the --valid file, line ${line}: `))
  );
}

/** The longest source and target a task draws. */
export function taskLengths(task: TaskName, options: TaskOptions): { src: number; tgt: number } {
  if (task !== "dates") {
    const n = options.maxLength ?? 20;
    return { src: n, tgt: n };
  }
  // Every format at every month, day and weekday (years have four digits): the longest.
  let src = 0;
  for (const format of DATE_FORMATS)
    for (let m = 1; m <= 12; m++)
      for (let d = 1; d <= 31; d++)
        for (let weekday = 0; weekday < 7; weekday++)
          src = Math.max(src, [...format({ y: 2000, m, d, weekday })].length);
  return { src, tgt: "YYYY-MM-DD".length };
}

function taskProblem(
  config: PositionConfig,
  task: TaskName,
  options: TaskOptions,
): TrainProblem | undefined {
  const { src, tgt } = taskLengths(task, options);
  // The target first: with <bos> it needs one more position than a source as long.
  const why = targetLengthProblem(config, tgt) ?? sourceLengthProblem(config, src);
  if (why === undefined) return undefined;
  const limits = lengthLimits(config)!;
  const data =
    task === "dates"
      ? `task dates (sources of up to ${src} characters)`
      : `task ${task} with lengths ${options.minLength ?? 5}-${tgt}`;
  const lower =
    task === "dates" || limits.target < (options.minLength ?? 5)
      ? ""
      : `, or train on shorter sequences (--lengths ${options.minLength ?? 5}-${limits.target})`;
  return problem("input", `${data}: ${why.replace(/\)$/, `${lower})`)}`);
}

/** The first pair that does not fit, at its line, and how many more do not. */
function pairsProblem(
  config: PositionConfig,
  pairs: readonly Example[],
  where: (line: number | undefined) => string,
): TrainProblem | undefined {
  const why = (e: Example) =>
    sourceLengthProblem(config, e.src.length) ?? targetLengthProblem(config, e.tgt.length);
  const bad = pairs.filter((e) => why(e) !== undefined);
  if (bad.length === 0) return undefined;
  const first = bad[0]!;
  const more = bad.length > 1 ? ` (${bad.length - 1} more pairs are too long)` : "";
  return problem("input", `${where(first.line)}${why(first)!}${more}`);
}
