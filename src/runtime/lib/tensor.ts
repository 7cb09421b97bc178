/**
 * Helpers for ONNX data movement and products that tfjs spells differently:
 * numpy-style MatMul and Expand, Slice with negative bounds and steps, Gather with a
 * gradient that works on every backend, Trilu; and `prepared`, the per-weight cache of
 * tensors made from one weight alone.
 */
import * as tf from "@tensorflow/tfjs";
import { gelu } from "./nn.js";

type Tensor = tf.Tensor;

/** True when a gradient tape is recording (training, or any tf.grads). */
export function underTape(): boolean {
  return tf.engine().state.gradientDepth > 0;
}

interface PreparedEntry {
  dataId: object;
  tensors: Record<string, Tensor>;
}

const preparedCache = new WeakMap<Tensor, PreparedEntry>();

/**
 * A tensor computed from one weight alone (a transposed copy), made once per value of
 * the weight and kept until the weight changes (an assign gives a tf.Variable a new
 * dataId) or releasePrepared: tfjs-wasm caches XNNPACK's packing of a matmul's right
 * operand by its data, so a copy made per call (a decode step is one call) is a new
 * operand to pack every time. Under a tape it is made inline, so gradients reach the
 * weight. Only for weights (LowerContext.isWeight): a per-call tensor as the key would
 * keep its copy until released.
 */
export function prepared(weight: Tensor, tag: string, make: () => Tensor): Tensor {
  if (underTape()) return make();
  let entry = preparedCache.get(weight);
  if (entry === undefined || entry.dataId !== weight.dataId) {
    if (entry !== undefined) tf.dispose(Object.values(entry.tensors));
    entry = { dataId: weight.dataId, tensors: {} };
    preparedCache.set(weight, entry);
  }
  let t = entry.tensors[tag];
  if (t === undefined) {
    // Kept from the caller's tidy: the copy outlives this call.
    t = tf.keep(tf.tidy(make));
    entry.tensors[tag] = t;
  }
  return t;
}

/** Disposes what prepared() kept for these weights. */
export function releasePrepared(weights: Iterable<Tensor>): void {
  for (const w of weights) {
    const entry = preparedCache.get(w);
    if (entry === undefined) continue;
    tf.dispose(Object.values(entry.tensors));
    preparedCache.delete(w);
  }
}

