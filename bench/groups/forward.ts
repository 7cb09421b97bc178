/**
 * Group 3: forward pass (encode + teacher-forced decode) and greedy decoding for the
 * tiny Transformer, the attention seq2seq (attn_dot) and a mid-size Transformer, at
 * batch 1 and 16 and lengths 32 and 128: -O0 against -O2 side by side on each backend,
 * and the achieved GFLOP/s (MACs from the IR cost model, what `s2sc summary` prints) as
 * a fraction of the roofline group's matmul rate for that backend.
 *
 * Greedy decoding emits exactly L tokens per row (specials excluded from the argmax)
 * through src/decode's StepModel, so every run does the same work with untrained
 * weights. tfjs-wasm runs every configuration; tfjs-cpu and the interpreter run those
 * predicted to fit their time cap (predicted from the cheaper configurations already
 * measured, scaled by MACs), since a 128-token batch of 16 through the mid-size model
 * takes minutes there.
 */
import { moduleMacs } from "../../src/ir/cost.js";
import type { IrModule } from "../../src/ir/types.js";
import { measurePair, type Budget } from "../harness/measure.js";
import {
  BACKEND_LABEL,
  FORWARD_BACKENDS,
  greedyFixed,
  loadSpec,
  makeRunner,
  optimise,
  tokenBatch,
  withBos,
  type Backend,
  type Runner,
} from "../harness/models.js";
import {
  skippedRows,
  type BenchContext,
  type BenchGroup,
  type Measurement,
  type Ratio,
} from "../harness/types.js";
import { headroomOf } from "./headroom.js";
import { measureRoofline, peakRates } from "./roofline.js";

const MODELS = [
  { name: "transformer_tiny", path: "specs/tiny/transformer_tiny.s2s" },
  { name: "attn_dot", path: "specs/tiny/attn_dot.s2s" },
  { name: "transformer_mid", path: "bench/specs/transformer_mid.s2s" },
];
const MODES = ["forward", "greedy"] as const;
type Mode = (typeof MODES)[number];

const O2_TARGET = 1.3;

/** MACs of one run: encode + decode, or encode + L decode steps. */
function macsOf(m: IrModule, mode: Mode, B: number, L: number): number {
  const c = moduleMacs(m);
  const enc = c.encode.eval({ B, S: L });
  if (mode === "forward") return enc + c.decode.eval({ B, S: L, T: L });
  let steps = 0;
  for (let P = 0; P < L; P++) steps += c.decode_step.eval({ B, S: L, P });
  return enc + steps;
}

/** A measured configuration: decoder calls per run (steps), MACs, and time. */
interface Point {
  calls: number;
  macs: number;
  ms: number;
}

/**
 * The predicted time of a run, ms, from the configurations measured so far with the
 * model time = a·calls + b·MACs (per-call overhead plus arithmetic), fitted through the
 * last two points; with one point, scaled by MACs (an upper bound when overhead
 * dominates); with none, from the roofline rate.
 */
export function predict(
  seen: readonly Point[],
  calls: number,
  macs: number,
  gflops?: number,
): number {
  const last = seen.at(-1);
  if (last === undefined) return gflops === undefined ? 0 : (2 * macs) / (gflops * 1e6);
  const prev = seen.at(-2);
  const scaled = (last.ms * macs) / last.macs;
  if (prev === undefined) return scaled;
  const det = prev.calls * last.macs - last.calls * prev.macs;
  if (Math.abs(det) < 1e-9 * prev.calls * last.macs) return scaled;
  const a = (prev.ms * last.macs - last.ms * prev.macs) / det;
  const b = (prev.calls * last.ms - last.calls * prev.ms) / det;
  if (a < 0 || b < 0) return scaled;
  return a * calls + b * macs;
}

function task(r: Runner, mode: Mode, B: number, L: number) {
  const cfg = r.module.config;
  const src = tokenBatch(cfg.sourceVocab, B, L, 1);
  const tgt = withBos(tokenBatch(cfg.targetVocab, B, L, 2), cfg.specials.bos);
  const run =
    mode === "forward"
      ? () => r.forward(src, tgt)
      : async () => void (await greedyFixed(r.steps, src, L));
  return { run, before: () => r.activate() };
}

interface Limits {
  budget: Budget;
  /** Skip a pair predicted (or measured, at warm-up) to take longer than this per round, ms. */
  capMs: number;
}

