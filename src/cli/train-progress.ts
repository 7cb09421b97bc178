/**
 * What `s2sc train` prints of a training session's events (src/train/events.ts): a
 * progress bar (cli-progress) on a terminal, updated every step, with evaluation lines
 * logged above it; one plain line per evaluation when not a terminal; with `--json`, one
 * JSON object per evaluation on stdout and nothing else there.
 */
import cliProgress from "cli-progress";
import {
  duration,
  type EvalInfo,
  type Progress as SessionProgress,
  type StepInfo,
} from "../node/index.js";
import type { Io } from "./io.js";

/** The session's events, and the command's own lines around them. */
export interface Progress extends SessionProgress {
  note(text: string): void;
  stop(): void;
}

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

export function evalLine(e: EvalInfo): string {
  const v = e.evaluation;
  return (
    `step ${e.step}/${e.steps}  loss ${fmt(e.loss)}  val_loss ${fmt(v.loss)}  ` +
    `tok_acc ${fmt(100 * v.tokenAccuracy, 1)}%  seq_acc ${fmt(100 * v.sequenceAccuracy, 1)}%  ` +
    `${Math.round(e.tokensPerSecond)} tok/s  elapsed ${duration(e.elapsed)}  ETA ${duration(e.eta)}`
  );
}

export function evalJson(e: EvalInfo): string {
  const v = e.evaluation;
  return JSON.stringify({
    step: e.step,
    steps: e.steps,
    loss: e.loss,
    lr: e.lr,
    valLoss: v.loss,
    tokenAccuracy: v.tokenAccuracy,
    sequenceAccuracy: v.sequenceAccuracy,
    evaluated: v.count,
    tokensPerSecond: e.tokensPerSecond,
    elapsed: e.elapsed,
    eta: e.eta,
    saved: e.saved,
    examples: v.examples,
  });
}

const exampleLines = (e: EvalInfo) =>
  e.evaluation.examples.map(
    (x) =>
      `    ${x.source}  →  ${x.output}${x.output === x.target ? "  ✓" : `  (want ${x.target})`}`,
  );

export function makeProgress(io: Io, json: boolean): Progress {
  if (json) {
    return {
      step() {},
      evaluation: (e) => io.stdout(evalJson(e) + "\n"),
      note: (t) => io.stderr(t + "\n"),
      stop() {},
    };
  }
  if (!io.isTTY) {
    return {
      step() {},
      evaluation: (e) => io.stdout([evalLine(e), ...exampleLines(e)].join("\n") + "\n"),
      note: (t) => io.stderr(t + "\n"),
      stop() {},
    };
  }
  const multi = new cliProgress.MultiBar(
    {
      format: "step {value}/{total} {bar} loss {loss} acc {acc} {tps} tok/s ETA {etaText}",
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  let bar: cliProgress.SingleBar | undefined;
  let acc = "-";
  const payload = (i: StepInfo) => ({
    loss: fmt(i.loss),
    acc,
    tps: Math.round(i.tokensPerSecond),
    etaText: duration(i.eta),
  });
  return {
    step(i) {
      if (bar === undefined) bar = multi.create(i.steps, i.step, payload(i));
      bar.update(i.step, payload(i));
    },
    evaluation(e) {
      acc = `${fmt(100 * e.evaluation.sequenceAccuracy, 1)}%`;
      multi.log([evalLine(e), ...exampleLines(e)].join("\n") + "\n");
      bar?.update(e.step, payload(e));
    },
    note: (t) => multi.log(t + "\n"),
    stop: () => multi.stop(),
  };
}
