/**
 * Group 5: training. Tokens/s of the real training loop (src/train/loop.ts, what
 * `s2sc train` runs: batches from src/data, gradients, clipping, Adam, progress) for
 * the tiny Transformer and the dates model on tfjs-wasm and tfjs-cpu, at the batch sizes
 * of the peers group (the specs' own on wasm, smaller on the ~10× slower tfjs-cpu);
 * steps after the first (which builds kernels) are timed.
 *
 * With --slow: time to 99% exact match on held-out `dates` for s2sc (dates_peer.s2s,
 * through trainLoop) and for the tf.layers peer of the same architecture trained on the
 * very same batches from the same initial weights, both evaluated every EVAL_EVERY steps
 * on the same 500 validation pairs by greedy decoding. Time counts training steps only
 * (evaluation is excluded on both sides, as the two evaluate differently).
 */
import { performance } from "node:perf_hooks";
import type { TfBackend } from "../../src/backends/tfjs/index.js";
import { useTfBackend } from "../../src/runtime/index.js";
import { toIds, type Dataset } from "../../src/data/dataset.js";
import { trainLoop } from "../../src/train/loop.js";
import type { Progress } from "../../src/train/events.js";
import { statsOf } from "../harness/stats.js";
import type { BenchContext, BenchGroup, Measurement, Ratio } from "../harness/types.js";
import { batchTokens, CASES, caseData, type PeerCase } from "../peers/cases.js";
import { compileSpec, S2scSide, type CompiledSpec } from "../peers/s2sc-side.js";

const BACKENDS: readonly TfBackend[] = ["wasm", "cpu"];
/** Timed steps per row (after one untimed step). */
const STEPS: Record<TfBackend, number> = { wasm: 12, cpu: 4 };
const EVAL_EVERY = 100;
const MAX_STEPS = 5000;
const GOAL = 0.99;

const silent: Progress = { step() {}, evaluation() {} };

/** Per-step wall times (ms) and tokens of `steps` steps of trainLoop, the first untimed. */
async function loopThroughput(
  spec: CompiledSpec,
  data: Dataset,
  backend: TfBackend,
  steps: number,
): Promise<{ ms: number[]; tokens: number[] }> {
  const side = await S2scSide.create(spec, backend);
  const ms: number[] = [];
  let last = performance.now();
  const progress: Progress = {
    ...silent,
    step(info) {
      const now = performance.now();
      if (info.step > 1) ms.push(now - last);
      last = now;
    },
  };
  try {
    await trainLoop({
      model: side.model,
      data,
      settings: { ...side.settings, steps: steps + 1 },
      seed: 0,
      start: { step: 0, elapsed: 0 },
      // Never evaluate inside the timed steps (the loop evaluates at its last step, after them).
      evalEvery: steps + 2,
      evalSize: 1,
      progress,
      save() {},
      stopRequested: () => false,
    });
  } finally {
    side.dispose();
  }
  const tokens = Array.from({ length: steps }, (_, i) => batchTokens(data.batch(i + 1)));
  return { ms, tokens };
}

async function throughputRows(ctx: BenchContext): Promise<Measurement[]> {
  const rows: Measurement[] = [];
  for (const backend of BACKENDS) {
    await useTfBackend(backend);
    for (const c of CASES) {
      const spec = compileSpec(c.spec);
      const batchSize = ctx.quick ? 4 : c.batch[backend];
      const steps = ctx.quick ? 2 : STEPS[backend];
      ctx.log(`training: ${c.model} on tfjs-${backend}, ${steps} steps of ${batchSize}`);
      const data = caseData(c, spec, batchSize);
      const { ms, tokens } = await loopThroughput(spec, data, backend, steps);
      const totalMs = ms.reduce((a, b) => a + b, 0);
      const totalTokens = tokens.reduce((a, b) => a + b, 0);
      rows.push({
        id: `${c.model}/${backend}/train-loop`,
        labels: { model: c.model, backend: `tfjs-${backend}`, batch: batchSize, steps },
        stats: statsOf(ms),
        values: {
          tokensPerSecond: (totalTokens * 1000) / totalMs,
          examplesPerSecond: (batchSize * steps * 1000) / totalMs,
        },
      });
    }
  }
  return rows;
}

interface Convergence {
  /** Step of the first evaluation at or above the goal (undefined: not reached). */
  step?: number;
  /** Training seconds (evaluation excluded) until then, or until MAX_STEPS. */
  seconds: number;
  accuracy: number;
  steps: number;
}

async function s2scToGoal(
  c: PeerCase,
  spec: CompiledSpec,
  data: Dataset,
  backend: TfBackend,
  log: (l: string) => void,
): Promise<Convergence> {
  const side = await S2scSide.create(spec, backend);
  let trainMs = 0;
  let last = performance.now();
  let reached: Convergence | undefined;
  let accuracy = 0;
  const progress: Progress = {
    ...silent,
    step() {
      const now = performance.now();
      trainMs += now - last;
      last = now;
    },
    evaluation(info) {
      last = performance.now();
      accuracy = info.evaluation.sequenceAccuracy;
      log(
        `training: s2sc ${c.model} step ${info.step}: exact match ${(100 * accuracy).toFixed(1)}% after ${(trainMs / 1000).toFixed(0)} s of training`,
      );
      if (accuracy >= GOAL && reached === undefined)
        reached = { step: info.step, seconds: trainMs / 1000, accuracy, steps: info.step };
    },
  };
  try {
    const r = await trainLoop({
      model: side.model,
      data,
      settings: { ...side.settings, steps: MAX_STEPS },
      seed: 0,
      start: { step: 0, elapsed: 0 },
      evalEvery: EVAL_EVERY,
      evalSize: data.validation.length,
      progress,
      save() {},
      stopRequested: () => reached !== undefined,
    });
    return reached ?? { seconds: trainMs / 1000, accuracy, steps: r.step };
  } finally {
    side.dispose();
  }
}

