/**
 * The front-end group's phases, each run on the previous phase's product: parse +
 * check, elaborate, tfjs codegen (of the -O0 IR, so that codegen is measured apart from
 * the cost of the passes) and the -O2 pipeline. Shared with harness/phase-probe.ts,
 * which times one phase in a child process.
 */
import { generate } from "../../src/backends/tfjs/index.js";
import { GENERATOR } from "../../src/backends/tfjs/codegen/module.js";
import { checkProgram } from "../../src/check/index.js";
import type { CheckedModel } from "../../src/check/model.js";
import { elaborate } from "../../src/elaborate/index.js";
import type { IrModule } from "../../src/ir/types.js";
import { passesForLevel, runPipeline } from "../../src/passes/index.js";
import { memoryHost } from "../../src/source/host.js";

export interface Sized {
  layers: number;
  text: string;
  checked?: CheckedModel;
  o0?: IrModule;
}

export interface Phase {
  name: string;
  title: string;
  /** Runs the phase on `s`'s previous product and stores its own. */
  run(s: Sized): void;
}

export function must<T>(x: T | undefined, what: string): T {
  if (x === undefined) throw new Error(`internal: ${what} missing`);
  return x;
}

export const PHASES: readonly Phase[] = [
  {
    name: "parse+check",
    title: "parse + check",
    run: (s) => {
      const r = checkProgram("deep.s2s", memoryHost({ "deep.s2s": s.text }));
      const err = r.diagnostics.find((d) => d.severity === "error");
      if (err !== undefined) throw new Error(`generated spec: ${err.message}`);
      s.checked = r.models[0];
    },
  },
  {
    name: "elaborate",
    title: "elaborate",
    run: (s) => {
      const r = elaborate(must(s.checked, "checked model"));
      s.o0 = must(r.module, `elaborated module (${r.diagnostics[0]?.message})`);
    },
  },
  {
    name: "codegen",
    title: "tfjs codegen (-O0 IR)",
    run: (s) => void generate(must(s.o0, "IR"), GENERATOR),
  },
  {
    name: "O2",
    title: "-O2 pipeline",
    run: (s) => {
      const r = runPipeline(must(s.o0, "IR"), passesForLevel(2));
      if ("error" in r) throw new Error(r.error);
    },
  },
];
