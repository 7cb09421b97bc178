/**
 * Large optional parts are imported where they are used, so loading the CLI does not
 * load them: with vega, vega-lite, @viz-js/viz and onnxruntime-node all absent, a
 * command that does not render plots, lay out SVG or run ONNX Runtime works (one child
 * process: loading the CLI loads every command's module).
 */
import { expect, test } from "vitest";
import { s2scWithout } from "../without-packages.js";

const LAZY = ["vega", "vega-lite", "@viz-js/viz", "onnxruntime-node"];

test("the CLI loads without the lazily imported packages", { timeout: 60_000 }, () => {
  const r = s2scWithout(LAZY, ["check", "specs/tiny/attn_dot.s2s"]);
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
});
