/**
 * The training session as a library: what it decides before allocating anything (the
 * plan: settings, resume checks, data), which data it chooses, and that a stop request
 * ends the run after the current step with a checkpoint.
 */
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadModel } from "../../src/api/load.js";
import { diskHost } from "../../src/node/disk-host.js";
import type { Checkpoint } from "../../src/train/checkpoint-data.js";
import { chooseData } from "../../src/train/data-choice.js";
import { planTraining, type PlanInput, type TrainingPlan } from "../../src/train/plan.js";
import type { TrainProblem } from "../../src/train/problem.js";
import { TrainingSession } from "../../src/train/session.js";
import { DEFAULT_SETTINGS, settingsFromSpec } from "../../src/train/settings.js";
import { dropoutRatios } from "./dropout-ratios.js";

const repo = resolve(import.meta.dirname, "../..");

function load(spec: string) {
  const r = loadModel(diskHost(repo), spec);
  if (r.model === undefined || r.module === undefined) throw new Error(`${spec} does not load`);
  return { checked: r.model, module: r.module };
}

const tiny = load("test/experiment/fixtures/dropped.s2s");
const task = {
  kind: "task",
  task: "reverse",
  options: { minLength: 2, maxLength: 4, symbols: 4 },
} as const;
const input = (more: Partial<PlanInput> = {}): PlanInput => ({ ...tiny, data: task, ...more });

function planned(p: TrainingPlan | TrainProblem): TrainingPlan {
  if ("fault" in p) throw new Error(p.message);
  return p;
}

/** A checkpoint of `tiny` at step 2 (weights of the right names and shapes). */
function checkpointOf(plan: TrainingPlan, more: Partial<Checkpoint> = {}): Checkpoint {
  const weights = new Map(
    tiny.module.params.map((p) => [
      p.name,
      { dims: [...p.shape], data: new Float32Array(p.shape.reduce((a, b) => a * b, 1)) },
    ]),
  );
  return {
    model: tiny.module.model,
    step: 2,
    position: plan.data.position(2),
    seed: 5,
    settings: plan.settings,
    data: plan.data.source,
    tokenizer: "char",
    srcVocab: plan.data.srcVocab,
    tgtVocab: plan.data.tgtVocab,
    weights,
    optimizer: { t: 2, m: new Map(), v: new Map() },
    elapsed: 1,
    ...more,
  };
}

describe("planTraining", () => {
  it("takes the spec's settings, a base in their place, and overrides on top", () => {
    expect(planned(planTraining(input())).settings).toEqual(settingsFromSpec(tiny.checked));
    const base = { ...DEFAULT_SETTINGS, steps: 7, lr: 0.5 };
    const p = planned(planTraining(input({ base, overrides: { lr: 0.25, steps: undefined } })));
    expect(p.settings).toEqual({ ...base, lr: 0.25 });
  });

  it("trains the spec's dropout rates unless the settings name one", () => {
    const spec = dropoutRatios(tiny.module);
    expect(spec.length).toBeGreaterThan(0);
    const unset = planTraining(input({ base: DEFAULT_SETTINGS }));
    expect(planned(unset).trained).toBe(tiny.module);
    // A spec's train.dropout inherits the model's `dropout`.
    expect(dropoutRatios(planned(planTraining(input())).trained)).toEqual(spec);
    const p = planned(planTraining(input({ overrides: { dropout: 0.3 } })));
    expect(dropoutRatios(p.trained)).toEqual(spec.map(() => 0.3));
    expect(p.module).toBe(tiny.module);
    expect(planTraining(input({ overrides: { dropout: 1 } }))).toEqual({
      fault: "usage",
      message: "--dropout: the rate must be in [0, 1), got 1",
    });
  });

  it("resumes a checkpoint with its settings, seed and vocabularies", () => {
    const fresh = planned(planTraining(input()));
    const resume = checkpointOf(fresh, { settings: { ...fresh.settings, lr: 0.125 } });
    const p = planned(planTraining(input({ resume, seed: 9, overrides: { steps: 50 } })));
    expect(p.seed).toBe(5);
    expect(p.settings).toEqual({ ...fresh.settings, lr: 0.125, steps: 50 });
    expect(p.data.srcVocab).toBe(resume.srcVocab);
  });

  it("refuses a checkpoint of another model, other shapes or another batch size", () => {
    const fresh = planned(planTraining(input()));
    const run = "runs/x";
    expect(planTraining(input({ run, resume: checkpointOf(fresh, { model: "other" }) }))).toEqual({
      fault: "input",
      message: "runs/x holds a checkpoint of model `other`, not `dropped`",
    });
    const bad = checkpointOf(fresh);
    const [name, w] = [...bad.weights][0]!;
    bad.weights.set(name, { dims: [w.dims[0]! + 1, ...w.dims.slice(1)], data: w.data });
    const shapes = planTraining(input({ run, resume: bad }));
    expect(shapes).toMatchObject({ fault: "input" });
    expect((shapes as TrainProblem).message).toMatch(/did the spec change since runs\/x/);
    const batch = planTraining(input({ resume: checkpointOf(fresh), overrides: { batchSize: 3 } }));
    expect(batch).toMatchObject({ fault: "usage" });
    expect((batch as TrainProblem).message).toMatch(/resuming needs the same data order/);
  });

  it("reports data that does not fit the model as an input problem", () => {
    const p = planTraining(input({ data: { ...task, options: { symbols: 40 } } }));
    expect(p).toMatchObject({ fault: "input" });
    expect((p as TrainProblem).message).toMatch(/raise `vocab` in the spec/);
  });
});

