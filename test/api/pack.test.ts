/**
 * The package as a user gets it: `npm pack`, installed from the tarball into an empty
 * project (without onnxruntime-node, an optional peer dependency), then used by name —
 * `"s2sc"` from an .mjs file and from a .ts file type-checked against the installed
 * .d.ts files, `"s2sc/node"` on a spec on disk, and the `s2sc` binary.
 *
 * One packed and installed project serves every case (beforeAll). The build runs only
 * when dist/ is older than a source file, so a second run costs the install alone.
 */
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const TSC = join(ROOT, "node_modules/typescript/bin/tsc");
const NPM_ENV = { ...process.env, npm_config_audit: "false", npm_config_fund: "false" };

const SPEC = `model tiny {
  source { vocab = 12  embed = 8 }
  target { vocab = 12  embed = 8 }
  encoder { gru { hidden = 16 } }
  decoder { gru { hidden = 16 } }
}
`;

let project = "";
/** The tarball's file names. */
let packedFiles: string[] = [];
/** Type errors of the build, if any (the package is still packed, to test the rest). */
let buildErrors = "";
/** Whether this run built dist/ (it is reused when newer than every source). */
let built = false;

function newestSource(dir: string): number {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    newest = Math.max(newest, e.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

function distIsFresh(): boolean {
  try {
    return statSync(join(ROOT, "dist/index.d.ts")).mtimeMs > newestSource(join(ROOT, "src"));
  } catch {
    return false;
  }
}

function run(cmd: string, args: string[], cwd: string) {
  const r = spawnSync(cmd, args, { cwd, encoding: "utf8", env: NPM_ENV, timeout: 180_000 });
  return { code: r.status, stdout: r.stdout ?? "", stderr: r.stderr ?? "" };
}

/** Runs a script file of the temp project with node; its stdout is JSON. */
function runScript(name: string, text: string): unknown {
  writeFileSync(join(project, name), text);
  const r = run(process.execPath, [name], project);
  if (r.code !== 0) throw new Error(`${name} exited ${r.code}:\n${r.stderr}`);
  return JSON.parse(r.stdout);
}

beforeAll(() => {
  const temp = mkdtempSync(join(tmpdir(), "s2sc-pack-"));
  if (!distIsFresh()) {
    built = true;
    const b = run("npm", ["run", "--silent", "build"], ROOT);
    if (b.code !== 0) buildErrors = b.stdout + b.stderr;
  }
  // --ignore-scripts: `prepare` would build again.
  const packed = execFileSync(
    "npm",
    ["pack", "--ignore-scripts", "--json", "--pack-destination", temp],
    { cwd: ROOT, encoding: "utf8", env: NPM_ENV },
  );
  const pack = (JSON.parse(packed) as { filename: string; files: { path: string }[] }[])[0]!;
  packedFiles = pack.files.map((f) => f.path);
  const tarball = join(temp, pack.filename);
  project = join(temp, "project");
  mkdirSync(project);
  writeFileSync(
    join(project, "package.json"),
    JSON.stringify({ name: "consumer", private: true, type: "module" }),
  );
  const installed = run(
    "npm",
    ["install", "--prefer-offline", "--no-audit", "--no-fund", tarball],
    project,
  );
  if (installed.code !== 0)
    throw new Error(`npm install of the tarball failed:\n${installed.stderr}`);
}, 300_000);

afterAll(() => {
  if (project !== "") rmSync(resolve(project, ".."), { recursive: true, force: true });
}, 60_000);

describe("the packed package, installed by name", { timeout: 120_000 }, () => {
  it("builds without type errors", (ctx) => {
    if (!built) ctx.skip("dist/ was newer than every source, so it was not rebuilt");
    expect(buildErrors).toBe("");
  });

  it("ships no stale build output (every dist/ module has its source)", () => {
    const stale = packedFiles.filter(
      (f) => /^dist\/.*\.js$/.test(f) && !existsSync(join(ROOT, "src", f.slice(5, -3) + ".ts")),
    );
    expect(stale).toEqual([]);
  });

  it('"s2sc" from an .mjs file: check, diagnostics with ranges, summary, compile, forward pass', async () => {
    const out = runScript(
      "core.mjs",
      `import * as s2sc from "s2sc";
const spec = ${JSON.stringify(SPEC)};
const bad = s2sc.checkText("model m {\\n  source { vocab = }\\n}\\n", "bad.s2s");
const loaded = s2sc.loadText(spec);
const summary = s2sc.summarize(loaded.module);
const compiled = await s2sc.compile(loaded.module, { target: "tfjs" });
const { runtime, error } = await s2sc.createRuntime(loaded.module);
const { shape } = await runtime.forward([[4, 5, 6]], [[1, 4]]);
runtime.dispose();
console.log(JSON.stringify({
  clean: s2sc.checkText(spec).diagnostics.length,
  bad: bad.diagnostics.map((d) => ({ code: d.code, file: d.range.file, line: d.range.start.line })),
  model: loaded.module.model,
  params: summary.params.trainable,
  files: [...compiled.files.keys()],
  error: error ?? null,
  shape,
}));
`,
    ) as Record<string, unknown>;
    expect(out["clean"]).toBe(0);
    expect(out["bad"]).toEqual(
      expect.arrayContaining([expect.objectContaining({ file: "bad.s2s", line: 2 })]),
    );
    expect(out).toMatchObject({ model: "tiny", error: null, shape: [1, 2, 12] });
    expect(out["params"]).toBeGreaterThan(0);
    expect(out["files"]).toEqual(expect.arrayContaining(["model.js", "model.json"]));
  });

  it('"s2sc" from a .ts file type-checks against the installed .d.ts files', () => {
    writeFileSync(
      join(project, "typed.ts"),
      `import { checkText, compile, createRuntime, loadText, summarize, type Diagnostic, type IrModule, type SummaryData } from "s2sc";
import { loadFile, type LoadResult } from "s2sc/node";
const diagnostics: Diagnostic[] = checkText("model m {", "m.s2s").diagnostics;
const line: number | undefined = diagnostics[0]?.range.start.line;
const module: IrModule | undefined = loadText("model m { }").module;
if (module !== undefined) {
  const summary: SummaryData = summarize(module, { referenceLength: 32 });
  const files: Map<string, string | Uint8Array> = (await compile(module, { target: "onnx" })).files;
  void createRuntime(module, { seed: 1 }).then(({ runtime }) => runtime?.dispose());
  void [summary.params.trainable, files.size];
}
const fromDisk: LoadResult = loadFile("spec.s2s:tiny");
// @ts-expect-error: compile takes a module, not a file name
compile("spec.s2s");
void [line, fromDisk];
`,
    );
    const r = run(
      process.execPath,
      [
        TSC,
        "--noEmit",
        "--strict",
        "--module",
        "nodenext",
        "--moduleResolution",
        "nodenext",
        "--target",
        "es2022",
        "--skipLibCheck",
        "typed.ts",
      ],
      project,
    );
    // skipLibCheck as most projects have it (tfjs-layers' own .d.ts files fail --strict,
    // and checking every library's types takes a minute); the next test covers what it
    // would hide in ours.
    expect(r.stdout + r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("its .d.ts files import only its dependencies (no optional peer such as onnxruntime-node)", () => {
    const manifest = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    const allowed = new Set([...Object.keys(manifest.dependencies), "s2sc"]);
    const offending = new Set<string>();
    const dist = join(project, "node_modules/s2sc/dist");
    for (const file of readdirSync(dist, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".d.ts")) continue;
      const text = readFileSync(join(dist, file), "utf8");
      for (const m of text.matchAll(/(?:from |import\()"([^".][^"]*)"/g)) {
        const spec = m[1]!;
        const pkg = spec.startsWith("@")
          ? spec.split("/").slice(0, 2).join("/")
          : spec.split("/")[0]!;
        if (!spec.startsWith("node:") && !allowed.has(pkg)) offending.add(`${file}: ${spec}`);
      }
    }
    expect([...offending].sort()).toEqual([]);
  });

  it('"s2sc/node" reads a spec from disk, writes a package and runs on wasm', () => {
    writeFileSync(join(project, "spec.s2s"), SPEC);
    const out = runScript(
      "node.mjs",
      `import * as s2sc from "s2sc/node";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
const checked = s2sc.checkFile("spec.s2s");
const missing = s2sc.checkFile("nope.s2s");
const loaded = s2sc.loadFile("spec.s2s:tiny");
const written = s2sc.writeFiles(resolve("out"), (await s2sc.compile(loaded.module)).files);
const { runtime, error } = await s2sc.createRuntime(loaded.module);
const { shape } = await runtime.forward([[4, 5, 6]], [[1, 4, 5]]);
const backend = runtime.model.backend;
runtime.dispose();
console.log(JSON.stringify({
  checked: checked.diagnostics.length,
  models: checked.models,
  missing: missing.diagnostics.map((d) => d.code),
  model: loaded.module.model,
  written: written.includes("model.js") && existsSync("out/model.js"),
  error: error ?? null,
  shape,
  backend,
}));
`,
    );
    expect(out).toEqual({
      backend: "wasm",
      checked: 0,
      models: 1,
      missing: ["S2S0001"],
      model: "tiny",
      written: true,
      error: null,
      shape: [1, 3, 12],
    });
  });

  it("without onnxruntime-node, `s2sc run --backend ort` says how to add it and exits 2", () => {
    writeFileSync(join(project, "spec.s2s"), SPEC);
    const r = run(
      "npx",
      ["s2sc", "run", "spec.s2s", "--src", "4 5 6", "--backend", "ort"],
      project,
    );
    expect(r.stderr).toContain("npm install onnxruntime-node");
    expect(r.code).toBe(2);
  });

  it("`npx s2sc --help` prints no npm warning", () => {
    const r = run("npx", ["s2sc", "--help"], project);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Usage: s2sc");
    expect(r.stderr).not.toMatch(/npm warn/i);
  });
});
