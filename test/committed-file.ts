/**
 * Generated files that are committed (docs built from the code, generated modules): a
 * test computes what the file must hold and fails when the committed file differs, so a
 * stale file is caught, not silently rewritten. With UPDATE_DOCS=1 the test rewrites it
 * instead (and passes), for the author to review and commit.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";

const REPO = fileURLToPath(new URL("../", import.meta.url));

export function updating(): boolean {
  return process.env["UPDATE_DOCS"] === "1";
}

/** `testFile` is the test to run to regenerate it, for the failure message. */
export function expectCommittedFile(path: string, want: string, testFile: string): void {
  const have = existsSync(path) ? readFileSync(path, "utf8") : undefined;
  if (have === want) return;
  if (updating()) {
    writeFileSync(path, want);
    return;
  }
  const name = relative(REPO, path);
  expect(
    have,
    `${name} is ${have === undefined ? "missing" : "stale"}: regenerate it with \`UPDATE_DOCS=1 npx vitest run ${testFile}\` and commit it`,
  ).toBe(want);
}
