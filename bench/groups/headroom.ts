/**
 * How much faster any optimisation pass could make a tfjs forward pass, from a kernel
 * profile of the unoptimised (-O0) model: tf.profile lists every kernel the forward ran
 * with its time, and each kernel is put in one of four classes.
 *
 * - products: matmuls (BatchMatMul, _FusedMatMul) and attention's per-head products
 *   (DepthwiseConv2dNative on wasm). A pass keeps every product: fusing changes where a
 *   bias or activation is applied, never the multiply-adds.
 * - attention: the masked softmax inside the one ONNX Attention op the elaborator emits
 *   (Softmax, Select, IsNan, ZerosLike, LessEqual). It is already one fused op at -O0.
 * - lookups: GatherV2, the embedding and position tables (one row per token; no pass
 *   removes a lookup). On wasm the prelude copies the rows on the host instead, so
 *   this class is empty there.
 * - rest: everything else — bias and residual adds, activations, norms, reshapes,
 *   transposes, copies. Generously, all of it is counted as removable by passes.
 *
 * The headroom is total / (total − rest): the -O0/-O2 ratio a pass pipeline would give
 * if it removed every kernel of the last class and touched nothing else. If that is
 * below a target, no pass can meet the target on this backend; only faster kernels can.
 * Kernel times are wall times (tf.profile's), each kernel counted once (wrappers that
 * contain other kernels are skipped).
 */
import * as tf from "@tensorflow/tfjs";

export type KernelClass = "products" | "attention" | "lookups" | "rest";

const CLASS: Record<string, KernelClass> = {
  BatchMatMul: "products",
  _FusedMatMul: "products",
  DepthwiseConv2dNative: "products",
  Conv2D: "products",
  Softmax: "attention",
  Select: "attention",
  IsNan: "attention",
  ZerosLike: "attention",
  LessEqual: "attention",
  GatherV2: "lookups",
};

/**
 * Entries that only wrap other kernels (their time is their children's): customGrad
 * and tidy scopes, and ops run through an op wrapper (`fusedMatMul__op` around
 * `_FusedMatMul`).
 */
function isWrapper(name: string): boolean {
  return name === "unnamed scope" || name.endsWith("__op");
}

export interface Headroom {
  /** Kernel time per class, ms (one profiled run). */
  ms: Record<KernelClass, number>;
  /** Kernel calls per class. */
  calls: Record<KernelClass, number>;
  total: number;
  /** total / (total − rest). */
  bound: number;
}

export function classify(kernel: string): KernelClass {
  return CLASS[kernel] ?? "rest";
}

/** Profiles one run of `f` (after the caller's warm-up) and classifies its kernels. */
export async function headroomOf(f: () => Promise<void>): Promise<Headroom> {
  const profile = await tf.profile(f);
  const ms: Record<KernelClass, number> = { products: 0, attention: 0, lookups: 0, rest: 0 };
  const calls: Record<KernelClass, number> = { products: 0, attention: 0, lookups: 0, rest: 0 };
  for (const k of profile.kernels) {
    if (isWrapper(k.name)) continue;
    const c = classify(k.name);
    ms[c] += Number(k.kernelTimeMs);
    calls[c]++;
  }
  const total = ms.products + ms.attention + ms.lookups + ms.rest;
  return { ms, calls, total, bound: total / (total - ms.rest) };
}
