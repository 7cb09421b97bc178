import { boundMessage } from "./bound.js";
import { CODES, type Code } from "./codes.js";
import type { SourceRange } from "./range.js";

export type Severity = "error" | "warning" | "info";

/** A second location that explains a diagnostic ("first declared here"). */
export interface Related {
  message: string;
  range: SourceRange;
}

/** A problem found in the user's input. Data, never thrown. */
export interface Diagnostic {
  code: Code;
  severity: Severity;
  /** One line, no trailing period. */
  message: string;
  range: SourceRange;
  hint?: string;
  related?: Related[];
}

/**
 * Collects diagnostics for one run of a stage. Stages take a `Diagnostics` and add to it;
 * they never throw for bad input.
 */
export class Diagnostics {
  readonly items: Diagnostic[] = [];

  /** Adds a diagnostic with the severity the code table gives. */
  add(
    code: Code,
    range: SourceRange,
    message: string,
    extra: { hint?: string; related?: Related[] } = {},
  ): Diagnostic {
    // Messages quote user text (names, strings), which may be a megabyte long.
    const d: Diagnostic = {
      code,
      severity: CODES[code].severity,
      message: boundMessage(message),
      range,
    };
    if (extra.hint !== undefined) d.hint = boundMessage(extra.hint);
    if (extra.related !== undefined && extra.related.length > 0)
      d.related = extra.related.map((r) => ({ ...r, message: boundMessage(r.message) }));
    this.items.push(d);
    return d;
  }

  push(...ds: Diagnostic[]): void {
    this.items.push(...ds);
  }

  get hasErrors(): boolean {
    return this.items.some((d) => d.severity === "error");
  }

  get errorCount(): number {
    return this.items.filter((d) => d.severity === "error").length;
  }
}

/** Sorts by file, then position, then code: the order diagnostics are shown in. */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      (a.range.file < b.range.file ? -1 : a.range.file > b.range.file ? 1 : 0) ||
      a.range.start.offset - b.range.start.offset ||
      (a.code < b.code ? -1 : a.code > b.code ? 1 : 0),
  );
}

/**
 * One diagnostic per (code, place, message), keeping the first. Expanding a parent
 * model for each child, or checking two files that import the same third, replays the
 * same problems.
 */
export function dedupeDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const key = `${d.code}|${d.range.file}|${d.range.start.offset}|${d.range.end.offset}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