/**
 * The single-threaded backends (tfjs-wasm runs single-threaded in Node, tfjs-cpu and the
 * interpreter are JavaScript) are timed in process CPU time, which other processes on
 * a shared machine do not inflate: -O0/-O2 ratios of the tiny Transformer swung from
 * 0.85 to 1.13 between wall-clock runs under load. ONNX Runtime runs threads, so it
 * keeps wall time.
 */
function limits(ctx: BenchContext, backend: Backend): Limits {
  const clock = backend === "ort" ? undefined : ("cpu" as const);
  if (ctx.quick) return { budget: { clock, minRuns: 1, maxRuns: 2, budgetMs: 50 }, capMs: 5000 };
  return backend === "wasm"
    ? { budget: { clock, minRuns: 5, maxRuns: 15, budgetMs: 5000 }, capMs: 20_000 }
    : { budget: { clock, minRuns: 3, maxRuns: 5, budgetMs: 3000 }, capMs: 6000 };
}

export const group: BenchGroup = {
  name: "forward",
  title: "Forward pass and greedy decoding: -O0 vs -O2, backends, fraction of the roofline",
  async run(ctx) {
    const batches = ctx.quick ? [1, 2] : [1, 16];
    const lengths = ctx.quick ? [4, 8] : [32, 128];
    const models = ctx.quick ? MODELS.slice(0, 2) : MODELS;
    // The group stops starting new rows (tfjs-cpu and interpreter last) past this.
    const allowanceMs = ctx.quick ? 60_000 : 5 * 60_000;
    const t0 = performance.now();

    const roof = ctx.earlier?.get("roofline");
    const peaks = peakRates(
      roof !== undefined && roof.measurements.length > 0
        ? roof
        : { measurements: await measureRoofline(ctx, ctx.quick ? [64] : [512]) },
    );
    const measurements: Measurement[] = [];
    const ratios: Ratio[] = [];
    const notes: string[] = [
      "Times on tfjs-wasm, tfjs-cpu and the interpreter are process CPU time (single-threaded work, steady under other load); ONNX Runtime's are wall time, since it runs threads.",
    ];
    const o2Mid: number[] = [];
    const o2MidName = ctx.quick ? "transformer_tiny" : "transformer_mid";
    const modules = models.map((m) => {
      const o0 = loadSpec(m.path);
      return { ...m, o0, o2: optimise(o0, 2), o2tfjs: optimise(o0, 2, "tfjs") };
    });

    for (const backend of FORWARD_BACKENDS) {
      const lim = limits(ctx, backend);
      for (const m of modules) {
        const r0 = await makeRunner(m.o0, backend);
        // -O2 as each backend gets it from the CLI (tfjs leaves out merge-projections).
        const tfjs = backend === "wasm" || backend === "cpu";
        const r2 = await makeRunner(tfjs ? m.o2tfjs : m.o2, backend);
        for (const mode of MODES) {
          const rate = peaks[backend];
          const seen: Point[] = [];
          for (const B of batches) {
            for (const L of lengths) {
              const macs = macsOf(m.o2, mode, B, L);
              const id = `${m.name}/${backend}/${mode}/b${B}/L${L}`;
              const labels = {
                table: `${m.name}, ${mode}`,
                backend: BACKEND_LABEL[backend],
                batch: B,
                length: L,
              };
              const calls = mode === "greedy" ? L : 1;
              const predicted = 2 * predict(seen, calls, macs, rate);
              const spent = performance.now() - t0;
              let skipped: string | undefined;
              if (predicted > lim.capMs)
                skipped = `predicted ${(predicted / 1000).toFixed(0)} s per -O0/-O2 round, over the ${(lim.capMs / 1000).toFixed(0)} s cap for ${BACKEND_LABEL[backend]}`;
              else if (spent > allowanceMs && backend !== "wasm")
                skipped = `the group's ${(allowanceMs / 60_000).toFixed(1)}-minute allowance was spent`;
              const p =
                skipped === undefined
                  ? await measurePair(task(r0, mode, B, L), task(r2, mode, B, L), {
                      ...lim.budget,
                      capMs: lim.capMs,
                    })
                  : { skipped };
              if ("skipped" in p) {
                // A warm-up over the cap still tells the larger configurations what to expect.
                if (p.warmupMs !== undefined)
                  seen.push({ calls, macs, ms: Math.max(...p.warmupMs) });
                measurements.push(...skippedRows(id, labels, "level", ["O0", "O2"], p.skipped));
                ctx.log(`${id}: not measured (${p.skipped})`);
                continue;
              }
              // The slower of the two (-O0) predicts the larger configurations.
              seen.push({ calls, macs, ms: Math.max(p.a.median, p.b.median) });
              for (const [level, stats] of [
                ["O0", p.a],
                ["O2", p.b],
              ] as const) {
                const gflops = (2 * macs) / (stats.median * 1e6);
                const values: Record<string, number> = { macs, gflops };
                if (rate !== undefined) values["rooflineFraction"] = gflops / rate;
                if (mode === "greedy") values["tokensPerSecond"] = (B * L) / (stats.median / 1000);
                measurements.push({
                  id: `${id}/${level}`,
                  labels: { ...labels, level },
                  stats,
                  values,
                });
              }
              ratios.push({
                id: `${id}/O0-vs-O2`,
                description: `-O0 time / -O2 time: ${m.name} ${mode}, ${BACKEND_LABEL[backend]}, batch ${B}, length ${L}`,
                value: p.ratio,
              });
              if (m.name === o2MidName && backend === "wasm" && mode === "forward")
                o2Mid.push(p.ratio);
              ctx.log(
                `${id}: -O0 ${p.a.median.toFixed(1)} ms, -O2 ${p.b.median.toFixed(1)} ms, ×${p.ratio.toFixed(2)}`,
              );
            }
          }
        }
        r0.dispose();
        r2.dispose();
      }
    }

    if (o2Mid.length > 0) {
      const g = Math.exp(o2Mid.reduce((s, x) => s + Math.log(x), 0) / o2Mid.length);
      ratios.unshift({
        id: `${o2MidName}/wasm/forward/O0-vs-O2`,
        description: `-O0 time / -O2 time, ${o2MidName} forward on tfjs-wasm (geometric mean over batch × length)`,
        value: g,
        target: { op: ">=", value: O2_TARGET, met: g >= O2_TARGET },
      });
      notes.push(
        g >= O2_TARGET
          ? `-O2 makes the ${o2MidName} forward ${g.toFixed(2)}× faster on tfjs-wasm (target ${O2_TARGET}).`
          : g >= 1
            ? `-O2 makes the ${o2MidName} forward only ${g.toFixed(2)}× faster on tfjs-wasm (target ${O2_TARGET}): the passes remove ops, but most of the time is in the matmuls and attention they leave as they are.`
            : `-O2 makes the ${o2MidName} forward ${(1 / g).toFixed(2)}× slower on tfjs-wasm (target: ${O2_TARGET}× faster): the fused ops as lowered to tfjs cost more than the ops they replace.`,
      );
    }
    for (const h of await headrooms(ctx, modules)) {
      ratios.push(h.ratio);
      measurements.push(h.row);
      notes.push(h.note);
    }
    notes.push(
      ...rooflineNotes(measurements, new Map(modules.map((m) => [m.name, shapeOf(m.o0)]))),
    );
    return { measurements, ratios, notes };
  },
};

