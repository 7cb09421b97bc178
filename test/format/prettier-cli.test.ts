/**
 * The plugin as users load it: prettier's own command line with `--plugin`, on the
 * plugin compiled to JavaScript and reached through the package's `exports`
 * (`s2sc/prettier`), as after `npm install`. The plugin is compiled into a scratch copy
 * of the package (the real package.json, the plugin's sources only) inside the
 * repository, so that its dependencies resolve from node_modules/.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROOT } from "./helpers.js";

const PRETTIER = join(ROOT, "node_modules/prettier/bin/prettier.cjs");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
let pkg: string;

beforeAll(() => {
  mkdirSync(join(ROOT, "tmp"), { recursive: true });
  pkg = mkdtempSync(join(ROOT, "tmp", "prettier-plugin-"));
  copyFileSync(join(ROOT, "package.json"), join(pkg, "package.json"));
  // The options of tsconfig.build.json (src → dist), for the plugin's import closure only.
  execFileSync(process.execPath, [
    TSC,
    ...["--outDir", join(pkg, "dist"), "--rootDir", join(ROOT, "src")],
    ...["--target", "ES2022", "--module", "NodeNext", "--moduleResolution", "NodeNext"],
    ...["--strict", "--skipLibCheck", "--verbatimModuleSyntax", "--types", "node"],
    join(ROOT, "src/format/plugin.ts"),
  ]);
}, 120_000);

afterAll(() => rmSync(pkg, { recursive: true, force: true }));

function prettier(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [PRETTIER, ...args], {
    cwd: pkg,
    input,
    encoding: "utf8",
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe("prettier --plugin", () => {
  it("exports the compiled plugin as s2sc/prettier", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      exports: Record<string, { types: string; default: string }>;
    };
    expect(manifest.exports["./prettier"]).toEqual({
      types: "./dist/format/plugin.d.ts",
      default: "./dist/format/plugin.js",
    });
  });

  it("checks the specs with --plugin s2sc/prettier", () => {
    const specs = ["papers/transformer.s2s", "tiny/attn_dot.s2s"].map((s) =>
      join(ROOT, "specs", s),
    );
    const r = prettier(["--plugin", "s2sc/prettier", "--check", ...specs]);
    expect(r.err).toBe("");
    expect(r.code).toBe(0);
    expect(r.out).toContain("All matched files use Prettier code style!");
  });

  it("formats standard input with a path to the compiled file", () => {
    const r = prettier(
      ["--plugin", "./dist/format/plugin.js", "--stdin-filepath", "x.s2s"],
      "model m{source{vocab=16;embed=8}}",
    );
    expect(r).toMatchObject({ code: 0, out: "model m { source { vocab = 16  embed = 8 } }\n" });
  });

  it("reports a syntax error with a code frame, exit 2", () => {
    const r = prettier(
      ["--plugin", "s2sc/prettier", "--stdin-filepath", "x.s2s"],
      "model m { vocab = }\n",
    );
    expect(r.code).toBe(2);
    expect(r.err).toContain("x.s2s: SyntaxError: S2S1010: expected an expression but found `}`");
    expect(r.err).toContain("> 1 | model m { vocab = }");
  });
});