async function peerToGoal(
  c: PeerCase,
  spec: CompiledSpec,
  data: Dataset,
  log: (l: string) => void,
): Promise<Convergence> {
  const peer = c.makePeer(spec, 0);
  const pairs = data.validation.map((e) => toIds(data, e));
  let trainMs = 0;
  let accuracy = 0;
  try {
    for (let step = 1; step <= MAX_STEPS; step++) {
      const t0 = performance.now();
      await peer.trainStep(data.batch(step - 1));
      trainMs += performance.now() - t0;
      if (step % EVAL_EVERY !== 0 && step !== MAX_STEPS) continue;
      let exact = 0;
      for (let i = 0; i < pairs.length; i += 64) {
        const chunk = pairs.slice(i, i + 64);
        const limit = 2 * Math.max(...chunk.map((p) => p.src.length)) + 10;
        const out = await peer.greedy(
          chunk.map((p) => p.src),
          limit,
        );
        out.forEach((o, j) => {
          const t = chunk[j]!.tgt;
          if (o.length === t.length && o.every((x, k) => x === t[k])) exact++;
        });
      }
      accuracy = exact / pairs.length;
      log(
        `training: peer ${c.model} step ${step}: exact match ${(100 * accuracy).toFixed(1)}% after ${(trainMs / 1000).toFixed(0)} s of training`,
      );
      if (accuracy >= GOAL) return { step, seconds: trainMs / 1000, accuracy, steps: step };
    }
    return { seconds: trainMs / 1000, accuracy, steps: MAX_STEPS };
  } finally {
    peer.dispose();
  }
}

export const group: BenchGroup = {
  name: "training",
  title: "Training throughput and time to accuracy",
  async run(ctx) {
    const measurements = await throughputRows(ctx);
    const ratios: Ratio[] = [];
    const notes: string[] = [
      "Tokens/s of src/train/loop.ts (the `s2sc train` loop: data, gradients, Adam, progress), source tokens plus target tokens plus <eos>; the first step is not timed. The peers' training rates on the same batches are in the peers group.",
    ];
    if (!ctx.slow) {
      notes.push("Time to 99% exact match on `dates` runs with --slow (minutes).");
      return { measurements, ratios, notes };
    }
    const c = CASES.find((x) => x.task === "dates")!;
    const backend: TfBackend = "wasm";
    await useTfBackend(backend);
    const spec = compileSpec(c.spec);
    const data = caseData(c, spec, spec.trainBatch);
    ctx.log(`training: time to ${100 * GOAL}% exact match on dates, s2sc then peer (minutes)`);
    const s = await s2scToGoal(c, spec, data, backend, ctx.log);
    const p = await peerToGoal(c, spec, data, ctx.log);
    for (const [side, r] of [
      ["s2sc", s],
      ["peer", p],
    ] as const)
      measurements.push({
        id: `${c.model}/${backend}/to-99/${side}`,
        labels: { model: c.model, backend: `tfjs-${backend}`, side, batch: spec.trainBatch },
        values: {
          trainingSeconds: r.seconds,
          steps: r.steps,
          exactMatch: r.accuracy,
          reached: r.step === undefined ? 0 : 1,
          secondsPerStep: r.seconds / Math.max(r.steps, 1),
        },
      });
    if (s.step !== undefined && p.step !== undefined) {
      ratios.push({
        id: `${c.model}/${backend}/to-99`,
        description: `peer training seconds to ${100 * GOAL}% exact match / s2sc's (same data, same initial weights)`,
        value: p.seconds / s.seconds,
      });
      notes.push(
        `dates to ${100 * GOAL}% exact match on tfjs-${backend}: s2sc after ${s.step} steps (${s.seconds.toFixed(0)} s of training), the tf.layers peer after ${p.step} steps (${p.seconds.toFixed(0)} s). Step counts can differ because the two are not the same function (bench/peers/README.md): the peer's decoder starts with c = h of the encoder, its attention also covers padded source positions, and tfjs's Adam uses ε = 1e-7 where s2sc's uses 1e-8.`,
      );
    } else {
      const said = (who: string, r: Convergence) =>
        r.step === undefined
          ? `${who} did not reach it (${(100 * r.accuracy).toFixed(1)}% after ${r.steps} steps, ${r.seconds.toFixed(0)} s of training)`
          : `${who} reached it at step ${r.step} (${r.seconds.toFixed(0)} s of training)`;
      notes.push(
        `dates to ${100 * GOAL}% exact match within ${MAX_STEPS} steps on tfjs-${backend}: ${said("s2sc", s)}; ${said("the tf.layers peer", p)}. Per training step: s2sc ${(s.seconds / s.steps).toFixed(2)} s, the peer ${(p.seconds / p.steps).toFixed(2)} s.`,
      );
    }
    return { measurements, ratios, notes };
  },
};
