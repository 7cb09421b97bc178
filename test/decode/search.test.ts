import { describe, expect, it } from "vitest";
import { InterpModel } from "../../src/backends/interp/model.js";
import { recordingIo } from "../../src/cli/io.js";
import { loadModule } from "../../src/cli/load-module.js";
import { interpStepModel } from "../../src/decode/interp.js";
import { beamSearch, greedy, logSoftmax, sequenceLogProb } from "../../src/decode/search.js";
import type { StepModel } from "../../src/decode/step-model.js";

const SPECS = [
  "specs/tiny/attn_dot.s2s",
  "specs/tiny/transformer_tiny.s2s",
  "specs/tiny/attn_additive.s2s",
  "specs/tiny/lstm_seq2seq.s2s",
];

function model(spec: string, seed = 3) {
  const loaded = loadModule(recordingIo(process.cwd()), spec);
  if (!("module" in loaded)) throw new Error(`cannot load ${spec}`);
  const interp = InterpModel.fromSeed(loaded.module, seed);
  return { interp, step: interpStepModel(interp) };
}

const SOURCES = [
  [4, 5, 6, 7],
  [9, 8, 7, 6, 5, 4],
  [10, 11],
];

/** Greedy by re-running the full teacher-forced decoder on the growing prefix. */
async function greedyByFullDecoder<S>(
  m: StepModel<S>,
  src: number[],
  limit: number,
): Promise<number[]> {
  const { pad, bos, eos } = m.specials;
  const out: number[] = [];
  for (let t = 0; t <= limit; t++) {
    const { logits, T } = await m.teacherForced!([src], [[bos, ...out]]);
    const V = m.vocab;
    const row = logSoftmax(logits.subarray((T - 1) * V, T * V));
    let best = -1;
    for (let v = 0; v < V; v++)
      if (v !== pad && v !== bos && (best < 0 || row[v]! > row[best]!)) best = v;
    if (best === eos || t === limit) break;
    out.push(best);
  }
  return out;
}

describe.each(SPECS)("decoding %s", (spec) => {
  const { interp, step } = model(spec);
  const maxLength = 6;

  it("greedy matches the interpreter's greedy and the full decoder re-run", async () => {
    const hyps = await greedy(step, SOURCES, { maxLength });
    expect(hyps.map((h) => h.tokens)).toEqual(interp.greedy(SOURCES, maxLength));
    for (const [i, src] of SOURCES.entries()) {
      expect(hyps[i]!.tokens).toEqual(await greedyByFullDecoder(step, src, maxLength));
    }
  });

  it("greedy's score is the teacher-forced log-probability", async () => {
    const [h] = await greedy(step, [SOURCES[0]!], { maxLength });
    const lp = await sequenceLogProb(step, SOURCES[0]!, h!.tokens, h!.finished);
    expect(h!.logProb).toBeCloseTo(lp, 3);
  });

  it("beam 1 equals greedy", async () => {
    const g = await greedy(step, SOURCES, { maxLength });
    for (const [i, src] of SOURCES.entries()) {
      const b = await beamSearch(step, src, { beam: 1, maxLength });
      expect(b.tokens).toEqual(g[i]!.tokens);
      expect(b.logProb).toBeCloseTo(g[i]!.logProb, 5);
    }
  });

  it("beam K never scores worse than greedy under the model", async () => {
    for (const src of SOURCES) {
      const [g] = await greedy(step, [src], { maxLength });
      for (const K of [2, 4]) {
        const b = await beamSearch(step, src, { beam: K, maxLength });
        const gs = await sequenceLogProb(step, src, g!.tokens, g!.finished);
        const bs = await sequenceLogProb(step, src, b.tokens, b.finished);
        expect(bs).toBeGreaterThanOrEqual(gs - 1e-4);
      }
    }
  });
});
