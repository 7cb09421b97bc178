/**
 * The one rule for inputs that cannot be read (docs/cli.md, "Exit codes"): a file the
 * operating system does not hand over — missing, a directory, no permission — is an I/O
 * error, exit 2, whichever command was given it; a file that was read but is not what
 * the command wants (binary, not UTF-8, too large, wrong contents) is wrong input,
 * exit 1. The diagnostics are printed the same way in both cases.
 */
import type { Code, Diagnostic } from "../node/index.js";
import { EXIT } from "./io.js";

/** The S2S0xxx codes of a file that could not be read at all. */
export const UNREADABLE: ReadonlySet<Code> = new Set<Code>(["S2S0001", "S2S0002", "S2S0007"]);

/** Whether `diagnostics` include a file that could not be read. */
export function hasUnreadableFile(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === "error" && UNREADABLE.has(d.code));
}

/** The exit code of a command that failed with these diagnostics (one or more errors). */
export function failureExitCode(diagnostics: readonly Diagnostic[]): number {
  return hasUnreadableFile(diagnostics) ? EXIT.usage : EXIT.input;
}