/** Where the headroom is profiled: the Transformers' forward on wasm at -O0. */
const HEADROOM = [
  { name: "transformer_tiny", B: 16, L: 64 },
  { name: "transformer_mid", B: 16, L: 128 },
];

/**
 * The most any pass pipeline could give (headroom.ts): one profiled -O0 forward per
 * Transformer on tfjs-wasm, its kernel time split into products, attention's softmax,
 * table lookups and the rest.
 */
async function headrooms(
  ctx: BenchContext,
  modules: readonly { name: string; o0: IrModule }[],
): Promise<{ ratio: Ratio; row: Measurement; note: string }[]> {
  const out: { ratio: Ratio; row: Measurement; note: string }[] = [];
  for (const spot of HEADROOM) {
    const m = modules.find((x) => x.name === spot.name);
    if (m === undefined) continue;
    const [B, L] = ctx.quick ? [2, 8] : [spot.B, spot.L];
    const r = await makeRunner(m.o0, "wasm");
    try {
      const { run, before } = task(r, "forward", B, L);
      await before();
      for (let i = 0; i < 3; i++) await run();
      const h = await headroomOf(run);
      const id = `${m.name}/wasm/forward/O0-headroom/b${B}/L${L}`;
      const share = (x: number) => pct(x / h.total);
      out.push({
        ratio: {
          id,
          description: `the most any pass pipeline could give: -O0 kernel time / (the same less every kernel besides products, attention's softmax and lookups), ${m.name} forward, tfjs-wasm, batch ${B}, length ${L}`,
          value: h.bound,
        },
        row: {
          id,
          labels: {
            table: `${m.name}, forward, -O0 kernel profile`,
            backend: "tfjs-wasm",
            batch: B,
            length: L,
          },
          values: {
            productsMs: h.ms.products,
            attentionMs: h.ms.attention,
            lookupsMs: h.ms.lookups,
            restMs: h.ms.rest,
            restKernels: h.calls.rest,
          },
        },
        note:
          `${m.name} forward at -O0 on tfjs-wasm (batch ${B}, length ${L}), one profiled run: matmuls and per-head products ${share(h.ms.products)} of kernel time, attention's masked softmax ${share(h.ms.attention)}, embedding lookups ${share(h.ms.lookups)}, everything else ${share(h.ms.rest)} (${h.calls.rest} kernels). ` +
          `Passes keep the products, and attention is one op already at -O0, so even a pipeline that removed all of the rest would make it at most ${h.bound.toFixed(2)}× faster` +
          (h.bound < O2_TARGET
            ? ` — below the ${O2_TARGET}× target: only faster kernels could reach it.`
            : "."),
      });
      ctx.log(`${id}: headroom ×${h.bound.toFixed(2)}`);
    } finally {
      r.dispose();
    }
  }
  return out;
}

