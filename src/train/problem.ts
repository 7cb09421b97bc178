/**
 * Why a training session cannot start, as data: the CLI prints the message and picks the
 * exit code from the fault; a library user shows it however it likes.
 */
export interface TrainProblem {
  message: string;
  /**
   * `input`: the spec, the data or the checkpoint disagree (cli.md's exit 1);
   * `usage`: the options asked for something impossible (exit 2).
   */
  fault: "input" | "usage";
}

export const problem = (fault: TrainProblem["fault"], message: string): TrainProblem => ({
  fault,
  message,
});
