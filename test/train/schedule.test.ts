import { describe, expect, it } from "vitest";
import { learningRate, type TrainSettings } from "../../src/train/settings.js";

type S = Pick<TrainSettings, "lr" | "schedule" | "warmup" | "steps">;
const rates = (s: S) => Array.from({ length: s.steps }, (_, i) => learningRate(s, i + 1));

describe("decaying learning-rate schedules", () => {
  const base = { lr: 0.001, warmup: 400, steps: 4000 };

  it.each(["linear", "cosine"] as const)("%s: warms up, peaks at lr, anneals to 0", (schedule) => {
    const r = rates({ ...base, schedule });
    expect(r[199]).toBeCloseTo(0.0005, 12); // step 200: half-way through warm-up
    expect(r[399]).toBeCloseTo(0.001, 12); // end of warm-up: the peak
    expect(Math.max(...r)).toBeCloseTo(0.001, 12);
    expect(r[3999]).toBe(0); // the last step
    // Never increases after warm-up, so the last updates are the smallest.
    for (let i = 400; i < r.length; i++) expect(r[i]).toBeLessThanOrEqual(r[i - 1]!);
  });

  it("linear: a straight line from the end of warm-up to the last step", () => {
    const s = { ...base, schedule: "linear" as const };
    expect(learningRate(s, 2200)).toBeCloseTo(0.0005, 12);
    expect(learningRate(s, 3100)).toBeCloseTo(0.00025, 12);
  });

  it("cosine: half a cosine, at half the peak half-way", () => {
    const s = { ...base, schedule: "cosine" as const };
    expect(learningRate(s, 2200)).toBeCloseTo(0.0005, 12);
    expect(learningRate(s, 1300)).toBeCloseTo(0.001 * 0.5 * (1 + Math.cos(Math.PI / 4)), 12);
  });

  it("stays at 0 past the last step and needs no warm-up", () => {
    const s = { lr: 0.01, warmup: 0, steps: 100, schedule: "linear" as const };
    expect(learningRate(s, 1)).toBeCloseTo(0.0099, 12);
    expect(learningRate(s, 150)).toBe(0);
    // All steps are warm-up: nothing left to decay over.
    expect(learningRate({ ...s, warmup: 100 }, 100)).toBeCloseTo(0.01, 12);
    expect(learningRate({ ...s, warmup: 100, schedule: "cosine" }, 120)).toBe(0);
  });
});