/** What a model's shape implies for matmul sizes, from its IR: recurrent or not, and its width. */
export interface Shape {
  recurrent: boolean;
  width: number;
}

export function shapeOf(m: IrModule): Shape {
  // The recurrent weight R is [dirs, gates·H, H]: its last dim is the hidden width.
  const rec = m.params.find((p) => p.role === "recurrent_state");
  const emb = m.params.find((p) => p.role === "embedding");
  return { recurrent: rec !== undefined, width: (rec ?? emb)?.shape.at(-1) ?? 0 };
}

const pct = (f: number) => `${(100 * f).toFixed(f < 0.1 ? 1 : 0)}%`;

/**
 * Where each model stands against the roofline on each backend (-O2 rows), in words
 * derived from the rows and the model's shape: the range of fractions, and why.
 */
function rooflineNotes(ms: readonly Measurement[], shapes: ReadonlyMap<string, Shape>): string[] {
  const out: string[] = [];
  const groups = new Map<string, Measurement[]>();
  for (const m of ms) {
    if (m.values["rooflineFraction"] === undefined || m.labels["level"] !== "O2") continue;
    const key = `${m.labels["table"]}|${m.labels["backend"]}`;
    groups.set(key, [...(groups.get(key) ?? []), m]);
  }
  for (const [key, rows] of groups) {
    const [table, backend] = key.split("|") as [string, string];
    const [model, mode] = table.split(", ") as [string, string];
    const f = (m: Measurement) => m.values["rooflineFraction"]!;
    const best = rows.reduce((a, b) => (f(b) > f(a) ? b : a));
    const worst = rows.reduce((a, b) => (f(b) < f(a) ? b : a));
    const at = (m: Measurement) => `batch ${m.labels["batch"]}, length ${m.labels["length"]}`;
    const range =
      best === worst
        ? `${pct(f(best))} (${at(best)})`
        : `${pct(f(worst))} (${at(worst)}) to ${pct(f(best))} (${at(best)})`;
    const shape = shapes.get(model);
    let why: string;
    if (f(best) >= 0.4) why = "the matmuls are large enough to run near the backend's peak";
    else if (shape?.recurrent)
      why = `the recurrence runs one time step after another, so every matmul has only batch-many rows (width ${shape.width}) and per-op overhead, not arithmetic, sets the pace`;
    else if (mode === "greedy")
      why = `each step feeds one token per row, so the matmuls are matrix-vector products (batch × ${shape?.width ?? "d"}) bound by per-op overhead`;
    else if (f(best) < 0.1)
      why = `the matmuls are small (width ${shape?.width ?? "?"}) and per-op overhead — dispatch, allocation, reading results back — dominates`;
    else
      why =
        "attention, softmax, normalisation and reshapes (zero MACs in the count) and per-op overhead take most of the time besides the matmuls";
    out.push(
      `${model} ${mode} on ${backend} reaches ${range} of the ${backend} matmul rate: ${why}.`,
    );
  }
  return out;
}
