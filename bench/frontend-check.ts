/**
 * Front-end benchmark: parse + check of a generated ~10,000-line spec.
 *
 *   npx tsx bench/frontend-check.ts [lines] [runs]
 *
 * The spec mixes what real files contain: file-level lets, parameterised Transformers
 * with stacks, instantiations, `extends` chains that merge sections, and recurrent
 * models with attention. Prints the median (and min/max) over the runs, after a warm-up
 * run that builds the parser and lets the JIT settle.
 */
import { performance } from "node:perf_hooks";
import { checkProgram } from "../src/check/index.js";
import { parse } from "../src/parser/index.js";
import { memoryHost } from "../src/source/host.js";

function transformerBlock(i: number): string {
  return `// block ${i}: a parameterised Transformer, two instantiations and a variation
let width_${i} = 64 * ${1 + (i % 4)}
model tf_${i}(N = ${2 + (i % 4)}, d_model = width_${i}, d_ff = 4 * d_model, h = 4, p = 0.1) {
  vocab = ${1000 + i}
  share_embeddings = true
  source { embed = d_model  scale = true }
  target { embed = d_model  scale = true }
  position = sinusoidal
  dropout = p
  encoder {
    let inner = d_ff
    stack N {
      self_attention scaled_dot { heads = h }
      feed_forward { hidden = inner  activation = relu }
    }
  }
  decoder {
    stack N {
      self_attention { heads = h }
      cross_attention { heads = h  key_dim = d_model / h }
      feed_forward { hidden = d_ff  activation = gelu }
    }
  }
  output { tied = true }
  train { lr = 1e-3 * sqrt(2)  warmup = 4000  schedule = inverse_sqrt  label_smoothing = 0.1 }
}
model tf_${i}_big = tf_${i}(d_model = 2 * width_${i}, h = 8, p = 0.3)
model tf_${i}_pre extends tf_${i}_big {
  residual = pre_norm
  norm = rms_norm
  encoder { stack 6 { feed_forward { activation = swish } } }
}
`;
}

function recurrentBlock(i: number): string {
  return `// block ${i}: recurrent models with attention
model rnn_${i}(depth = ${1 + (i % 3)}, width = ${32 * (1 + (i % 5))}) {
  source { vocab = ${500 + i}  embed = width }
  target { vocab = ${600 + i}  embed = width }
  encoder {
    lstm { hidden = width  bidirectional = true }
    stack depth { lstm { hidden = width  dropout = 0.2 } }
  }
  decoder {
    stack depth + 1 { lstm { hidden = width } }
    attention general { input_feeding = true }
  }
  bridge = dense
}
model rnn_${i}_deep(w = ${48 + i}) extends rnn_${i}(depth = 2, width = w) {
  decoder { attention additive { hidden = max(w, 64) } }
}
`;
}

/** A spec of about `lines` lines. */
export function generateSpec(lines: number): string {
  const parts: string[] = [];
  let n = 0;
  for (let i = 0; n < lines; i++) {
    const block = i % 2 === 0 ? transformerBlock(i) : recurrentBlock(i);
    parts.push(block);
    n += block.split("\n").length - 1;
  }
  return parts.join("\n");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

function time(f: () => void, runs: number): number[] {
  f(); // warm-up: builds the parser and lets the JIT settle
  const out: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    f();
    out.push(performance.now() - t0);
  }
  return out;
}

const lines = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 7);
const text = generateSpec(lines);
const host = memoryHost({ "bench.s2s": text });

const check = checkProgram("bench.s2s", host);
const errors = check.diagnostics.filter((d) => d.severity === "error");
if (errors.length > 0) {
  console.error(`the generated spec has ${errors.length} errors, first: ${errors[0]!.message}`);
  process.exit(2);
}

const parseTimes = time(() => void parse(text, "bench.s2s"), runs);
const totalTimes = time(() => void checkProgram("bench.s2s", host), runs);
// The checker alone: the same AST handed over again, so no parsing is timed.
const parsed = parse(text, "bench.s2s");
const checkTimes = time(() => void checkProgram("bench.s2s", host, () => parsed), runs);
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
console.log(
  `${text.split("\n").length} lines, ${check.models.length} models, ${runs} runs (after a warm-up)`,
);
console.log(`parse only:    median ${fmt(median(parseTimes))}`);
console.log(`check only:    median ${fmt(median(checkTimes))}`);
console.log(
  `parse + check: median ${fmt(median(totalTimes))} (min ${fmt(Math.min(...totalTimes))}, max ${fmt(Math.max(...totalTimes))})`,
);
