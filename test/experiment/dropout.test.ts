/**
 * An experiment's `dropout` training setting means what `train { dropout }` and
 * `s2sc train --dropout` mean: every dropout layer drops at that rate while training.
 * (Experiments once built their own loop and silently trained with the specs' rates.)
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadExperiment, type Experiment } from "../../src/node/experiment/load.js";
import { checkModel, runModel } from "../../src/node/experiment/run.js";
import { dropoutRatios } from "../train/dropout-ratios.js";

const repo = resolve(import.meta.dirname, "../..");
const FILE = "test/experiment/fixtures/dropout.json";

const withDropout = (exp: Experiment, dropout: number | undefined): Experiment => {
  const { dropout: _, ...train } = exp.train;
  return { ...exp, train: dropout === undefined ? train : { ...train, dropout } };
};

describe("an experiment's dropout", () => {
  const exp = loadExperiment(resolve(repo, FILE), FILE);

  it("is the rate of every dropout layer of the model that trains", () => {
    const planned = checkModel(exp, 0, repo);
    if (!("plan" in planned)) throw new Error(`the fixture does not load: ${planned.label}`);
    expect(planned.plan.settings.dropout).toBe(0.5);
    const spec = dropoutRatios(planned.module);
    expect(spec.length).toBeGreaterThan(0);
    expect(spec.every((r) => r === 0.1)).toBe(true);
    expect(dropoutRatios(planned.plan.trained)).toEqual(spec.map(() => 0.5));

    const unset = checkModel(withDropout(exp, undefined), 0, repo);
    if (!("plan" in unset)) throw new Error("the fixture does not load");
    expect(dropoutRatios(unset.plan.trained)).toEqual(spec);
  });

  it("changes the training loss against dropout 0 at the same seed", async () => {
    const trainLoss = async (e: Experiment) =>
      (await runModel(e, 0, { cwd: repo, tfBackend: "cpu" })).curve.map((p) => p.trainLoss);
    const half = await trainLoss(exp);
    const none = await trainLoss(withDropout(exp, 0));
    expect(half).toHaveLength(2);
    expect(half).toEqual(await trainLoss(exp));
    expect(half[0]).not.toBeCloseTo(none[0]!, 4);
  }, 60_000);
});
