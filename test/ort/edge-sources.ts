/**
 * The sources at the edges of masking, run through every executor and compared with the
 * interpreter: all padding (every attention row fully masked, so the context is zero —
 * docs/numerics.md), a single token, and each of them beside a full row of the same
 * batch (a fully masked row must not disturb its neighbours).
 */
import type { InterpModel } from "../../src/backends/interp/model.js";
import { interpStepModel } from "../../src/decode/interp.js";
import { greedy } from "../../src/decode/search.js";
import type { StepModel } from "../../src/decode/step-model.js";
import { relativeError } from "../tfjs/helpers.js";

export const EDGE_SOURCES: readonly (readonly [string, number[][]])[] = [
  ["all padding", [[0, 0, 0]]],
  ["a single token", [[7]]],
  [
    "all padding beside a full row",
    [
      [0, 0, 0],
      [4, 5, 6],
    ],
  ],
  [
    "a single token beside a full row",
    [
      [7, 0, 0],
      [4, 5, 6],
    ],
  ],
];

const TGT_ROW = [1, 5, 6, 4];
const GREEDY_MAX = 8;

/** What the comparison needs of an executor: teacher-forced logits and a StepModel. */
export interface Executor {
  readonly name: string;
  logits(src: number[][], tgtIn: number[][]): Promise<ArrayLike<number>>;
  readonly steps: StepModel<unknown>;
}

export function interpExecutor(ref: InterpModel): Executor {
  return {
    name: "interpreter",
    logits: async (src, tgtIn) => ref.decode(ref.encode(src), tgtIn).data,
    steps: interpStepModel(ref) as StepModel<unknown>,
  };
}

/** One line per disagreement with `ref`, and the largest relative logit error seen. */
export async function compareOnEdgeSources(
  ref: Executor,
  others: readonly Executor[],
  tolerance: number,
): Promise<{ mismatches: string[]; worst: number }> {
  const mismatches: string[] = [];
  let worst = 0;
  for (const [source, src] of EDGE_SOURCES) {
    const tgtIn = src.map(() => TGT_ROW);
    const expected = await ref.logits(src, tgtIn);
    const expectedTokens = await decodes(ref, src);
    for (const x of others) {
      const err = relativeError(await x.logits(src, tgtIn), expected);
      // NaN compares false both ways; it is a mismatch, and the worst error.
      if (!(err < tolerance)) mismatches.push(`${x.name}, ${source}: logits off by ${err}`);
      worst = Number.isNaN(err) ? NaN : Math.max(worst, err);
      const tokens = await decodes(x, src);
      if (JSON.stringify(tokens) !== JSON.stringify(expectedTokens))
        mismatches.push(
          `${x.name}, ${source}: greedy ${JSON.stringify(tokens)}, ` +
            `the ${ref.name} ${JSON.stringify(expectedTokens)}`,
        );
    }
  }
  return { mismatches, worst };
}

async function decodes(x: Executor, src: number[][]): Promise<number[][]> {
  const hyps = await greedy(x.steps, src, { maxLength: GREEDY_MAX });
  return hyps.map((h) => h.tokens);
}