/** The numpy broadcast of two shapes (ONNX's multidirectional broadcasting). */
export function broadcastShape(a: readonly number[], b: readonly number[]): number[] {
  const rank = Math.max(a.length, b.length);
  const out: number[] = [];
  for (let i = 0; i < rank; i++) {
    const x = i < rank - a.length ? 1 : a[i - rank + a.length]!;
    const y = i < rank - b.length ? 1 : b[i - rank + b.length]!;
    if (x !== y && x !== 1 && y !== 1) {
      throw new Error(`shapes [${a.join(",")}] and [${b.join(",")}] do not broadcast`);
    }
    out.push(x === 1 ? y : x);
  }
  return out;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * A 2-D matrix product. On tfjs-backend-wasm its gradient multiplies by explicit
 * transposes: a plain product runs on XNNPACK, while a transposed one (what tf.matMul's
 * own gradient asks for) takes a path 10 to 30 times slower. Other backends take
 * transposed operands directly, where the copies would be pure overhead.
 */
const mmExplicitGrad = tf.customGrad((...args) => {
  const [a, b, save] = args as [Tensor, Tensor, tf.GradSaveFunc];
  save([a, b]);
  return {
    value: tf.matMul(a, b),
    gradFunc: (dy: Tensor, [sa, sb]: Tensor[]) => [
      tf.matMul(dy, tf.transpose(sb!)),
      tf.matMul(tf.transpose(sa!), dy),
    ],
  };
});

export function mm(a: Tensor, b: Tensor): Tensor {
  return tf.getBackend() === "wasm" ? mmExplicitGrad(a, b) : tf.matMul(a, b);
}

/**
 * ONNX MatMul (numpy semantics). A 2-D right operand (a weight) gives one large GEMM
 * over all leading dims; batched operands broadcast their batch dims.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  if (a.rank === 1 || b.rank === 1) {
    let y = matmul(
      a.rank === 1 ? tf.reshape(a, [1, a.shape[0]!]) : a,
      b.rank === 1 ? tf.reshape(b, [b.shape[0]!, 1]) : b,
    );
    if (b.rank === 1) y = tf.squeeze(y, [y.rank - 1]);
    if (a.rank === 1) y = tf.squeeze(y, [y.rank - (b.rank === 1 ? 1 : 2)]);
    return y;
  }
  if (b.rank === 2) {
    if (a.rank === 2) return mm(a, b);
    const lead = a.shape.slice(0, -1);
    const rows = lead.reduce((n, d) => n * d, 1);
    const y = mm(tf.reshape(a, [rows, a.shape[a.rank - 1]!]), b);
    return tf.reshape(y, lead.concat([b.shape[1]!]));
  }
  const batch = broadcastShape(a.shape.slice(0, -2), b.shape.slice(0, -2));
  const full = (t: Tensor): Tensor => {
    const shape = batch.concat(t.shape.slice(-2));
    return sameShape(t.shape, shape) ? t : tf.broadcastTo(t, shape);
  };
  return tf.matMul(full(a), full(b));
}

/**
 * The activations s2s FusedMatMul names. Outside a gradient tape, a 2-D weight with no
 * activation, relu or sigmoid goes to tf.fused.matMul (EPILOGUES): one kernel, whose
 * bias and activation run in the GEMM's epilogue (XNNPACK's on wasm) instead of two
 * more passes over the product.
 */
const FUSED_ACTIVATIONS: Record<string, (t: Tensor) => Tensor> = {
  "": (t) => t,
  relu: (t) => tf.relu(t),
  sigmoid: (t) => tf.sigmoid(t),
  tanh: (t) => tf.tanh(t),
  gelu: (t) => gelu(t, "none"),
};
const EPILOGUES: Record<string, tf.fused.Activation | undefined> = {
  "": "linear",
  relu: "relu",
  sigmoid: "sigmoid",
};

/**
 * s2s FusedMatMul: Split(act(A·B' + bias), splits, last axis), B' = Bᵀ when transB.
 * Always a list of outputs. Under a tape the product goes through matmul (see mm):
 * tf.fused.matMul's gradient multiplies by transposed operands, and it has no tanh or
 * gelu epilogue.
 */
export function fusedMatMul(
  a: Tensor,
  b: Tensor,
  bias: Tensor | undefined,
  transB: boolean,
  activation: string,
  splits?: number[],
): Tensor[] {
  const w = transB ? tf.transpose(b) : b;
  const epilogue = EPILOGUES[activation];
  let y: Tensor;
  if (epilogue !== undefined && b.rank === 2 && a.rank >= 2 && !underTape()) {
    const lead = a.shape.slice(0, -1);
    const rows = lead.reduce((n, d) => n * d, 1);
    const a2 = a.rank === 2 ? a : tf.reshape(a, [rows, a.shape[a.rank - 1]!]);
    y = tf.fused.matMul({
      a: a2 as tf.Tensor2D,
      b: w as tf.Tensor2D,
      ...(bias === undefined ? {} : { bias }),
      activation: epilogue,
    });
    if (a.rank !== 2) y = tf.reshape(y, lead.concat([w.shape[1]!]));
  } else {
    y = matmul(a, w);
    if (bias !== undefined) y = tf.add(y, bias);
    const act = FUSED_ACTIVATIONS[activation];
    if (act === undefined) throw new Error(`FusedMatMul: unknown activation ${activation}`);
    y = act(y);
  }
  return splits === undefined ? [y] : tf.split(y, splits, -1);
}

/** ONNX Gemm: alpha·A'·B' + beta·C on 2-D operands. */
export function gemm(
  a: Tensor,
  b: Tensor,
  c: Tensor | undefined,
  alpha: number,
  beta: number,
  transA: boolean,
  transB: boolean,
): Tensor {
  let y: Tensor = tf.matMul(a, b, transA, transB);
  if (alpha !== 1) y = tf.mul(y, alpha);
  if (c === undefined) return y;
  return tf.add(y, beta === 1 ? c : tf.mul(c, beta));
}

/**
 * table[indices] along axis 0, with a gradient that sums the incoming rows back into
 * the table with ScatterNd. tf.gather's own gradient needs the UnsortedSegmentSum
 * kernel, which the wasm backend lacks; ScatterNd (which sums duplicate indices) exists
 * on every backend and costs the same O(rows · width).
 */
export const gatherRows: (table: Tensor, indices: Tensor) => Tensor = tf.customGrad((...args) => {
  const [table, indices, save] = args as [Tensor, Tensor, tf.GradSaveFunc];
  save([indices]);
  return {
    value: tf.gather(table, indices),
    gradFunc: (dy: Tensor, [saved]: Tensor[]) => {
      const at = tf.reshape(saved!, [saved!.size, 1]);
      const rows = tf.reshape(dy, [saved!.size].concat(table.shape.slice(1)));
      return [tf.scatterND(at, rows, table.shape), tf.zerosLike(saved!)];
    },
  };
});

const hostTables = new WeakMap<object, tf.TypedArray>();

/**
 * table[indices] for a 2-D float table on wasm outside a tape, copied on the host:
 * wasm's GatherV2 moves one element at a time (2 ms for 1,024 rows of 64 here, an
 * eighth of a small Transformer's forward), while the rows are contiguous runs a
 * Float32Array copies at memory speed. The table's host copy is kept per tensor
 * (a variable gets a new dataId when assigned, so an update is never served stale).
 * Undefined when an index is out of range: tf.gather then reports it.
 */
function gatherOnHost(x: Tensor, indices: Tensor): Tensor | undefined {
  let table = hostTables.get(x.dataId);
  if (table === undefined) {
    table = x.dataSync();
    hostTables.set(x.dataId, table);
  }
  const [rows, width] = x.shape as [number, number];
  const ids = indices.dataSync();
  const out = new Float32Array(ids.length * width);
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i]!;
    const r = id < 0 ? id + rows : id;
    if (!(r >= 0 && r < rows)) return undefined;
    out.set(table.subarray(r * width, (r + 1) * width), i * width);
  }
  return tf.tensor(out, indices.shape.concat([width]), "float32");
}

