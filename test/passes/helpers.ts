/** Shared helpers of the pass tests: the spec table, running a module, comparing outputs. */
import { readdirSync, readFileSync } from "node:fs";
import { InterpModel } from "../../src/backends/interp/model.js";
import type { Tensor } from "../../src/reference/tensor.js";
import { checkProgram } from "../../src/check/index.js";
import { elaborate } from "../../src/elaborate/index.js";
import type { IrModule } from "../../src/ir/types.js";
import { memoryHost } from "../../src/source/host.js";

const ROOT = new URL("../../", import.meta.url);

/** Every model of a spec file, elaborated (failing on any error). */
export function modulesOf(
  path: string,
  text = readFileSync(new URL(path, ROOT), "utf8"),
): IrModule[] {
  const r = checkProgram(path, memoryHost({ [path]: text }));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.models.map((m) => {
    const e = elaborate(m);
    if (e.module === undefined) throw new Error(`${path}: ${m.name} does not elaborate`);
    return e.module;
  });
}

/**
 * The table of the equivalence tests: every model of specs/tiny at full size, and the
 * paper specs through their reduced copies in fixtures/papers-small.s2s.
 */
export function specTable(): { name: string; module: IrModule }[] {
  const files = readdirSync(new URL("specs/tiny/", ROOT))
    .filter((f) => f.endsWith(".s2s"))
    .sort()
    .map((f) => `specs/tiny/${f}`);
  files.push("test/passes/fixtures/papers-small.s2s");
  return files.flatMap((f) =>
    modulesOf(f).map((module) => ({ name: `${f}:${module.model}`, module })),
  );
}

/** A fixed batch: two source sentences of different lengths (one padded). */
export const SRC = [
  [5, 9, 12, 7, 2],
  [8, 4, 2],
];
export const TGT = [
  [1, 6, 11, 3],
  [1, 10, 2],
];

/**
 * Every output the model computes on the fixed batch: encode's outputs, teacher-forced
 * logits, and two decode steps' logits and states, by name.
 */
export function outputsOf(module: IrModule, seed = 7): Map<string, Tensor> {
  const model = InterpModel.fromSeed(module, seed);
  const out = new Map<string, Tensor>();
  const enc = model.encode(SRC);
  for (const [k, v] of enc.outputs) out.set(`encode/${k}`, v);
  out.set("decode/logits", model.decode(enc, TGT));
  let states = enc.states;
  for (let t = 0; t < 2; t++) {
    const r = model.step(enc, states, t === 0 ? [1, 1] : [6, 10], t);
    out.set(`step${t}/logits`, r.logits);
    for (const [k, v] of r.states) out.set(`step${t}/${k}`, v);
    states = r.states;
  }
  return out;
}

/** Problems comparing two output maps within `rel` relative tolerance (empty: agree). */
export function compareOutputs(
  want: ReadonlyMap<string, Tensor>,
  got: ReadonlyMap<string, Tensor>,
  rel = 1e-5,
): string[] {
  const problems: string[] = [];
  for (const [name, a] of want) {
    const b = got.get(name);
    if (b === undefined) {
      problems.push(`${name}: missing`);
      continue;
    }
    if (a.dims.join() !== b.dims.join()) {
      problems.push(`${name}: dims [${a.dims.join(",")}] vs [${b.dims.join(",")}]`);
      continue;
    }
    for (let i = 0; i < a.data.length; i++) {
      const x = Number(a.data[i]);
      const y = Number(b.data[i]);
      if (x === y || (Number.isNaN(x) && Number.isNaN(y))) continue;
      if (Math.abs(x - y) > rel * Math.max(Math.abs(x), Math.abs(y), 1e-3)) {
        problems.push(`${name}[${i}]: ${x} vs ${y}`);
        break;
      }
    }
  }
  return problems;
}
