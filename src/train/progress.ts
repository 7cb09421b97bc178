/**
 * What `s2sc train` prints: a progress bar (cli-progress) on a terminal, updated every
 * step, with evaluation lines logged above it; one plain line per evaluation when not a
 * terminal; with `--json`, one JSON object per evaluation on stdout and nothing else
 * there.
 */
import cliProgress from "cli-progress";
import type { Io } from "../cli/io.js";
import type { Evaluation } from "./evaluate.js";

export interface StepInfo {
  step: number;
  steps: number;
  /** Smoothed training loss. */
  loss: number;
  lr: number;
  tokensPerSecond: number;
  /** Seconds to go at the current speed. */
  eta: number;
}

export interface EvalInfo extends StepInfo {
  evaluation: Evaluation;
  elapsed: number;
  /** Whether the checkpoint was saved after this evaluation. */
  saved: boolean;
}

export interface Progress {
  step(info: StepInfo): void;
  evaluation(info: EvalInfo): void;
  note(text: string): void;
  stop(): void;
}

const fmt = (x: number, d = 3) => (Number.isFinite(x) ? x.toFixed(d) : String(x));

export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0
    ? `${h}h${String(m).padStart(2, "0")}m`
    : m > 0
      ? `${m}m${String(r).padStart(2, "0")}s`
      : `${r}s`;
}

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
