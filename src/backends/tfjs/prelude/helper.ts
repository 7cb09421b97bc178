/**
 * A helper of the generated code's prelude: JavaScript source that every generated
 * module carries (only the helpers its graphs use) and that in-process execution
 * evaluates too, so the two products run the same text.
 *
 * Helper sources are plain JavaScript in template strings, so they must not contain a
 * backtick or a dollar-brace; they may use `tf` (the @tensorflow/tfjs namespace) and
 * the helpers named in `deps`. Every helper is exercised by the equivalence tests.
 */
export interface Helper {
  /** The name the generated code calls. */
  readonly name: string;
  /** Helpers this one calls, emitted before it. */
  readonly deps: readonly string[];
  /** The source: one or more declarations, led by a comment that says what it is for. */
  readonly code: string;
}

export function helper(name: string, deps: readonly string[], code: string): Helper {
  return { name, deps, code: code.trim() };
}
