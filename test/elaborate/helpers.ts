import { readFileSync } from "node:fs";
import { checkProgram } from "../../src/check/index.js";
import type { CheckedModel } from "../../src/check/model.js";
import { elaborate, type ElaborateResult } from "../../src/elaborate/index.js";
import { memoryHost } from "../../src/source/host.js";

/** Checks a spec file from the repo and returns its models (failing on any error). */
export function checkedModels(path: string): CheckedModel[] {
  const text = readFileSync(new URL(`../../${path}`, import.meta.url), "utf8");
  const r = checkProgram(path, memoryHost({ [path]: text }));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.models;
}

export function elaborateSource(
  source: string,
  opts?: { memoryBudgetBytes?: number },
): ElaborateResult[] {
  const r = checkProgram("t.s2s", memoryHost({ "t.s2s": source }));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.models.map((m) => elaborate(m, opts));
}

export function model(path: string, name: string): CheckedModel {
  const m = checkedModels(path).find((x) => x.name === name);
  if (m === undefined) throw new Error(`no model ${name} in ${path}`);
  return m;
}

export function trainableParams(r: ElaborateResult): number {
  return r
    .module!.params.filter((p) => p.trainable)
    .reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
}