/**
 * ONNX Gather along any axis (negative indices count from the end): the axis is moved
 * first, gathered, and moved back.
 */
export function gather(x: Tensor, indices: Tensor, axis: number): Tensor {
  if (
    axis === 0 &&
    x.rank === 2 &&
    x.dtype === "float32" &&
    x.size <= 1 << 24 &&
    tf.getBackend() === "wasm" &&
    !underTape()
  ) {
    const y = gatherOnHost(x, indices);
    if (y !== undefined) return y;
  }
  const at = tf.where(
    tf.less(indices, tf.scalar(0, "int32")),
    tf.add(indices, tf.scalar(x.shape[axis]!, "int32")),
    indices,
  );
  if (axis === 0) return gatherRows(x, at);
  const rest = x.shape.map((_, i) => i).filter((i) => i !== axis);
  const moved = gatherRows(tf.transpose(x, [axis].concat(rest)), at);
  const back: number[] = [];
  for (let i = 0; i < axis; i++) back.push(at.rank + i);
  for (let i = 0; i < at.rank; i++) back.push(i);
  for (let i = axis; i < rest.length; i++) back.push(at.rank + i);
  return tf.transpose(moved, back);
}

/**
 * ONNX Slice: [start, end) with a step along each listed axis; negative bounds count
 * from the end and are clamped as ONNX specifies. Steps other than 1 gather the chosen
 * indices (tfjs's stridedSlice has no gradient).
 */
export function slice(
  x: Tensor,
  starts: readonly number[],
  ends: readonly number[],
  axes: readonly number[],
  steps: readonly number[],
): Tensor {
  const begin = x.shape.map(() => 0);
  const size = x.shape.slice();
  const strided: [number, number[]][] = [];
  axes.forEach((axis, i) => {
    const dim = x.shape[axis]!;
    const step = steps[i]!;
    const lo = step > 0 ? 0 : -1;
    const hi = step > 0 ? dim : dim - 1;
    const clamp = (v: number) => Math.min(hi, Math.max(lo, v < 0 ? v + dim : v));
    const s = clamp(starts[i]!);
    const e = clamp(ends[i]!);
    if (step === 1) {
      begin[axis] = s;
      size[axis] = Math.max(0, e - s);
    } else {
      const picked: number[] = [];
      for (let j = s; step > 0 ? j < e : j > e; j += step) picked.push(j);
      strided.push([axis, picked]);
    }
  });
  let y = tf.slice(x, begin, size);
  for (const [axis, picked] of strided) y = gather(y, tf.tensor1d(picked, "int32"), axis);
  return y;
}

