/**
 * Parse benchmark: generates a ~10,000-line spec (many models with parameters, `extends`
 * and instantiations, `let`s, deeply nested stacks, comments, expressions) and times
 * `parse` (lex + parse + AST) — the median of several runs after a warm-up.
 *
 *   npx tsx bench/frontend-parse.ts [lines]
 *
 * The generated spec must parse without diagnostics, so the figure is for the normal
 * path, not for error recovery.
 */
import { parse } from "../src/parser/index.js";

const TARGET_LINES = Number(process.argv[2] ?? 10_000);
const WARMUP = 5;
const RUNS = 15;

/** One model family: a parameterised transformer, a deep recurrent model and variants. */
function family(i: number): string {
  return `// Family ${i}: a transformer, a recurrent model and variations.
let width_${i} = 64 * ${(i % 8) + 1}
let drop_${i} = 0.1 + ${i % 5} * 0.05 /* block comment */
model transformer_${i}(N = ${(i % 6) + 1}, d_model = width_${i}, d_ff = 4 * width_${i}, h = 8, p = drop_${i}) {
  vocab = 37_000
  share_embeddings = true
  source { embed = d_model  scale = true }
  target { embed = d_model  scale = true }
  position = sinusoidal
  dropout = p
  encoder {
    stack N {
      self_attention scaled_dot { heads = h }
      feed_forward { hidden = d_ff  activation = relu }
    }
  }
  decoder {
    stack N {
      self_attention { heads = h }
      cross_attention { heads = h, key_dim = d_model / h }
      feed_forward { hidden = max(d_ff, 2 ** 10)  activation = gelu }
    }
  }
  output { tied = true; bias = false }
}
model deep_${i}(depth = 2) {
  source { vocab = 30_000  embed = 620 }
  target { vocab = 30_000  embed = 620 }
  encoder {
    gru { hidden = 1000  bidirectional = true }
    stack depth {
      stack 2 {
        stack 2 { lstm { hidden = 1000  dropout = 1e-1 } }
      }
    }
  }
  decoder {
    attention additive { hidden = 1000 }
    stack depth + 1 { gru { hidden = 1000 } }
  }
  bridge = dense
  train { optimizer = adam  lr = 1e-3  warmup = 4_000  label_smoothing = 0.1 }
}
model base_${i} = transformer_${i}()
model big_${i} = transformer_${i}(d_model = 1024, d_ff = 4096, h = 16, p = 0.3)
model pre_${i} extends base_${i} { residual = pre_norm  norm = rms_norm }
`;
}

function generate(lines: number): string {
  const parts: string[] = [];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const f = family(i);
    parts.push(f);
    count += f.split("\n").length - 1;
  }
  return parts.join("");
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const text = generate(TARGET_LINES);
const lineCount = text.split("\n").length - 1;

const first = parse(text, "bench.s2s");
if (first.diagnostics.length > 0) {
  const d = first.diagnostics[0]!;
  throw new Error(
    `generated spec has diagnostics: ${d.code} ${d.message} at ${d.range.start.line}:${d.range.start.column}`,
  );
}
for (let i = 0; i < WARMUP; i++) parse(text, "bench.s2s");

// Wall-clock time is the figure; CPU time (this process, all threads, so including the
// garbage collector's helpers) is shown too, as it is steadier on a busy machine.
const times: number[] = [];
const cpuTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  parse(text, "bench.s2s");
  times.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  cpuTimes.push((cpu.user + cpu.system) / 1000);
}

const ms = median(times);
console.log(
  `frontend-parse: ${lineCount} lines, ${text.length} chars, ${first.ast.items.length} declarations: ` +
    `median ${ms.toFixed(1)} ms over ${RUNS} runs (min ${Math.min(...times).toFixed(1)} ms, ` +
    `CPU median ${median(cpuTimes).toFixed(1)} ms, ` +
    `${Math.round(lineCount / (ms / 1000)).toLocaleString("en-US")} lines/s)`,
);
