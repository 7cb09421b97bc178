/** Shared by the tfjs tests: the specs under test, as IR modules, and comparisons. */
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import * as lib from "../../src/runtime/lib/helpers.js";
import { checkProgram } from "../../src/check/index.js";
import { elaborate } from "../../src/elaborate/index.js";
import type { IrModule } from "../../src/ir/types.js";
import { diskHost } from "../../src/node/disk-host.js";

export const REPO = resolve(dirname(fileURLToPath(import.meta.url)), "../..");

export const TINY_SPECS = readdirSync(join(REPO, "specs/tiny"))
  .filter((f) => f.endsWith(".s2s"))
  .sort()
  .map((f) => `specs/tiny/${f}`);

/** Reduced-size copies of the paper specs. */
export const PAPER_FIXTURE = "test/tfjs/fixtures/papers.s2s";

/** The models of a spec file (repo-relative), elaborated; any error fails the test. */
export function modulesOf(path: string): IrModule[] {
  const r = checkProgram(path, diskHost(REPO));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.models.map((m) => {
    const e = elaborate(m);
    if (e.module === undefined) throw new Error(e.diagnostics.map((d) => d.message).join("\n"));
    return e.module;
  });
}

/** Every tiny spec and every reduced paper model. */
export function specModules(): IrModule[] {
  return [...TINY_SPECS.flatMap(modulesOf), ...modulesOf(PAPER_FIXTURE)];
}

/** max |a − b| / max |b|: the error relative to the scale of the reference values. */
export function relativeError(actual: ArrayLike<number>, expected: ArrayLike<number>): number {
  if (actual.length !== expected.length)
    throw new Error(`${actual.length} values, expected ${expected.length}`);
  let err = 0;
  let scale = 0;
  for (let i = 0; i < expected.length; i++) {
    err = Math.max(err, Math.abs(actual[i]! - expected[i]!));
    scale = Math.max(scale, Math.abs(expected[i]!));
  }
  return err / Math.max(scale, 1e-30);
}

/** Source and target batches inside every test vocabulary (≥ 16), with padding. */
export const SRC = [
  [4, 5, 6, 7, 3, 9],
  [8, 9, 5],
];
export const TGT_IN = [
  [1, 5, 6, 7, 8],
  [1, 4, 9],
];

/** A helper of the runtime library by name, for testing it alone. */
export function preludeFunction<T>(name: keyof typeof lib): T {
  return lib[name] as T;
}
