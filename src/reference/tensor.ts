/**
 * The interpreter's tensor: a dtype, dims and a flat row-major typed array.
 *
 * Storage per dtype:
 * - float32 → Float32Array. Kernels compute in JS doubles and round once on store, so
 *   every elementwise result is the correctly rounded float32 value.
 * - int32 → Int32Array. Stores wrap modulo 2^32, as int32 arithmetic does.
 * - int64 → Float64Array. Values are safe integers (|v| < 2^53), which doubles hold
 *   exactly; kernels keep them integral with Math.trunc. BigInt64Array would be exact
 *   beyond 2^53 but makes every kernel generic over bigint, for no value we need.
 * - bool → Uint8Array of 0/1.
 *
 * Tensors are immutable once a kernel has returned them: a kernel may hand back an
 * input (Identity) or share its data buffer (Reshape), so nobody may write to a
 * tensor it did not just allocate.
 */

export type DType = "float32" | "int32" | "int64" | "bool";

export type TensorData = Float32Array | Int32Array | Float64Array | Uint8Array;

export interface Tensor {
  readonly dtype: DType;
  readonly dims: readonly number[];
  readonly data: TensorData;
}

/** ONNX attribute values, without the TENSOR and GRAPH kinds. */
export type AttrValue = number | string | number[] | string[];

/** Number of elements of a shape (1 for a scalar `[]`). */
export function sizeOf(dims: readonly number[]): number {
  let n = 1;
  for (const d of dims) n *= d;
  return n;
}

/** Row-major strides in elements. */
export function stridesOf(dims: readonly number[]): number[] {
  const s = new Array<number>(dims.length);
  let acc = 1;
  for (let i = dims.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= dims[i]!;
  }
  return s;
}

export function allocData(dtype: DType, n: number): TensorData {
  switch (dtype) {
    case "float32":
      return new Float32Array(n);
    case "int32":
      return new Int32Array(n);
    case "int64":
      return new Float64Array(n);
    case "bool":
      return new Uint8Array(n);
  }
}

/** A zero-filled tensor. */
export function zeros(dtype: DType, dims: readonly number[]): Tensor {
  return { dtype, dims: [...dims], data: allocData(dtype, sizeOf(dims)) };
}

/** Wraps existing data; checks that its length and kind match. */
export function makeTensor(dtype: DType, dims: readonly number[], data: TensorData): Tensor {
  const n = sizeOf(dims);
  if (data.length !== n) {
    throw new Error(`tensor data has ${data.length} elements, dims [${dims.join(",")}] need ${n}`);
  }
  if (!(data instanceof allocData(dtype, 0).constructor)) {
    throw new Error(`tensor of dtype ${dtype} cannot hold a ${data.constructor.name}`);
  }
  return { dtype, dims: [...dims], data };
}

/**
 * Builds a tensor from plain numbers or booleans, converting as a store into the
 * dtype's array does (float32 rounds, int32 wraps; int64 values must be integers).
 */
export function fromValues(
  dtype: DType,
  dims: readonly number[],
  values: ArrayLike<number | boolean>,
): Tensor {
  const t = zeros(dtype, dims);
  if (values.length !== t.data.length) {
    throw new Error(`${values.length} values for dims [${dims.join(",")}]`);
  }
  for (let i = 0; i < values.length; i++) {
    const v = Number(values[i]);
    t.data[i] = dtype === "bool" ? (v !== 0 ? 1 : 0) : dtype === "int64" ? Math.trunc(v) : v;
  }
  return t;
}

export function scalar(dtype: DType, value: number): Tensor {
  return fromValues(dtype, [], [value]);
}

/** Same data, new dims (a view; see the immutability rule above). */
export function withDims(t: Tensor, dims: readonly number[]): Tensor {
  return makeTensor(t.dtype, dims, t.data);
}

/**
 * Keeps int64 results integers after arithmetic in doubles: truncates toward zero (a
 * mean, a quotient) and turns −0 into 0. Stores into an Int32Array do both by
 * themselves, so only int64 needs this. Returns `t`, which the caller just allocated.
 */
export function fixInt64(t: Tensor): Tensor {
  if (t.dtype !== "int64") return t;
  const d = t.data;
  for (let i = 0; i < d.length; i++) d[i] = Math.trunc(d[i]!) + 0;
  return t;
}

// ---- broadcasting (numpy rules) --------------------------------------------------

/**
 * The numpy broadcast of several shapes: align on the right; each dim pair must be
 * equal or one of them 1. Throws with both shapes on a mismatch.
 */
export function broadcastShapes(...shapes: (readonly number[])[]): number[] {
  const rank = Math.max(0, ...shapes.map((s) => s.length));
  const out = new Array<number>(rank).fill(1);
  for (const s of shapes) {
    for (let i = 0; i < s.length; i++) {
      const o = rank - s.length + i;
      const d = s[i]!;
      if (d === out[o]) continue;
      if (out[o] === 1) out[o] = d;
      else if (d !== 1) {
        throw new Error(
          `shapes ${shapes.map((x) => `[${x.join(",")}]`).join(" and ")} do not broadcast`,
        );
      }
    }
  }
  return out;
}

/**
 * For each element of `outDims` (row-major), the flat index of the element of a
 * tensor of `inDims` that broadcasts onto it. `inDims` must broadcast to `outDims`.
 * O(size) memory, but simple and fast; elementwise kernels skip it when shapes agree.
 */
export function broadcastIndex(inDims: readonly number[], outDims: readonly number[]): Int32Array {
  const rank = outDims.length;
  const n = sizeOf(outDims);
  const idx = new Int32Array(n);
  if (n === 0) return idx;
  // Strides of the input aligned to the output rank, 0 where the input is broadcast.
  const inStrides = stridesOf(inDims);
  const bs = new Array<number>(rank).fill(0);
  for (let i = 0; i < inDims.length; i++) {
    const o = rank - inDims.length + i;
    bs[o] = inDims[i] === 1 && outDims[o] !== 1 ? 0 : inStrides[i]!;
  }
  // Odometer over the output, carrying the input offset along.
  const counter = new Array<number>(rank).fill(0);
  let off = 0;
  for (let k = 0; k < n; k++) {
    idx[k] = off;
    for (let d = rank - 1; d >= 0; d--) {
      counter[d] = counter[d]! + 1;
      off += bs[d]!;
      if (counter[d]! < outDims[d]!) break;
      off -= bs[d]! * outDims[d]!;
      counter[d] = 0;
    }
  }
  return idx;
}

/** Materialises `t` broadcast to `outDims` (used by Expand and for cheap kernels). */
export function broadcastTo(t: Tensor, outDims: readonly number[]): Tensor {
  if (sameDims(t.dims, outDims)) return t;
  const idx = broadcastIndex(t.dims, outDims);
  const out = zeros(t.dtype, outDims);
  for (let i = 0; i < idx.length; i++) out.data[i] = t.data[idx[i]!]!;
  return out;
}

export function sameDims(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Normalises a possibly negative axis for a given rank; throws when out of range. */
export function normAxis(axis: number, rank: number, op: string): number {
  const a = axis < 0 ? axis + rank : axis;
  if (!Number.isInteger(a) || a < 0 || a >= rank) {
    throw new Error(`${op}: axis ${axis} is out of range for rank ${rank}`);
  }
  return a;
}

/** The values of a tensor as plain numbers (int64 included, as they are exact). */
export function toNumbers(t: Tensor): number[] {
  return Array.from(t.data as ArrayLike<number>);
}
