/**
 * Interpreter kernels of the fused ops of src/ir/ops/fused.ts. Each computes what its
 * ONNX composition computes, in one pass where the composition takes several:
 *
 * - FusedMatMul multiplies into one [M, N] buffer, then adds the bias, applies the
 *   activation and splits in a single epilogue over it (the unfused graph allocates and
 *   walks a full tensor for each of MatMul, Add, the activation and every Slice). The
 *   packed form of the weight is cached with its array (tensors are immutable), so a
 *   parameter is packed once per run rather than on every call as MatMul does.
 * - AddLayerNormalization / AddRMSNormalization form the sum row by row and normalise
 *   it while it is in cache, instead of writing the sum and reading it back.
 */
import type { Node } from "../../ir/index.js";
import {
  gelu,
  matmulPacked,
  packA,
  packB,
  type PackedB,
  sigmoid,
  sizeOf,
  type Tensor,
  zeros,
} from "../../reference/index.js";
import type { InterpKernel } from "./kernel.js";

function need(op: string, inputs: readonly (Tensor | undefined)[], i: number): Tensor {
  const t = inputs[i];
  if (t === undefined) throw new Error(`${op}: input ${i} is required`);
  if (t.dtype !== "float32") throw new Error(`${op}: input ${i} must be float32`);
  return t;
}

function attrInt(node: Node, name: string, dflt: number): number {
  const a = node.attrs[name];
  return a?.kind === "int" ? a.value : dflt;
}

function attrFloat(node: Node, name: string, dflt: number): number {
  const a = node.attrs[name];
  return a?.kind === "float" || a?.kind === "int" ? a.value : dflt;
}

/** Packed weights, per weight array and layout. */
const packedCache = new WeakMap<Float32Array, Map<string, PackedB>>();

function packedWeight(w: Float32Array, k: number, n: number, trans: boolean): PackedB {
  const key = `${k}x${n}${trans ? "T" : ""}`;
  let m = packedCache.get(w);
  if (m === undefined) packedCache.set(w, (m = new Map()));
  let p = m.get(key);
  if (p === undefined) m.set(key, (p = packB({ data: w, transposed: trans }, k, n)));
  return p;
}

const ACTIVATIONS: Record<string, ((x: number) => number) | undefined> = {
  "": undefined,
  relu: (x) => (x > 0 ? x : 0),
  sigmoid,
  tanh: Math.tanh,
  gelu: (x) => gelu(x, false),
};

export const fusedMatMul: InterpKernel = (inputs, node) => {
  const op = "FusedMatMul";
  const a = need(op, inputs, 0);
  const w = need(op, inputs, 1);
  const bias = inputs[2];
  const trans = attrInt(node, "transB", 0) !== 0;
  const [k, n] = trans ? [w.dims[1]!, w.dims[0]!] : [w.dims[0]!, w.dims[1]!];
  const lead = a.dims.slice(0, -1);
  const m = sizeOf(lead);
  const wd = w.data as Float32Array;
  const pb = packedWeight(wd, k, n, trans);
  const c = new Float32Array(m * n);
  if (m > 0) matmulPacked(packA({ data: a.data as Float32Array }, m, k), pb, c);
  const act = ACTIVATIONS[(node.attrs["activation"]?.value as string | undefined) ?? ""];
  const bd = bias?.data as Float32Array | undefined;
  const sp = node.attrs["splits"];
  const splits = sp?.kind === "ints" ? sp.value : [n];
  if (splits.length === 1) {
    if (bd !== undefined || act !== undefined) {
      for (let r = 0, o = 0; r < m; r++) {
        for (let j = 0; j < n; j++, o++) {
          let v = c[o]!;
          if (bd !== undefined) v = Math.fround(v + bd[j]!);
          c[o] = act === undefined ? v : act(v);
        }
      }
    }
    return [{ dtype: "float32", dims: [...lead, n], data: c }];
  }
  const outs: Tensor[] = [];
  let col = 0;
  for (const s of splits) {
    const t = zeros("float32", [...lead, s]);
    const d = t.data as Float32Array;
    for (let r = 0; r < m; r++) {
      const src = r * n + col;
      const dst = r * s;
      for (let j = 0; j < s; j++) {
        let v = c[src + j]!;
        if (bd !== undefined) v = Math.fround(v + bd[col + j]!);
        d[dst + j] = act === undefined ? v : act(v);
      }
    }
    outs.push(t);
    col += s;
  }
  return outs;
};

function addNorm(op: string, rms: boolean): InterpKernel {
  return (inputs, node, ctx) => {
    const x = need(op, inputs, 0);
    const y = need(op, inputs, 1);
    const scale = need(op, inputs, 2).data;
    const bias = rms ? undefined : inputs[3]?.data;
    const eps = attrFloat(node, "epsilon", 1e-5);
    const rank = x.dims.length;
    const ax = attrInt(node, "axis", -1);
    const axis = ax < 0 ? ax + rank : ax;
    const n = sizeOf(x.dims.slice(axis));
    const rows = sizeOf(x.dims.slice(0, axis));
    if (scale.length !== n || (bias !== undefined && bias.length !== n))
      throw new Error(`${op}: scale and bias must cover the normalised block`);
    const out = zeros("float32", x.dims);
    const sum = zeros("float32", x.dims);
    const xd = x.data;
    const yd = y.data;
    const od = out.data;
    const sd = sum.data;
    for (let r = 0; r < rows; r++) {
      const base = r * n;
      let s = 0;
      for (let j = 0; j < n; j++) {
        sd[base + j] = xd[base + j]! + yd[base + j]!; // rounded to float32, as Add's output
        s += rms ? sd[base + j]! ** 2 : sd[base + j]!;
      }
      if (rms) {
        const inv = 1 / Math.sqrt(s / n + eps);
        for (let j = 0; j < n; j++) od[base + j] = sd[base + j]! * inv * scale[j]!;
        continue;
      }
      const mu = s / n;
      let v = 0;
      for (let j = 0; j < n; j++) v += (sd[base + j]! - mu) ** 2;
      const inv = 1 / Math.sqrt(v / n + eps);
      for (let j = 0; j < n; j++)
        od[base + j] = (sd[base + j]! - mu) * inv * scale[j]! + (bias ? bias[j]! : 0);
    }
    return ctx.outputs > 1 ? [out, sum] : [out];
  };
}

export const FUSED_KERNELS: Readonly<Record<string, InterpKernel>> = {
  FusedMatMul: fusedMatMul,
  AddLayerNormalization: addNorm("AddLayerNormalization", false),
  AddRMSNormalization: addNorm("AddRMSNormalization", true),
};
