/**
 * The layer rules of .dependency-cruiser.cjs fire: each case is a tiny source tree with
 * one forbidden import, cruised with the real rules, and must report that rule; the
 * same tree with the import made legal must report nothing. Every rule has a case.
 */
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { cruise, type ICruiseOptions, type IForbiddenRuleType } from "dependency-cruiser";
import { afterAll, describe, expect, it } from "vitest";

const config = createRequire(import.meta.url)("../.dependency-cruiser.cjs") as {
  forbidden: IForbiddenRuleType[];
  options: ICruiseOptions;
};

/** A file tree (path → text) with `bad` importing what the rule forbids. */
interface Case {
  rule: string;
  files: Record<string, string>;
  /** What the tree's one forbidden import becomes to be legal (the control). */
  fixed: Record<string, string>;
}

const INDEX = "export const x = 1;\n";
const uses = (spec: string) => `import { x } from "${spec}";\nexport const y = x;\n`;
const stages = (...names: string[]) =>
  Object.fromEntries(names.map((n) => [`src/${n}/index.ts`, INDEX]));

const CASES: Case[] = [
  {
    rule: "core-no-node-builtins",
    files: {
      "src/parser/index.ts": 'import { readFileSync } from "node:fs";\nexport { readFileSync };\n',
    },
    fixed: { "src/parser/index.ts": INDEX },
  },
  {
    rule: "core-not-node-layer",
    files: { ...stages("node"), "src/graph/index.ts": uses("../node/index") },
    fixed: { "src/graph/index.ts": INDEX },
  },
  {
    rule: "only-cli-imports-cli",
    files: { ...stages("cli"), "src/node/index.ts": uses("../cli/index") },
    fixed: { "src/node/index.ts": INDEX },
  },
  {
    rule: "no-cli-packages-below-cli",
    files: { "src/train/index.ts": 'import { Command } from "commander";\nexport { Command };\n' },
    fixed: { "src/train/index.ts": INDEX },
  },
  {
    rule: "cli-through-entries",
    files: {
      ...stages("node", "parser"),
      "src/index.ts": INDEX,
      "src/cli/main.ts": uses("../parser/index"),
    },
    // Either entry, and the CLI's own modules, are fine.
    fixed: {
      "src/cli/main.ts": `${uses("../index")}export { y as z } from "./other";\n`,
      "src/cli/other.ts": uses("../node/index"),
    },
  },
  {
    rule: "core-below-api",
    files: { ...stages("api"), "src/diff/index.ts": uses("../api/index") },
    fixed: { "src/diff/index.ts": INDEX },
  },
  {
    rule: "diagnostics-is-the-bottom",
    files: { ...stages("source"), "src/diagnostics/index.ts": uses("../source/index") },
    fixed: { "src/diagnostics/index.ts": INDEX },
  },
  {
    rule: "source-above-diagnostics",
    files: { ...stages("parser"), "src/source/index.ts": uses("../parser/index") },
    fixed: { "src/source/index.ts": INDEX },
  },
  {
    rule: "ir-above-diagnostics",
    files: { ...stages("elaborate"), "src/ir/index.ts": uses("../elaborate/index") },
    fixed: { "src/ir/index.ts": INDEX },
  },
  {
    rule: "reference-above-ir",
    files: { ...stages("passes"), "src/reference/index.ts": uses("../passes/index") },
    fixed: { "src/reference/index.ts": INDEX },
  },
  {
    rule: "parser-above-source",
    files: { ...stages("check"), "src/parser/index.ts": uses("../check/index") },
    fixed: { "src/parser/index.ts": INDEX },
  },
  {
    rule: "check-above-parser",
    files: { ...stages("ir"), "src/check/index.ts": uses("../ir/index") },
    fixed: { "src/check/index.ts": INDEX },
  },
  {
    rule: "elaborate-above-check-and-ir",
    files: { ...stages("passes"), "src/elaborate/index.ts": uses("../passes/index") },
    fixed: { "src/elaborate/index.ts": INDEX },
  },
  {
    rule: "passes-above-ir",
    files: {
      ...stages("backends/interp"),
      "src/passes/index.ts": uses("../backends/interp/index"),
    },
    fixed: { "src/passes/index.ts": INDEX },
  },
  {
    rule: "backends-above-passes",
    files: {
      ...stages("backends/interp"),
      "src/backends/shared.ts": INDEX,
      "src/backends/onnx/index.ts": uses("../interp/index"),
    },
    // A helper directly in src/backends is shared by the backends, below each of them.
    fixed: { "src/backends/onnx/index.ts": uses("../shared") },
  },
  {
    rule: "runtime-above-tfjs-backend",
    files: { ...stages("train"), "src/runtime/index.ts": uses("../train/index") },
    fixed: { "src/runtime/index.ts": uses("../backends/tfjs/index"), ...stages("backends/tfjs") },
  },
  {
    rule: "runtime-on-demand",
    files: { ...stages("runtime"), "src/train/index.ts": uses("../runtime/index") },
    // Its types, and the module itself with import() where a model runs, are fine.
    fixed: {
      "src/train/index.ts":
        'import type { x } from "../runtime/index";\n' +
        "export type X = typeof x;\n" +
        'export const load = () => import("../runtime/index");\n',
    },
  },
  {
    rule: "format-on-demand",
    files: { ...stages("format"), "src/api/index.ts": uses("../format/index") },
    fixed: { "src/api/index.ts": 'export const load = () => import("../format/index");\n' },
  },
  {
    rule: "no-circular",
    files: { "src/ir/a.ts": uses("./b"), "src/ir/b.ts": uses("./a") },
    fixed: { "src/ir/b.ts": INDEX },
  },
  {
    rule: "no-deep-cross-stage",
    files: {
      ...stages("parser"),
      "src/parser/ast.ts": INDEX,
      "src/check/index.ts": uses("../parser/ast"),
    },
    fixed: { "src/check/index.ts": uses("../parser/index") },
  },
  {
    rule: "no-unresolved-imports",
    files: { "src/ir/index.ts": uses("./missing") },
    fixed: { "src/ir/index.ts": INDEX },
  },
];

const root = mkdtempSync(join(tmpdir(), "s2sc-layers-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The names of the rules the cruise of `files` reports. */
async function violations(name: string, files: Record<string, string>): Promise<string[]> {
  const dir = join(root, name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  // Packages resolve from the repository's node_modules, as they do for src.
  symlinkSync(resolve("node_modules"), join(dir, "node_modules"), "dir");
  const { tsConfig: _, ...options } = config.options;
  const result = await cruise(["src"], {
    ...options,
    baseDir: dir,
    validate: true,
    ruleSet: { forbidden: config.forbidden },
  });
  if (typeof result.output === "string") throw new Error("expected a cruise result object");
  return [...new Set(result.output.summary.violations.map((v) => v.rule.name))].sort();
}

describe("layer rules", () => {
  it("every rule has a case", () => {
    expect(CASES.map((c) => c.rule).sort()).toEqual(config.forbidden.map((r) => r.name).sort());
  });

  it.each(CASES)("$rule fires on a forbidden import and not on its fix", async (c) => {
    expect(await violations(`${c.rule}-bad`, c.files)).toContain(c.rule);
    expect(await violations(`${c.rule}-fixed`, { ...c.files, ...c.fixed })).toEqual([]);
  });
});
