/** The generated readings follow the numbers: reproduced or not, spreads, noise. */
import { describe, expect, it } from "vitest";
import { reading } from "../../src/node/experiment/reading.js";
import type { ExperimentResult } from "../../src/node/experiment/result.js";
import type { ModelResult } from "../../src/node/experiment/run.js";
import { DEFAULT_SETTINGS } from "../../src/train/settings.js";

function model(label: string, accs: number[], final: number, steps: number | null): ModelResult {
  return {
    label,
    spec: "x.s2s",
    model: label,
    params: 1000,
    curve: [
      {
        step: 100,
        trainLoss: 1,
        valLoss: 1,
        tokenAccuracy: final,
        sequenceAccuracy: final,
        elapsed: 1,
      },
    ],
    buckets: accs.map((a, i) => ({
      lo: 4 * i + 1,
      hi: 4 * i + 4,
      pairs: 200,
      sequenceAccuracy: a,
      tokenAccuracy: a,
      beyondTraining: i === accs.length - 1,
    })),
    stepsToThreshold: steps,
    seconds: 1,
  };
}

function result(models: ModelResult[], r: ExperimentResult["reading"]): ExperimentResult {
  return {
    file: "x.json",
    name: "x",
    title: "X",
    task: { name: "copy" },
    trainMax: 8,
    settings: DEFAULT_SETTINGS,
    seed: 0,
    evalEvery: 100,
    evalSize: 200,
    bucketPairs: 200,
    threshold: 0.99,
    plots: [],
    ...(r ? { reading: r } : {}),
    models,
    seconds: 1,
    jobs: 1,
  };
}

describe("readings", () => {
  it("says the length finding is reproduced when attention beats the baseline at the longest trained bucket", () => {
    const r = result(
      [model("plain", [0.9, 0.3, 0], 0.4, null), model("dot", [1, 0.98, 0.1], 0.99, 500)],
      { kind: "longest-bucket", baseline: "plain", margin: 0.2 },
    );
    const text = reading(r).join("\n");
    expect(text).toContain(
      "At the longest trained lengths (5–8), `plain` reaches 30.0%; `dot` 98.0%",
    );
    expect(text).toContain("**Reproduced:**");
    expect(text).toContain("Beyond the training lengths (9–12): `plain` 0.0% and `dot` 10.0%");
    expect(text).toContain("No model copes with lengths it never saw");
  });

  it("says it is not reproduced, and why, when a model falls short", () => {
    const r = result(
      [model("plain", [0.9, 0.5, 0], 0.6, null), model("additive", [0.5, 0.4, 0], 0.3, null)],
      { kind: "longest-bucket", baseline: "plain" },
    );
    const text = reading(r).join("\n");
    expect(text).toContain(
      "**Not reproduced** as stated: `additive` does not beat `plain` by 20 points",
    );
    expect(text).toContain("undertrained at this budget");
  });

  it("compares groups: spread, first to the threshold, and whether it exceeds noise", () => {
    const r = result(
      [
        model("h1", [1, 1, 1], 0.8, null),
        model("h4", [1, 1, 1], 1, 300),
        model("h4-learned", [1, 1, 1], 0.99, 400),
      ],
      {
        kind: "compare",
        groups: [
          { label: "Heads", models: ["h1", "h4"] },
          { label: "Positions", models: ["h4", "h4-learned"] },
        ],
      },
    );
    const [heads, positions] = reading(r);
    expect(heads).toContain("ranges from 80.0% (`h1`) to 100.0% (`h4`), a spread of 20.0 points");
    expect(heads).toContain("99.0% was reached first by `h4` (step 300); never by `h1`");
    expect(heads).toContain("larger than noise");
    expect(positions).toContain("within sampling noise (±7 points)");
  });

  it("calls a ranking inconclusive when a curve swings more than noise late in training", () => {
    const curve = (accs: number[]) =>
      accs.map((a, i) => ({
        step: 250 * (i + 1),
        trainLoss: 1,
        valLoss: 1,
        tokenAccuracy: a,
        sequenceAccuracy: a,
        elapsed: 1,
      }));
    const h1 = { ...model("h1", [1, 1, 1], 0, null), curve: curve([0.2, 0.6, 0.9, 0.935, 0.505]) };
    const h4 = { ...model("h4", [1, 1, 1], 0, null), curve: curve([0.2, 0.6, 0.8, 0.9, 0.985]) };
    const r = {
      ...result([h1, h4], { kind: "compare", groups: [{ label: "Heads", models: ["h1", "h4"] }] }),
      settings: { ...DEFAULT_SETTINGS, steps: 1250 },
    };
    const [heads] = reading(r);
    expect(heads).toContain(
      "The curves are unstable: `h1` fell from 93.5% to 50.5% between two evaluations in the second half of training (step 1250)",
    );
    expect(heads).toContain("the best values reached were `h1` 93.5% and `h4` 98.5%");
    expect(heads).toContain("inconclusive");
    expect(heads).not.toContain("larger than noise");
  });
});
