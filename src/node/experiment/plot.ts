/**
 * The experiment plots: Vega-Lite specifications compiled with `vega-lite` and rendered
 * to SVG headless by `vega` (renderer "none": no canvas or browser needed). Each
 * function returns the Vega-Lite spec (kept for tests and for anyone who wants to
 * restyle it) and `renderSvg` turns one into SVG text. vega and vega-lite are large and
 * only rendering needs them, so they are imported on first use: loading the CLI (or
 * building the specs) does not load them.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ExperimentResult } from "./result.js";

const CONFIG = {
  font: "Helvetica, Arial, sans-serif",
  view: { stroke: "#ddd" },
  axis: { labelFontSize: 11, titleFontSize: 12, gridColor: "#eee" },
  legend: { labelFontSize: 11, titleFontSize: 12 },
  title: { fontSize: 14, anchor: "start" as const },
};

const accuracyAxis = { title: "exact match (greedy)", format: ".0%" };

/** Exact-match accuracy per length bucket, one line per model. */
export function accuracyByLength(r: ExperimentResult): TopLevelSpec {
  const values = r.models.flatMap((m) =>
    m.buckets
      .filter((b) => b.sequenceAccuracy !== null)
      .map((b) => ({
        model: m.label,
        length: (b.lo + b.hi) / 2,
        bucket: b.lo === b.hi ? `${b.lo}` : `${b.lo}–${b.hi}`,
        accuracy: b.sequenceAccuracy,
      })),
  );
  const line = {
    mark: { type: "line" as const, point: true },
    encoding: {
      x: {
        field: "length",
        type: "quantitative" as const,
        title: "source length (bucket midpoint)",
        scale: { zero: false },
      },
      y: {
        field: "accuracy",
        type: "quantitative" as const,
        axis: accuracyAxis,
        scale: { domain: [0, 1] },
      },
      color: { field: "model", type: "nominal" as const, sort: r.models.map((m) => m.label) },
      tooltip: [{ field: "model" }, { field: "bucket" }, { field: "accuracy", format: ".1%" }],
    },
  };
  const layers: TopLevelSpec[] = [line as unknown as TopLevelSpec];
  if (r.trainMax !== undefined && r.models.some((m) => m.buckets.some((b) => b.beyondTraining))) {
    // A dashed rule where the training lengths end: right of it is extrapolation.
    const edge = { data: { values: [{ x: r.trainMax + 0.5, label: "longest trained" }] } };
    layers.push({
      ...edge,
      mark: { type: "rule", strokeDash: [4, 4], color: "#888" },
      encoding: { x: { field: "x", type: "quantitative" } },
    } as unknown as TopLevelSpec);
    layers.push({
      ...edge,
      mark: { type: "text", align: "right", dx: -4, dy: 6, color: "#666", baseline: "top" },
      encoding: {
        x: { field: "x", type: "quantitative" },
        y: { datum: 1, type: "quantitative" },
        text: { field: "label" },
      },
    } as unknown as TopLevelSpec);
  }
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `${r.title}: accuracy by source length`,
    width: 480,
    height: 280,
    config: CONFIG,
    data: { values },
    layer: layers,
  } as unknown as TopLevelSpec;
}

/** Validation exact match at each periodic evaluation, one line per model. */
export function accuracyByStep(r: ExperimentResult): TopLevelSpec {
  const values = r.models.flatMap((m) =>
    m.curve.map((p) => ({ model: m.label, step: p.step, accuracy: p.sequenceAccuracy })),
  );
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `${r.title}: validation accuracy during training`,
    width: 480,
    height: 280,
    config: CONFIG,
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "step", type: "quantitative", title: "training step" },
      y: {
        field: "accuracy",
        type: "quantitative",
        axis: accuracyAxis,
        scale: { domain: [0, 1] },
      },
      color: { field: "model", type: "nominal", sort: r.models.map((m) => m.label) },
    },
  } as TopLevelSpec;
}

/** Final validation exact match per model, as labelled bars. */
export function finalAccuracy(r: ExperimentResult): TopLevelSpec {
  const values = r.models.map((m) => ({
    model: m.label,
    accuracy: m.curve.at(-1)?.sequenceAccuracy ?? 0,
  }));
  const x = {
    field: "model",
    type: "nominal",
    sort: r.models.map((m) => m.label),
    axis: { labelAngle: 0 },
  };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: `${r.title}: final validation accuracy`,
    width: { step: 70 },
    height: 240,
    config: CONFIG,
    data: { values },
    encoding: {
      x,
      y: {
        field: "accuracy",
        type: "quantitative",
        axis: accuracyAxis,
        scale: { domain: [0, 1] },
      },
    },
    layer: [
      { mark: { type: "bar", color: "#4c78a8" } },
      {
        mark: { type: "text", dy: -6, fontSize: 11 },
        encoding: { text: { field: "accuracy", format: ".1%" } },
      },
    ],
  } as unknown as TopLevelSpec;
}

export const PLOTS = {
  "accuracy-by-length": accuracyByLength,
  "accuracy-by-step": accuracyByStep,
  "final-accuracy": finalAccuracy,
} as const;

/** Vega-Lite → Vega → SVG text, headless. */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, { compile }] = await Promise.all([import("vega"), import("vega-lite")]);
  const view = new vega.View(vega.parse(compile(spec).spec), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