/** ONNX Unsqueeze with several axes (already normalised against the output rank). */
export function unsqueeze(x: Tensor, axes: readonly number[]): Tensor {
  const shape: number[] = [];
  let k = 0;
  for (let i = 0; i < x.rank + axes.length; i++) shape.push(axes.includes(i) ? 1 : x.shape[k++]!);
  return tf.reshape(x, shape);
}

/** ONNX Expand: broadcasts x and the shape against each other (both ways). */
export function expand(x: Tensor, shape: readonly number[]): Tensor {
  const target = broadcastShape(x.shape, shape);
  return sameShape(x.shape, target) ? x : tf.broadcastTo(x, target);
}

/** ONNX Trilu: keeps j − i ≥ k (upper) or j − i ≤ k (lower) of the last two axes. */
export function trilu(x: Tensor, k: number, upper: boolean): Tensor {
  const [rows, cols] = x.shape.slice(-2) as [number, number];
  const diff = tf.sub(
    tf.reshape(tf.range(0, cols, 1, "int32"), [1, cols]),
    tf.reshape(tf.range(0, rows, 1, "int32"), [rows, 1]),
  );
  const keep = upper
    ? tf.greaterEqual(diff, tf.scalar(k, "int32"))
    : tf.lessEqual(diff, tf.scalar(k, "int32"));
  return tf.where(keep, x, tf.zerosLike(x));
}

/**
 * The slices of x along an axis. A single slice is a squeeze: tfjs's Unpack gradient
 * breaks when Unpack has one output (it receives a tensor where it expects a list).
 * The axis is moved to the front first (one transpose), so that each slice is one
 * contiguous run: a slice along a later axis is strided, and tfjs-cpu copies it
 * element by element (the dates model's forward pass on cpu went from 0.77× to 1.1×
 * the tf.layers peer's speed). On wasm, Unpack slices, and every wasm Slice first
 * copies its whole input out of wasm memory, so n slices cost n full copies. Outside a
 * tape the slices are cut from one host copy instead; under a tape (where the slices
 * need a gradient) the rows of an [n, rest] matrix are gathered, which costs only the
 * rows (a recurrent layer's steps: a dates training step went from 245 to 152 ms at
 * batch 64).
 */
export function unstack(x: Tensor, axis: number): Tensor[] {
  const n = x.shape[axis]!;
  if (n === 1) return [tf.squeeze(x, [axis])];
  const perm = x.shape.map((_, i) => i);
  perm.splice(axis, 1);
  perm.unshift(axis);
  const front = axis === 0 ? x : tf.transpose(x, perm);
  if (tf.getBackend() !== "wasm" || x.dtype !== "float32") return tf.unstack(front, 0);
  const rest = front.shape.slice(1);
  if (!underTape()) {
    // Outside a tape, one read of the whole input and a tensor per slice from the host
    // copy: wasm's GatherV2 moves one element at a time (a dates encoder's 20 steps of
    // [64, 256] took 10 ms gathered, 0.7 ms this way).
    const data = front.dataSync();
    const size = front.size / n;
    return Array.from({ length: n }, (_, t) =>
      tf.tensor(data.subarray(t * size, (t + 1) * size), rest, "float32"),
    );
  }
  const flat = tf.reshape(front, [n, front.size / n]);
  return Array.from({ length: n }, (_, t) =>
    tf.reshape(gatherRows(flat, tf.tensor1d([t], "int32")), rest),
  );
}

/** Stacks a Scan's per-step outputs along their output axis. */
export function stackSteps(steps: Tensor[], axis: number): Tensor {
  if (steps.length === 0)
    throw new Error("Scan ran zero steps, so its stacked outputs have no shape");
  return tf.stack(steps, axis);
}
