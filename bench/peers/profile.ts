/**
 * Where a training step's time goes, from tf.profile: kernels launched, kernel time in
 * total and by kernel name. The peers group prints this for both sides under its
 * tables, so a ratio below target comes with the kernels that explain it.
 *
 * Kernel times nest (a kernel that runs others, such as a gradient or a fused op,
 * includes them), so the per-name times overlap and only their order is meaningful.
 */
import * as tf from "@tensorflow/tfjs";
import { classify } from "../groups/headroom.js";

export interface StepProfile {
  kernels: number;
  kernelMs: number;
  /** Wall time of the profiled step, ms. */
  wallMs: number;
  /** Time of the matrix-product kernels (headroom.ts's "products"; leaves), ms. */
  matmulMs: number;
  /** Kernel names by total time, descending: [name, count, ms]. */
  top: [string, number, number][];
}

export async function profileStep(step: () => Promise<unknown>): Promise<StepProfile> {
  const t0 = performance.now();
  const info = await tf.profile(async () => {
    await step();
  });
  const wallMs = performance.now() - t0;
  let matmulMs = 0;
  const by = new Map<string, [number, number]>();
  let kernelMs = 0;
  for (const k of info.kernels) {
    const ms = typeof k.kernelTimeMs === "number" ? k.kernelTimeMs : 0;
    kernelMs += ms;
    if (classify(k.name) === "products") matmulMs += ms;
    const e = by.get(k.name) ?? [0, 0];
    e[0]++;
    e[1] += ms;
    by.set(k.name, e);
  }
  const top = [...by]
    .map(([name, [n, ms]]) => [name, n, ms] as [string, number, number])
    .sort((a, b) => b[2] - a[2]);
  return { kernels: info.kernels.length, kernelMs, wallMs, matmulMs, top };
}

/** "3,699 kernels, 723 ms kernel time; Unpack ×9 365 ms, BatchMatMul ×120 84 ms, …" */
export function describeProfile(p: StepProfile, n = 5): string {
  const top = p.top
    .slice(0, n)
    .map(([name, count, ms]) => `${name} ×${count} ${ms.toFixed(0)} ms`)
    .join(", ");
  return `${p.kernels.toLocaleString("en-US")} kernels, ${p.kernelMs.toFixed(0)} ms kernel time (${top})`;
}
