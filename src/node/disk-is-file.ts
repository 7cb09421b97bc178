/** Whether a path names an existing file: how `FILE:MODEL` is told from a path with a colon. */
import { statSync } from "node:fs";
import { resolve } from "node:path";

/** Whether `path` (relative to `cwd`) is an existing file. */
export function diskIsFile(cwd: string): (path: string) => boolean {
  return (path) => {
    try {
      return statSync(resolve(cwd, path)).isFile();
    } catch {
      return false;
    }
  };
}
