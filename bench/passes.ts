/**
 * -O0 versus -O2 forward latency: encode plus teacher-forced decode of a batch of
 * 16 sequences of length 64, on the interpreter and on tfjs (wasm and cpu), for the tiny
 * Transformer and the attention seq2seq models of specs/tiny.
 *
 *   npx tsx bench/passes.ts              # all models, all backends
 *   npx tsx bench/passes.ts interp       # one backend
 *
 * -O0 and -O2 run alternately after a warm-up; the fastest and the median of the runs
 * are shown (the fastest is the steadier on a loaded machine); the ratio is -O0 / -O2
 * (above 1: the optimised model is faster). Weights are the same for both levels (the
 * passes never rename parameters).
 */
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { InterpModel } from "../src/backends/interp/model.js";
import { initWeights } from "../src/backends/interp/weights.js";
import { createTfjsModel } from "../src/runtime/model.js";
import { checkProgram } from "../src/check/index.js";
import { elaborate } from "../src/elaborate/index.js";
import type { IrModule } from "../src/ir/types.js";
import { passesForLevel, runPipeline } from "../src/passes/index.js";
import { memoryHost } from "../src/source/host.js";
import { median } from "./timing.js";

const SPECS = [
  "specs/tiny/transformer_tiny.s2s",
  "specs/tiny/attn_scaled_dot.s2s",
  "specs/tiny/attn_multihead.s2s",
  "specs/tiny/attn_additive.s2s",
];
const BATCH = 16;
const LENGTH = 64;
const RUNS = 7;

function load(path: string): IrModule {
  const r = checkProgram(path, memoryHost({ [path]: readFileSync(path, "utf8") }));
  const m = elaborate(r.models[0]!).module;
  if (m === undefined) throw new Error(`${path} does not elaborate`);
  return m;
}

/** -O2 as the CLI gives it to `target` (tfjs leaves out merge-projections). */
function optimise(m: IrModule, target?: string): IrModule {
  const r = runPipeline(m, passesForLevel(2, target));
  if ("error" in r) throw new Error(r.error);
  return r.module;
}

/** Deterministic ids in 4..vocab-1, no padding (every position is real). */
function batch(vocab: number, seed: number): number[][] {
  return Array.from({ length: BATCH }, (_, b) =>
    Array.from({ length: LENGTH }, (_, t) => 4 + ((b * 31 + t * 17 + seed) % (vocab - 4))),
  );
}

/**
 * Runs the -O0 and -O2 forwards alternately (so that load from other processes hits
 * both alike) and returns the fastest and the median time of each.
 */
async function timePair(
  f: () => Promise<void>,
  g: () => Promise<void>,
): Promise<{ min: number[]; med: number[] }> {
  await f();
  await g();
  const xs: number[][] = [[], []];
  for (let r = 0; r < RUNS; r++) {
    for (const [i, h] of [f, g].entries()) {
      const t0 = performance.now();
      await h();
      xs[i]!.push(performance.now() - t0);
    }
  }
  return { min: xs.map((x) => Math.min(...x)), med: xs.map(median) };
}

type Forward = (m: IrModule) => Promise<{ run: () => Promise<void>; dispose: () => void }>;

const BACKENDS: Record<string, Forward> = {
  interp: async (m) => {
    const model = new InterpModel(m, initWeights(m, 0), 0);
    const src = batch(m.config.sourceVocab, 1);
    const tgt = batch(m.config.targetVocab, 2).map((s) => [1, ...s.slice(1)]);
    return { run: async () => void model.decode(model.encode(src), tgt), dispose: () => {} };
  },
  ...Object.fromEntries(
    (["wasm", "cpu"] as const).map((backend): [string, Forward] => [
      `tfjs-${backend}`,
      async (m) => {
        const model = await createTfjsModel(m, initWeights(m, 0), { backend });
        const src = batch(m.config.sourceVocab, 1);
        const tgt = batch(m.config.targetVocab, 2).map((s) => [1, ...s.slice(1)]);
        return {
          run: async () => {
            const enc = model.encode(src);
            const logits = model.decode(enc, tgt);
            await logits.data();
            logits.dispose();
            model.disposeEncoded(enc);
          },
          dispose: () => model.dispose(),
        };
      },
    ]),
  ),
};

const only = process.argv.slice(2);
console.log(
  `forward (encode + teacher-forced decode), batch ${BATCH} × length ${LENGTH}, -O0 and -O2 alternating, ${RUNS} runs each`,
);
console.log("                                  fastest of runs                median of runs");
console.log(
  "model                backend      -O0 ms    -O2 ms   -O0/-O2     -O0 ms    -O2 ms   -O0/-O2",
);
for (const path of SPECS) {
  const o0 = load(path);
  for (const [name, make] of Object.entries(BACKENDS)) {
    if (only.length > 0 && !only.includes(name)) continue;
    const o2 = optimise(o0, name.startsWith("tfjs") ? "tfjs" : undefined);
    const [f, g] = [await make(o0), await make(o2)];
    try {
      const { min, med } = await timePair(f.run, g.run);
      const row = (x: number[]): string =>
        `${x[0]!.toFixed(1).padStart(8)}  ${x[1]!.toFixed(1).padStart(8)}  ${(x[0]! / x[1]!).toFixed(2).padStart(8)}`;
      console.log(`${o0.model.padEnd(20)} ${name.padEnd(10)} ${row(min)}   ${row(med)}`);
    } finally {
      f.dispose();
      g.dispose();
    }
  }
}
