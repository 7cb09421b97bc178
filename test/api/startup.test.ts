/**
 * Nothing heavy loads until it is used: importing `s2sc` or `s2sc/node`, and the CLI
 * commands that run no model, resolve none of tfjs (~0.4 s to start), prettier, vega,
 * Graphviz or ONNX Runtime. Each case runs in a child process from the sources with a
 * hook that reports every package resolved (test/fixtures/record-packages.mjs); the
 * commands that do need a heavy package are the controls that show the hook sees it.
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const REPO = fileURLToPath(new URL("../../", import.meta.url));
const SPEC = "specs/tiny/attn_dot.s2s";
const HEAVY = /^(@tensorflow\/tfjs|prettier|vega|@viz-js\/viz|onnxruntime-node)(\/|-|$)/;

interface Loaded {
  status: number | null;
  packages: string[];
  output: string;
}

/** Runs node with the recording hook and `args`; the packages it resolved, in order. */
function loads(args: readonly string[]): Promise<Loaded> {
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "--import", "./test/fixtures/record-packages.mjs", ...args],
    { cwd: REPO },
  );
  let output = "";
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  return new Promise((done) =>
    child.on("close", (status) => {
      const packages = [...output.matchAll(/^s2sc-package: (.+)$/gm)].map((m) => m[1]!);
      done({ status, packages, output });
    }),
  );
}

const importing = (entry: string) => [
  "--input-type=module",
  "-e",
  `await import(${JSON.stringify(`./${entry}`)});`,
];
const cli = (...args: string[]) => ["scripts/s2sc.ts", ...args];

const LIGHT: Record<string, string[]> = {
  'import("s2sc")': importing("src/index.ts"),
  'import("s2sc/node")': importing("src/node/index.ts"),
  "s2sc --help": cli("--help"),
  "s2sc check": cli("check", SPEC),
  "s2sc summary": cli("summary", SPEC),
};
const HEAVY_USERS: Record<string, { args: string[]; loads: string }> = {
  "s2sc run --backend tfjs": {
    args: cli("run", SPEC, "--backend", "tfjs", "--tf-backend", "cpu", "--src", "4 5 6"),
    loads: "@tensorflow/tfjs",
  },
  "s2sc fmt --check": { args: cli("fmt", "--check", SPEC), loads: "prettier" },
};

// Every child at once: each spends most of its time starting tsx.
const runs = new Map<string, Promise<Loaded>>([
  ...Object.entries(LIGHT).map(([name, args]) => [name, loads(args)] as const),
  ...Object.entries(HEAVY_USERS).map(([name, c]) => [name, loads(c.args)] as const),
]);

describe("start-up loads nothing heavy", () => {
  test.each(Object.keys(LIGHT))(
    "%s",
    async (name) => {
      const r = await runs.get(name)!;
      expect(r.status, r.output).toBe(0);
      // The hook works in this child: the parser's package is always resolved.
      expect(r.packages).toContain("chevrotain");
      expect(r.packages.filter((p) => HEAVY.test(p))).toEqual([]);
    },
    120_000,
  );

  test.each(Object.keys(HEAVY_USERS))(
    "%s does load what it needs",
    async (name) => {
      const r = await runs.get(name)!;
      expect(r.status, r.output).toBe(0);
      expect(r.packages).toContain(HEAVY_USERS[name]!.loads);
    },
    120_000,
  );
});
