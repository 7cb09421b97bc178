/**
 * Training several models at once. tfjs on wasm uses one core, so on a machine with two
 * cores two models train in about the time of one. Each extra job is a child process
 * running this same CLI (`s2sc experiment FILE --worker LABEL`) — the same entry script
 * and Node flags as the parent (tsx's loader when run from source) — which prints one
 * JSON line per evaluation and one with its result. With one job the models run in this
 * process, which is what tests use.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createInterface } from "node:readline";
import type { TfBackend } from "../../backends/tfjs/index.js";
import type { Experiment } from "./load.js";
import { runModel, type CurvePoint, type ModelResult } from "./run.js";

export interface PoolOptions {
  jobs: number;
  /** Where paths start (and the children run). */
  cwd: string;
  /** How to start this CLI again; default: as this process was started. */
  entry?: { execArgv: string[]; script: string };
  tfBackend: TfBackend;
  /** Each evaluation of each model's curve, as it happens. */
  onEvaluation(label: string, p: CurvePoint): void;
  /** What a child process wrote on its stderr (its own messages), as it arrives. */
  onWorkerOutput(text: string): void;
}

/** A model's child process failed; its own messages went to stderr already. */
export class WorkerError extends Error {}

export type WorkerLine = { evaluation: CurvePoint } | { result: ModelResult };

function runInChild(
  exp: Experiment,
  index: number,
  o: PoolOptions,
  running: Set<ChildProcess>,
): Promise<ModelResult> {
  const label = exp.models[index]!.label;
  const entry = o.entry ?? { execArgv: process.execArgv, script: process.argv[1]! };
  const args = [
    ...entry.execArgv,
    entry.script,
    "experiment",
    exp.file,
    "--worker",
    label,
    "--tf-backend",
    o.tfBackend,
  ];
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: o.cwd,
      stdio: ["ignore", "pipe", "pipe"],
    });
    running.add(child);
    let result: ModelResult | undefined;
    createInterface({ input: child.stdout }).on("line", (line) => {
      const msg = JSON.parse(line) as WorkerLine;
      if ("evaluation" in msg) o.onEvaluation(label, msg.evaluation);
      else result = msg.result;
    });
    child.stderr.on("data", (d: Buffer) => o.onWorkerOutput(d.toString("utf8")));
    child.on("error", reject);
    child.on("close", (code) => {
      running.delete(child);
      if (code === 0 && result !== undefined) resolvePromise(result);
      else
        reject(new WorkerError(`training \`${label}\` in a child process failed (exit ${code})`));
    });
  });
}

/** Every model of `exp`, in file order, `jobs` at a time. */
export async function runAll(exp: Experiment, o: PoolOptions): Promise<ModelResult[]> {
  const results: ModelResult[] = new Array(exp.models.length);
  if (o.jobs <= 1) {
    for (let i = 0; i < exp.models.length; i++)
      results[i] = await runModel(exp, i, {
        cwd: o.cwd,
        tfBackend: o.tfBackend,
        onEvaluation: (p) => o.onEvaluation(exp.models[i]!.label, p),
      });
    return results;
  }
  let next = 0;
  const running = new Set<ChildProcess>();
  const worker = async () => {
    while (next < exp.models.length) {
      const i = next++;
      results[i] = await runInChild(exp, i, o, running);
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.min(o.jobs, exp.models.length) }, worker));
  } catch (e) {
    // One model failed: the experiment cannot be reported, so stop the others' training.
    next = exp.models.length;
    for (const child of running) child.kill();
    throw e;
  }
  return results;
}
