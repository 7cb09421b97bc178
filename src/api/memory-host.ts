/**
 * Source text held in memory, for a web page, an editor or a test: a `SourceHost` over
 * a plain object or a Map of path → text. Imports resolve between its paths as on a
 * POSIX disk (`../common.s2s` from `specs/a.s2s` is `common.s2s`).
 */
import { memoryHost as recordHost, type SourceHost } from "../source/index.js";

/** A host whose files are `files` (path → text); a missing path reads as S2S0001. */
export function memoryHost(
  files: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
): SourceHost {
  return recordHost(files instanceof Map ? Object.fromEntries(files) : { ...files });
}
