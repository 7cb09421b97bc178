/**
 * Reading the ONNX node tests converted to JSON (see shared/conformance/README.md) and
 * comparing kernel outputs with numpy's assert_allclose rule.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { AttrValue, DType, Tensor } from "../../src/reference/tensor.js";
import { fromValues } from "../../src/reference/tensor.js";

/** The repository root. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
/**
 * The one place every reader of the conformance data finds it: shared/conformance beside
 * the repository (as in CI's checkout), or S2SC_CONFORMANCE_DIR where it lies elsewhere.
 */
export const CONFORMANCE_DIR = resolve(
  process.env["S2SC_CONFORMANCE_DIR"] ?? resolve(REPO_ROOT, "../shared/conformance"),
);
export const NODE_TESTS_DIR = resolve(CONFORMANCE_DIR, "onnx-node");

/**
 * The data is ONNX's (Apache-2.0) and is not committed here: it lies in the steering
 * repository's shared/ folder, which CI checks out beside the repository. Without it
 * the conformance suites say so in a skipped test's name (and on stderr) rather than
 * passing silently; under CI=true a missing folder fails.
 */
export const CONFORMANCE_MISSING = existsSync(NODE_TESTS_DIR)
  ? undefined
  : `SKIPPED: the ONNX conformance data is not at ${NODE_TESTS_DIR} (check out shared/ beside the repository, or set S2SC_CONFORMANCE_DIR)`;
if (CONFORMANCE_MISSING !== undefined && process.env["CI"] !== "true")
  process.stderr.write(`${CONFORMANCE_MISSING}\n`);

/** Whether the suites may skip for missing data: everywhere but CI. */
export const MAY_SKIP_CONFORMANCE =
  CONFORMANCE_MISSING !== undefined && process.env["CI"] !== "true";

export interface JsonTensor {
  name: string;
  dtype: DType;
  dims: number[];
  data: (number | boolean | string)[];
}

export interface ConformanceFile {
  name: string;
  op: string;
  domain: string;
  opset: number;
  attributes: Record<string, unknown>;
  cases: { inputs: (JsonTensor | null)[]; outputs: (JsonTensor | null)[] }[];
}

export function readConformanceFile(path: string): ConformanceFile {
  return JSON.parse(readFileSync(path, "utf8")) as ConformanceFile;
}

/** Non-finite floats are the strings "NaN", "Infinity", "-Infinity"; bools are JSON booleans. */
function value(v: number | boolean | string): number {
  if (typeof v === "boolean") return v ? 1 : 0;
  if (typeof v === "number") return v;
  if (v === "NaN") return NaN;
  if (v === "Infinity") return Infinity;
  if (v === "-Infinity") return -Infinity;
  throw new Error(`unexpected value ${JSON.stringify(v)}`);
}

export function toTensor(t: JsonTensor): Tensor {
  return fromValues(t.dtype, t.dims, t.data.map(value));
}

/** Attributes as kernel AttrValues; tensor and graph attributes do not occur in this set. */
export function toAttrs(attrs: Record<string, unknown>): Record<string, AttrValue> {
  const out: Record<string, AttrValue> = {};
  for (const [k, v] of Object.entries(attrs)) {
    const ok =
      typeof v === "number" ||
      typeof v === "string" ||
      (Array.isArray(v) && v.every((x) => typeof x === "number" || typeof x === "string"));
    if (!ok) throw new Error(`attribute ${k}: tensor or graph attributes are not supported`);
    out[k] = v as AttrValue;
  }
  return out;
}

export const RTOL = 1e-3;
export const ATOL = 1e-7;

export interface Mismatch {
  message: string;
}

/**
 * assert_allclose(actual, expected, rtol, atol) plus exact shape and dtype equality.
 * Returns undefined when they match, and the worst error as a fraction of the
 * tolerance (so ≤ 1 passes) through `worst`.
 */
export function compare(
  actual: Tensor | undefined,
  expected: JsonTensor,
  worst: { ratio: number },
): Mismatch | undefined {
  const what = `output ${expected.name}`;
  if (actual === undefined) return { message: `${what}: not produced` };
  if (actual.dtype !== expected.dtype) {
    return { message: `${what}: dtype ${actual.dtype}, expected ${expected.dtype}` };
  }
  if (
    actual.dims.length !== expected.dims.length ||
    actual.dims.some((d, i) => d !== expected.dims[i])
  ) {
    return {
      message: `${what}: shape [${actual.dims.join(",")}], expected [${expected.dims.join(",")}]`,
    };
  }
  let bad = 0;
  let first = "";
  for (let i = 0; i < expected.data.length; i++) {
    const a = actual.data[i]!;
    // The JSON holds the shortest decimal of each float32; fround restores its exact bits.
    const raw = value(expected.data[i]!);
    const e = expected.dtype === "float32" ? Math.fround(raw) : raw;
    const tol = ATOL + RTOL * Math.abs(e);
    if (a === e || (Number.isNaN(a) && Number.isNaN(e))) continue;
    const err = Math.abs(a - e);
    if (err <= tol) {
      worst.ratio = Math.max(worst.ratio, err / tol);
      continue;
    }
    if (bad++ === 0) first = `element ${i}: ${a}, expected ${e}`;
  }
  if (bad > 0)
    return { message: `${what}: ${bad} of ${expected.data.length} elements differ; ${first}` };
  return undefined;
}
