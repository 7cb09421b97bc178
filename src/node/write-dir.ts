/**
 * Writes a compiled output directory atomically, for every backend's package writer:
 * the files go to a temporary sibling that is then renamed over `dir`, so a reader (or
 * a crash) sees the old directory or the new one, never a half-written one. An existing
 * `dir` is moved aside first and put back if the rename fails.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/**
 * Whether writing a compiled directory at `dir` may replace what is there: nothing, an
 * empty directory, or a previous output of the same kind (`isOwnOutput` reads its
 * description). So `-o` pointed at the wrong directory cannot delete anything else.
 */
export function isReplaceableOutput(dir: string, isOwnOutput: (dir: string) => boolean): boolean {
  if (!existsSync(dir) || readdirSync(dir).length === 0) return true;
  try {
    return isOwnOutput(dir);
  } catch {
    return false;
  }
}

/** Writes `files` (name → content) as the directory `dir` (absolute); returns the names. */
export function writeDirectoryAtomically(
  dir: string,
  files: ReadonlyMap<string, string | Uint8Array>,
): string[] {
  const stamp = `${process.pid}-${Date.now()}`;
  const temp = join(dirname(dir), `.${basename(dir)}.${stamp}.tmp`);
  const old = join(dirname(dir), `.${basename(dir)}.${stamp}.old`);
  mkdirSync(dirname(dir), { recursive: true });
  try {
    mkdirSync(temp);
    for (const [name, content] of files) writeFileSync(join(temp, name), content);
    const replacing = existsSync(dir);
    if (replacing) renameSync(dir, old);
    try {
      renameSync(temp, dir);
    } catch (e) {
      if (replacing) renameSync(old, dir);
      throw e;
    }
    rmSync(old, { recursive: true, force: true });
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
  return [...files.keys()];
}
