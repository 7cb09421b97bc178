/**
 * Where a forward pass spends its time on tfjs-wasm, kernel by kernel, at -O0 and -O2
 * side by side (a tool, not a benchmark group):
 *
 *   npx tsx bench/kernel-profile.ts [SPEC] [BATCH] [LENGTH] [RUNS]
 *   npx tsx bench/kernel-profile.ts specs/tiny/transformer_tiny.s2s 16 64 20
 *
 * Every kernel registered for wasm is wrapped with a timer (performance.now around the
 * kernel function; wasm kernels are synchronous), counting only outermost kernels, so a
 * kernel that runs others is not counted twice. Unlike tf.profile, whose bookkeeping per
 * kernel is larger than many of these kernels, the wrapper adds well under a microsecond,
 * and the rows add up to the kernels' share of the whole run, printed with it: the
 * difference is JavaScript around the kernels (op dispatch, the generated code, reading
 * the logits back).
 */
import * as tf from "@tensorflow/tfjs";
import { loadSpec, makeRunner, optimise, tokenBatch, withBos } from "./harness/models.js";

const [spec = "specs/tiny/transformer_tiny.s2s", batch = "16", length = "64", runs = "20"] =
  process.argv.slice(2);
const [B, L, N] = [Number(batch), Number(length), Number(runs)];

interface Tally {
  calls: number;
  ms: number;
}

const o0 = loadSpec(spec);
const runners = [await makeRunner(o0, "wasm"), await makeRunner(optimise(o0, 2, "tfjs"), "wasm")];
await runners[0]!.activate();

const tally = new Map<string, Tally>();
let timing = false;
let depth = 0;
for (const k of tf.getKernelsForBackend("wasm")) {
  const inner = k.kernelFunc;
  tf.unregisterKernel(k.kernelName, "wasm");
  tf.registerKernel({
    ...k,
    kernelFunc: (args) => {
      if (!timing || depth > 0) return inner(args);
      depth++;
      const t0 = performance.now();
      try {
        return inner(args);
      } finally {
        const ms = performance.now() - t0;
        depth--;
        const e = tally.get(k.kernelName) ?? { calls: 0, ms: 0 };
        e.calls++;
        e.ms += ms;
        tally.set(k.kernelName, e);
      }
    },
  });
}

const cfg = o0.config;
const src = tokenBatch(cfg.sourceVocab, B, L, 1);
const tgt = withBos(tokenBatch(cfg.targetVocab, B, L, 2), cfg.specials.bos);
for (let i = 0; i < 3; i++) for (const r of runners) await r.forward(src, tgt);

const levels: { perKernel: Map<string, Tally>; runMs: number }[] = [];
for (const r of runners) {
  tally.clear();
  timing = true;
  const t0 = performance.now();
  for (let i = 0; i < N; i++) await r.forward(src, tgt);
  const runMs = (performance.now() - t0) / N;
  timing = false;
  levels.push({ perKernel: new Map(tally), runMs });
}

const none: Tally = { calls: 0, ms: 0 };
const names = [...new Set(levels.flatMap((l) => [...l.perKernel.keys()]))].sort(
  (a, b) => (levels[0]!.perKernel.get(b) ?? none).ms - (levels[0]!.perKernel.get(a) ?? none).ms,
);
const cell = (t: Tally) =>
  `${String(t.calls / N).padStart(6)} ${(t.ms / N).toFixed(2).padStart(8)}`;
console.log(`${spec}, tfjs-wasm, batch ${B} × length ${L}, mean of ${N} forward passes`);
console.log(
  `${"kernel".padEnd(24)} ${"-O0 calls".padStart(6)} ${"ms".padStart(8)} ${"-O2 calls".padStart(6)} ${"ms".padStart(8)}`,
);
for (const name of names) {
  const [a, b] = levels.map((l) => l.perKernel.get(name) ?? none);
  console.log(`${name.padEnd(24)} ${cell(a!)} ${cell(b!)}`);
}
const kernelMs = levels.map((l) => [...l.perKernel.values()].reduce((s, t) => s + t.ms, 0) / N);
console.log(
  `${"all kernels".padEnd(24)} ${kernelMs.map((ms) => `${"".padStart(6)} ${ms.toFixed(2).padStart(8)}`).join(" ")}`,
);
console.log(
  `${"whole forward pass".padEnd(24)} ${levels.map((l) => `${"".padStart(6)} ${l.runMs.toFixed(2).padStart(8)}`).join(" ")}`,
);
console.log(`-O0 / -O2: ${(levels[0]!.runMs / levels[1]!.runMs).toFixed(3)}`);
