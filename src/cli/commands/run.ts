/**
 * `s2sc run FILE[:MODEL]|DIR`: one teacher-forced forward pass and a greedy decode.
 * A DIR holding `model.ir.json` (from `compile --target ir`, or any tool that writes
 * our IR) is an input path as well as a spec.
 */
import { statSync } from "node:fs";
import { resolve } from "node:path";
import {
  initWeights,
  openBackendModel,
  readIrDirectory,
  type BackendModel,
  type IrModule,
  type Tensor,
  type TfBackend,
} from "../../node/index.js";
import { EXIT, type Io } from "../io.js";
import { loadModule } from "../load-module.js";
import { optimiseForCli, type PassCliOptions } from "../passes-options.js";

export interface RunOptions extends PassCliOptions {
  backend: "interp" | "tfjs" | "ort";
  seed: number;
  src: string;
  tgt?: string;
  json?: boolean;
  maxLength?: number;
  memoryBudget?: number;
  /** The tfjs backend for `--backend tfjs` (default wasm). */
  tfBackend?: TfBackend;
}

/** Parses space-separated token ids and checks them against a vocabulary. */
export function parseIds(
  flag: string,
  text: string,
  vocab: number,
): { ids: number[] } | { error: string } {
  const parts = text.trim() === "" ? [] : text.trim().split(/\s+/);
  const ids: number[] = [];
  for (const p of parts) {
    if (!/^\d+$/.test(p))
      return { error: `${flag}: \`${p}\` is not a token id (ids are non-negative integers)` };
    const id = Number(p);
    if (id >= vocab)
      return { error: `${flag}: id ${id} is outside the vocabulary (0..${vocab - 1})` };
    ids.push(id);
  }
  if (ids.length === 0) return { error: `${flag}: give at least one token id` };
  return { ids };
}

function loadIrDir(io: Io, dir: string): { module: IrModule } | { exitCode: number } {
  const read = readIrDirectory(dir);
  if (read.module !== undefined) return { module: read.module };
  if (!read.readable) {
    io.stderr(
      `s2sc: ${dir} is a directory without model.ir.json (write one with \`s2sc compile --target ir\`)\n`,
    );
    return { exitCode: EXIT.usage };
  }
  io.stderr(
    `s2sc: ${read.path} is not valid s2s IR:\n${read.errors
      .slice(0, 10)
      .map((e) => `  ${e}\n`)
      .join("")}`,
  );
  return { exitCode: EXIT.input };
}

function isDirectory(io: Io, p: string): boolean {
  try {
    return statSync(resolve(io.cwd, p)).isDirectory();
  } catch {
    return false;
  }
}

function topTokens(logits: Tensor, b: number, t: number, k: number): number[] {
  const [, T, V] = logits.dims as [number, number, number];
  const row = (logits.data as Float32Array).subarray((b * T + t) * V, (b * T + t + 1) * V);
  return [...row.keys()].sort((x, y) => row[y]! - row[x]!).slice(0, k);
}

export async function runRun(io: Io, spec: string, opts: RunOptions): Promise<number> {
  const loaded = isDirectory(io, spec)
    ? loadIrDir(io, resolve(io.cwd, spec))
    : loadModule(io, spec, { memoryBudgetBytes: opts.memoryBudget });
  if ("exitCode" in loaded) return loaded.exitCode;
  const optimised = optimiseForCli(io, loaded.module, opts, opts.backend);
  if ("exitCode" in optimised) return optimised.exitCode;
  const module = optimised.module;
  const src = parseIds("--src", opts.src, module.config.sourceVocab);
  if ("error" in src) {
    io.stderr(`s2sc: ${src.error}\n`);
    return EXIT.usage;
  }
  const opened = await openBackendModel(module, initWeights(module, opts.seed), {
    backend: opts.backend,
    tfBackend: opts.tfBackend ?? "wasm",
  });
  if ("error" in opened) {
    io.stderr(`s2sc: ${opened.error}\n`);
    return EXIT.usage;
  }
  const runner = opened.model;
  try {
    return await report(io, module, opts, runner, src.ids);
  } finally {
    runner.dispose();
  }
}

async function report(
  io: Io,
  module: IrModule,
  opts: RunOptions,
  runner: BackendModel,
  srcIds: number[],
): Promise<number> {
  const src = { ids: srcIds };
  const { bos } = module.config.specials;
  const maxLength = opts.maxLength ?? 2 * src.ids.length + 10;
  const greedy = await runner.greedy(src.ids, maxLength);
  let tgt: number[] = greedy;
  if (opts.tgt !== undefined) {
    const t = parseIds("--tgt", opts.tgt, module.config.targetVocab);
    if ("error" in t) {
      io.stderr(`s2sc: ${t.error}\n`);
      return EXIT.usage;
    }
    tgt = t.ids;
  }
  // Teacher forcing: the decoder reads <bos> then the target; position t predicts tgt[t].
  const logits = await runner.logits(src.ids, [bos, ...tgt]);
  if (opts.json) {
    io.stdout(
      JSON.stringify({
        backend: opts.backend,
        ...(opts.backend === "tfjs" ? { tfBackend: opts.tfBackend ?? "wasm" } : {}),
        model: module.model,
        seed: opts.seed,
        src: src.ids,
        tgt,
        logits: { dims: logits.dims, data: Array.from(logits.data as Float32Array) },
        greedy,
      }) + "\n",
    );
    return EXIT.ok;
  }
  const [B, T, V] = logits.dims;
  io.stdout(`model ${module.model} on ${runner.label}, untrained weights from seed ${opts.seed}\n`);
  io.stdout(`source ids:  ${src.ids.join(" ")}\n`);
  io.stdout(
    `target ids:  ${tgt.join(" ")}${opts.tgt === undefined ? "   (the greedy decode; give --tgt to choose)" : ""}\n`,
  );
  io.stdout(
    `logits:      [${B}, ${T}, ${V}] (teacher-forced; position t reads <bos> and target[0..t))\n`,
  );
  const shown = Math.min(T ?? 0, 8);
  for (let t = 0; t < shown; t++)
    io.stdout(`  t=${t}  top 3: ${topTokens(logits, 0, t, 3).join(" ")}\n`);
  if ((T ?? 0) > shown)
    io.stdout(`  ... ${(T ?? 0) - shown} more positions (--json prints all logits)\n`);
  io.stdout(`greedy:      ${greedy.length === 0 ? "(empty: <eos> first)" : greedy.join(" ")}\n`);
  return EXIT.ok;
}