describe("chooseData", () => {
  const fromTask = {
    data: { kind: "task", task: "sort", options: { symbols: 6 } },
    tokenizer: "char",
  } as const;
  const fromFile = {
    data: { kind: "file", path: "d.tsv", tokenizer: "space" },
    tokenizer: "space",
  } as const;

  it("continues the checkpoint's data unless the options name other data", () => {
    expect(chooseData({ lengths: "3-5" }, fromTask, "r")).toEqual({
      kind: "task",
      task: "sort",
      options: { symbols: 6, minLength: 3, maxLength: 5 },
    });
    expect(chooseData({}, fromFile, "r")).toEqual({
      kind: "file",
      file: "d.tsv",
      tokenizer: "space",
    });
    expect(chooseData({ data: "e.tsv", valid: "v.tsv" }, undefined, "r")).toEqual({
      kind: "file",
      file: "e.tsv",
      valid: "v.tsv",
      tokenizer: "char",
    });
  });

  it("says what is wrong with the options", () => {
    expect(chooseData({ task: "copy", data: "d.tsv" }, undefined, "r")).toMatchObject({
      fault: "usage",
    });
    expect(chooseData({}, undefined, "r")).toMatchObject({ fault: "usage" });
    expect(chooseData({ task: "copy" }, fromTask, "runs/s")).toEqual({
      fault: "input",
      message: "runs/s was trained on task `sort`, not `copy`",
    });
    expect(chooseData({ task: "copy", lengths: "9-2" }, undefined, "r")).toMatchObject({
      fault: "usage",
    });
  });
});

describe("TrainingSession", () => {
  it("finishes the current step on stop() and hands over a checkpoint", async () => {
    const plan = planned(planTraining(input({ overrides: { steps: 10, batchSize: 4 } })));
    const saved: Checkpoint[] = [];
    const session = await TrainingSession.open(plan, {
      tfBackend: "cpu",
      evalEvery: 100,
      evalSize: 4,
      onCheckpoint: (c) => saved.push(c),
    });
    const steps: number[] = [];
    try {
      const r = await session.run({
        step: (i) => {
          steps.push(i.step);
          if (i.step === 2) session.stop();
        },
        evaluation: () => {},
      });
      expect(r).toMatchObject({ step: 2, stopped: true });
      expect(steps).toEqual([1, 2]);
      expect(saved.map((c) => [c.step, c.optimizer.t, c.model])).toEqual([[2, 2, "dropped"]]);
      expect(saved[0]!.weights.size).toBe(tiny.module.params.length);
    } finally {
      session.dispose();
    }
  }, 30_000);
});
