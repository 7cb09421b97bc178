/**
 * tfjs-backend-wasm has no `UnsortedSegmentSum` kernel, and tf.gather's gradient (so
 * tf.layers.embedding's, and any hand-written embedding lookup's) needs it: stock code
 * fails on wasm with "Kernel 'UnsortedSegmentSum' not registered for backend 'wasm'".
 * A TensorFlow.js user training on wasm has to supply one; this is the smallest such
 * fix (a plain JavaScript kernel, registered once), used by both peers. s2sc needs none:
 * its Gather lowering carries its own gradient (src/runtime/lib/tensor.ts).
 *
 * The embedding gradients it computes are small ([B·T, embed] rows into [vocab, embed]),
 * so the kernel is a negligible share of a training step (see the peers group's notes).
 */
import * as tf from "@tensorflow/tfjs";

interface WasmBackendLike {
  readSync(dataId: unknown): ArrayLike<number>;
  makeOutput(
    shape: number[],
    dtype: tf.DataType,
    memoryOffset?: number,
    values?: Float32Array,
  ): tf.TensorInfo;
}

let registered = false;

export function registerWasmSegmentSum(): void {
  if (registered || tf.getKernel("UnsortedSegmentSum", "wasm") !== undefined) return;
  registered = true;
  tf.registerKernel({
    kernelName: "UnsortedSegmentSum",
    backendName: "wasm",
    kernelFunc: ({ inputs, backend, attrs }) => {
      const { x, segmentIds } = inputs as { x: tf.TensorInfo; segmentIds: tf.TensorInfo };
      const n = (attrs as unknown as { numSegments: number }).numSegments;
      const b = backend as unknown as WasmBackendLike;
      const xs = b.readSync(x.dataId);
      const ids = b.readSync(segmentIds.dataId);
      const rows = ids.length;
      const width = rows === 0 ? 0 : xs.length / rows;
      const out = new Float32Array(n * width);
      for (let r = 0; r < rows; r++) {
        const s = ids[r]!;
        if (s < 0 || s >= n) continue;
        for (let j = 0; j < width; j++) out[s * width + j]! += xs[r * width + j]!;
      }
      return b.makeOutput([n, ...x.shape.slice(segmentIds.shape.length)], x.dtype, undefined, out);
    },
  });
}
