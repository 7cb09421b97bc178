/** The CLI run from the sources in a child process in which some packages are absent. */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const REPO = fileURLToPath(new URL("../", import.meta.url));

export interface ChildRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function s2scWithout(packages: readonly string[], args: readonly string[]): ChildRun {
  const r = spawnSync(
    process.execPath,
    [
      "--import",
      "tsx",
      "--import",
      "./test/fixtures/without-packages.mjs",
      "scripts/s2sc.ts",
      ...args,
    ],
    { cwd: REPO, encoding: "utf8", env: { ...process.env, S2SC_WITHOUT: packages.join(",") } },
  );
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}
