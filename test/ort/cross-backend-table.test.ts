/**
 * The table: every spec of specs/ (the paper specs at the reduced sizes of
 * test/tfjs/fixtures/papers.s2s) × the sources a user tries — a normal one, a single
 * token, all padding, the longest the model takes and one token more — through
 * openBackendModel on the interpreter, tfjs cpu, tfjs wasm and ONNX Runtime. They agree
 * on teacher-forced logits within 1e-4 (max |Δ| / max |logit|) and exactly on greedy
 * decodes (each backend's own greedy, and the search of src/decode over its step model),
 * or all report the same error: past the position table, InputLengthError with one
 * message (src/decode/lengths.ts). A model without a position table takes a long source.
 */
import { describe, expect, test } from "vitest";
import { initWeights } from "../../src/backends/interp/weights.js";
import { greedy } from "../../src/decode/search.js";
import type { IrModule } from "../../src/ir/types.js";
import { openBackendModel, type BackendModelOptions } from "../../src/node/backend-model.js";
import { relativeError, specModules } from "../tfjs/helpers.js";

const TOLERANCE = 1e-4;
const TGT_IN = [1, 5, 6, 4];
const GREEDY_MAX = 8;
/** The "longest source" of a model without a position table. */
const LONG_WITHOUT_TABLE = 64;
/** Sources up to this long are also decoded by the search of src/decode over `step`. */
const SEARCHED_UP_TO = 64;

const EXECUTORS: readonly (readonly [string, BackendModelOptions])[] = [
  ["interpreter", { backend: "interp" }],
  ["tfjs cpu", { backend: "tfjs", tfBackend: "cpu" }],
  ["tfjs wasm", { backend: "tfjs", tfBackend: "wasm" }],
  ["ORT", { backend: "ort" }],
];

interface Row {
  source: string;
  src: number[];
  /** The start of the message every executor must give; undefined: it runs. */
  error?: RegExp;
}

const ids = (n: number) => Array.from({ length: n }, (_, i) => 4 + (i % 12));

function rows(module: IrModule): Row[] {
  const max = module.config.maxLength;
  const base: Row[] = [
    { source: "normal", src: [4, 5, 6, 7, 3, 9] },
    { source: "a single token", src: [7] },
    { source: "all padding", src: [0, 0, 0] },
  ];
  if (max === undefined)
    return [
      ...base,
      { source: `long (${LONG_WITHOUT_TABLE}, no table)`, src: ids(LONG_WITHOUT_TABLE) },
    ];
  return [
    ...base,
    { source: `maximum length (${max})`, src: ids(max) },
    {
      source: `maximum length + 1 (${max + 1})`,
      src: ids(max + 1),
      error: new RegExp(
        `^InputLengthError: the source has ${max + 1} tokens, but the model reads at most ${max} `,
      ),
    },
  ];
}

type Outcome =
  { logits: ArrayLike<number>; greedy: number[]; searched: number[] } | { error: string };

/** Every row on one executor; any error is recorded by name and message, not thrown. */
async function outcomes(module: IrModule, options: BackendModelOptions): Promise<Outcome[]> {
  const opened = await openBackendModel(module, initWeights(module, 11), options);
  if ("error" in opened) throw new Error(opened.error);
  const m = opened.model;
  const out: Outcome[] = [];
  try {
    for (const row of rows(module)) {
      try {
        const logits = (await m.logits(row.src, TGT_IN)).data as Float32Array;
        const own = await m.greedy(row.src, GREEDY_MAX);
        // The search encodes again: on a long source (~4 s on tfjs cpu) the rows up to
        // the limit check it, and the table holds the backend's own greedy twice.
        const searched =
          row.src.length > SEARCHED_UP_TO
            ? own
            : (await greedy(m.step, [row.src], { maxLength: GREEDY_MAX }))[0]!.tokens;
        out.push({ logits: Float32Array.from(logits), greedy: own, searched });
      } catch (e) {
        out.push({ error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) });
      }
    }
  } finally {
    m.dispose();
  }
  return out;
}

describe("every spec × every source: the backends agree or give the same error", () => {
  test.each(specModules().map((m) => [m.model, m] as const))(
    "%s",
    async (_, module) => {
      const table = rows(module);
      const results: Outcome[][] = [];
      // One executor at a time: tfjs runs every model on its one global backend.
      for (const [, options] of EXECUTORS) results.push(await outcomes(module, options));
      const [ref, ...others] = results;
      const mismatches: string[] = [];
      table.forEach((row, i) => {
        const want = ref![i]!;
        if (
          row.error === undefined
            ? "error" in want
            : !("error" in want && row.error.test(want.error))
        )
          mismatches.push(
            `interpreter, ${row.source}: ${JSON.stringify("error" in want ? want.error : "ran")}`,
          );
        if (!("error" in want))
          if (JSON.stringify(want.searched) !== JSON.stringify(want.greedy))
            mismatches.push(
              `interpreter, ${row.source}: search ${want.searched}, greedy ${want.greedy}`,
            );
        others.forEach((o, k) => {
          const name = EXECUTORS[k + 1]![0];
          const got = o[i]!;
          if ("error" in want || "error" in got) {
            const a = "error" in want ? want.error : "ran";
            const b = "error" in got ? got.error : "ran";
            if (a !== b) mismatches.push(`${name}, ${row.source}: ${b}; the interpreter: ${a}`);
            return;
          }
          const err = relativeError(got.logits, want.logits);
          if (!(err < TOLERANCE)) mismatches.push(`${name}, ${row.source}: logits off by ${err}`);
          for (const key of ["greedy", "searched"] as const)
            if (JSON.stringify(got[key]) !== JSON.stringify(want[key]))
              mismatches.push(
                `${name}, ${row.source}: ${key} ${got[key]}, the interpreter ${want[key]}`,
              );
        });
      });
      expect(mismatches).toEqual([]);
    },
    300_000,
  );
});
