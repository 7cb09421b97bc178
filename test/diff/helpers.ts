/** Loading the diff fixtures (test/diff/fixtures/) and running the CLI in-process. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { checkProgram } from "../../src/check/index.js";
import type { CheckedModel } from "../../src/check/model.js";
import { recordingIo, type RecordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import {
  diffModels,
  type DiffInput,
  type DiffOptions,
  type ModelDiff,
} from "../../src/diff/index.js";
import { elaborate } from "../../src/elaborate/index.js";
import { memoryHost } from "../../src/source/host.js";

/** The fixtures directory, as the working directory of CLI runs. */
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

export function fixtureText(file: string): string {
  return readFileSync(new URL(`./fixtures/${file}`, import.meta.url), "utf8");
}

/** The checked models of a fixture file (failing the test on any error). */
export function checkedFixture(file: string): CheckedModel[] {
  const r = checkProgram(file, memoryHost({ [file]: fixtureText(file) }));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.models;
}

export function fixtureModel(file: string, name: string): DiffInput {
  const model = checkedFixture(file).find((m) => m.name === name);
  if (model === undefined) throw new Error(`no model ${name} in ${file}`);
  const { module, diagnostics } = elaborate(model);
  if (module === undefined)
    throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
  return { model, module };
}

/** Compares `file:a` with `file2:b` at reference length 64. */
export function diffFixtures(
  a: [string, string],
  b: [string, string],
  opts: Partial<DiffOptions> = {},
): ModelDiff {
  return diffModels(fixtureModel(...a), fixtureModel(...b), { referenceLength: 64, ...opts });
}

export async function runCli(
  argv: readonly string[],
  env: Record<string, string | undefined> = {},
  isTTY = false,
): Promise<{ code: number; io: RecordingIo }> {
  const io = recordingIo(FIXTURES, env);
  // Assigned rather than spread: a spread would copy the recorder's getters as values.
  io.isTTY = isTTY;
  const code = await main(argv, io);
  return { code, io };
}

/** The models of an inline spec, by name, as diff inputs. */
export function inlineModels(source: string): Map<string, DiffInput> {
  const r = checkProgram("inline.s2s", memoryHost({ "inline.s2s": source }));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return new Map(
    r.models.map((model) => {
      const { module, diagnostics } = elaborate(model);
      if (module === undefined)
        throw new Error(diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
      return [model.name, { model, module }];
    }),
  );
}
