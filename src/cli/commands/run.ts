/**
 * `s2sc run FILE[:MODEL]|DIR`: one teacher-forced forward pass and a greedy decode.
 * A DIR holding `model.ir.json` (from `compile --target ir`, or any tool that writes
 * our IR) is an input path as well as a spec; a training run's DIR (`checkpoint.json`)
 * runs its trained weights and reads `--input TEXT` with its tokenizer (run-subject.ts).
 */
import {
  initWeights,
  openBackendModel,
  inputLengthProblem,
  type BackendModel,
  type IrModule,
  type Tensor,
  type TfBackend,
} from "../../node/index.js";
import { EXIT, type Io } from "../io.js";
import { optimiseForCli, type PassCliOptions } from "../passes-options.js";
import { idsAsText, inputIds, loadRunSubject, type RunSubject } from "./run-subject.js";

export interface RunOptions extends PassCliOptions {
  backend: "interp" | "tfjs" | "ort";
  seed: number;
  /** Source ids; or `input`, text read by a checkpoint's tokenizer. */
  src?: string;
  input?: string;
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

/**
 * `--src`/`--input` (and `--tgt`) longer than the model's position table: a usage
 * error, like other bad ids, before any backend is opened.
 */
function lengthError(module: IrModule, src: number[], opts: RunOptions): string | undefined {
  const s = inputLengthProblem(module.config, { src: [src] });
  if (s !== undefined) return `${opts.input !== undefined ? "--input" : "--src"}: ${s}`;
  if (opts.tgt === undefined) return undefined;
  // Ids that are not numbers are reported by parseIds afterwards.
  const t = inputLengthProblem(module.config, { tgt: [opts.tgt.trim().split(/\s+/).map(Number)] });
  return t === undefined ? undefined : `--tgt: ${t}`;
}

function topTokens(logits: Tensor, b: number, t: number, k: number): number[] {
  const [, T, V] = logits.dims as [number, number, number];
  const row = (logits.data as Float32Array).subarray((b * T + t) * V, (b * T + t + 1) * V);
  return [...row.keys()].sort((x, y) => row[y]! - row[x]!).slice(0, k);
}

export async function runRun(io: Io, spec: string, opts: RunOptions): Promise<number> {
  const subject = loadRunSubject(io, spec, opts.memoryBudget);
  if ("exitCode" in subject) return subject.exitCode;
  const optimised = optimiseForCli(io, subject.module, opts, opts.backend);
  if ("exitCode" in optimised) return optimised.exitCode;
  // Passes never rename parameters, so a checkpoint's weights fit the optimised module.
  const module = optimised.module;
  const src = sourceIds(io, opts, subject);
  if ("exitCode" in src) return src.exitCode;
  const tooLong = lengthError(module, src.ids, opts);
  if (tooLong !== undefined) {
    io.stderr(`s2sc: ${tooLong}\n`);
    return EXIT.usage;
  }
  const weights = subject.trained?.checkpoint.weights ?? initWeights(module, opts.seed);
  const opened = await openBackendModel(module, weights, {
    backend: opts.backend,
    tfBackend: opts.tfBackend ?? "wasm",
  });
  if ("error" in opened) {
    io.stderr(`s2sc: ${opened.error}\n`);
    return EXIT.usage;
  }
  const runner = opened.model;
  try {
    return await report(io, module, opts, runner, src.ids, subject);
  } finally {
    runner.dispose();
  }
}

/** `--src IDS` or `--input TEXT` (exactly one) as source ids. */
function sourceIds(
  io: Io,
  opts: RunOptions,
  subject: RunSubject,
): { ids: number[] } | { exitCode: number } {
  if ((opts.src === undefined) === (opts.input === undefined)) {
    io.stderr("s2sc: give the source as --src IDS or, for a checkpoint directory, --input TEXT\n");
    return { exitCode: EXIT.usage };
  }
  if (opts.input !== undefined) return inputIds(io, opts.input, subject);
  const src = parseIds("--src", opts.src!, subject.module.config.sourceVocab);
  if ("error" in src) {
    io.stderr(`s2sc: ${src.error}\n`);
    return { exitCode: EXIT.usage };
  }
  return src;
}

async function report(
  io: Io,
  module: IrModule,
  opts: RunOptions,
  runner: BackendModel,
  srcIds: number[],
  subject: RunSubject,
): Promise<number> {
  const trained = subject.trained;
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
        ...(trained === undefined
          ? { seed: opts.seed }
          : { checkpoint: { dir: trained.dir, step: trained.checkpoint.step } }),
        ...(opts.input === undefined ? {} : { input: opts.input }),
        src: src.ids,
        tgt,
        logits: { dims: logits.dims, data: Array.from(logits.data as Float32Array) },
        greedy,
        ...(trained === undefined ? {} : { greedyText: idsAsText(trained, greedy) }),
      }) + "\n",
    );
    return EXIT.ok;
  }
  const [B, T, V] = logits.dims;
  const weightsFrom =
    trained === undefined
      ? `untrained weights from seed ${opts.seed}`
      : `weights from ${trained.dir} (step ${trained.checkpoint.step})`;
  // With a checkpoint, ids are shown as text too (JSON-quoted: spaces and blanks stay visible).
  const asText = (ids: number[]) =>
    trained === undefined ? "" : `   ${JSON.stringify(idsAsText(trained, ids))}`;
  io.stdout(`model ${module.model} on ${runner.label}, ${weightsFrom}\n`);
  if (opts.input !== undefined) io.stdout(`source:      ${JSON.stringify(opts.input)}\n`);
  io.stdout(`source ids:  ${src.ids.join(" ")}\n`);
  io.stdout(
    `target ids:  ${tgt.join(" ")}${asText(tgt)}${opts.tgt === undefined ? "   (the greedy decode; give --tgt to choose)" : ""}\n`,
  );
  io.stdout(
    `logits:      [${B}, ${T}, ${V}] (teacher-forced; position t reads <bos> and target[0..t))\n`,
  );
  const shown = Math.min(T ?? 0, 8);
  for (let t = 0; t < shown; t++)
    io.stdout(`  t=${t}  top 3: ${topTokens(logits, 0, t, 3).join(" ")}\n`);
  if ((T ?? 0) > shown)
    io.stdout(`  ... ${(T ?? 0) - shown} more positions (--json prints all logits)\n`);
  io.stdout(
    `greedy:      ${greedy.length === 0 ? "(empty: <eos> first)" : greedy.join(" ") + asText(greedy)}\n`,
  );
  return EXIT.ok;
}
