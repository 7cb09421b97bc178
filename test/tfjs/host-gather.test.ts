/**
 * The prelude's gather copies rows on the host for a 2-D float table on wasm outside a
 * tape (gatherOnHost in prelude/tensor.ts). It must equal tf.gather, count negative
 * indices from the end as ONNX does, follow a variable's assignment (its host copy is
 * kept per dataId), and leave the gradient path (under a tape) to gatherRows.
 */
import * as tf from "@tensorflow/tfjs";
import { describe, expect, test } from "vitest";
import { useTfBackendNode } from "../../src/node/tfjs-backend.js";
import { preludeFunction } from "./helpers.js";

type Gather = (x: tf.Tensor, indices: tf.Tensor, axis: number) => tf.Tensor;
const gather = preludeFunction<Gather>("gather");

describe("gather on the host (wasm)", () => {
  test("equals tf.gather, negative indices counted from the end", async () => {
    await useTfBackendNode("wasm");
    const table = tf.tensor2d(
      Array.from({ length: 40 }, (_, i) => i * 0.5),
      [10, 4],
    );
    const ids = tf.tensor2d([0, 9, -1, 3, -10, 5], [2, 3], "int32");
    const y = gather(table, ids, 0);
    expect(y.shape).toEqual([2, 3, 4]);
    const wrapped = tf.tensor2d([0, 9, 9, 3, 0, 5], [2, 3], "int32");
    expect(Array.from(y.dataSync())).toEqual(Array.from(tf.gather(table, wrapped).dataSync()));
    // The host path ran: no GatherV2 kernel.
    const profile = await tf.profile(() => void gather(table, ids, 0));
    expect(profile.kernelNames).not.toContain("GatherV2");
  });

  test("follows a variable's assignment", async () => {
    await useTfBackendNode("wasm");
    const v = tf.variable(tf.tensor2d([1, 2, 3, 4], [2, 2]));
    const ids = tf.tensor1d([1, 0], "int32");
    expect(Array.from(gather(v, ids, 0).dataSync())).toEqual([3, 4, 1, 2]);
    v.assign(tf.tensor2d([5, 6, 7, 8], [2, 2]));
    expect(Array.from(gather(v, ids, 0).dataSync())).toEqual([7, 8, 5, 6]);
  });

  test("under a tape the gradient reaches the table", async () => {
    await useTfBackendNode("wasm");
    const table = tf.tensor2d([1, 2, 3, 4, 5, 6], [3, 2]);
    const ids = tf.tensor1d([2, 2, 0], "int32");
    const g = tf.grad((t: tf.Tensor) => tf.sum(gather(t, ids, 0)))(table);
    expect(Array.from(g.dataSync())).toEqual([1, 1, 0, 0, 2, 2]);
  });
});
