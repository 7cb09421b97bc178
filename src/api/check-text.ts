/**
 * The whole check (`checkFiles`: syntax, names, schema and every model's shapes) of one
 * spec given as text, for an editor or a web page that holds the text in memory.
 */
import { checkFiles, type CheckFilesOptions, type CheckFilesResult } from "./check.js";
import { memoryHost } from "./memory-host.js";

/** Checks `text` as the file `path` (default `model.s2s`); its imports are not found. */
export function checkText(
  text: string,
  path = "model.s2s",
  options: CheckFilesOptions = {},
): CheckFilesResult {
  return checkFiles(memoryHost({ [path]: text }), [path], options);
}
