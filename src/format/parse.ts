/**
 * The prettier parser `s2s`: the project's own parser, so that the formatter reads
 * exactly the language the compiler reads.
 *
 * Prettier formats only valid input: a file with a syntax error would come back from
 * the parser with constructs dropped (ast.ts), and printing that tree would delete the
 * user's text. So any error diagnostic is thrown, in the shape prettier reports with a
 * code frame (`loc` with 1-based line and column).
 */
import type { Parser } from "prettier";
import type { Diagnostic } from "../diagnostics/index.js";
import type { FileNode } from "../parser/index.js";
import { parse } from "../parser/index.js";
import { locEnd, locStart, type Node } from "./nodes.js";

/** A syntax error as prettier expects it: `loc` makes the CLI print a code frame. */
export class S2sSyntaxError extends SyntaxError {
  readonly loc: { start: { line: number; column: number }; end: { line: number; column: number } };
  readonly diagnostics: readonly Diagnostic[];

  constructor(diagnostics: readonly Diagnostic[]) {
    const first = diagnostics[0]!;
    const more = diagnostics.length > 1 ? ` (and ${diagnostics.length - 1} more)` : "";
    super(`${first.code}: ${first.message}${more}`);
    this.name = "SyntaxError";
    this.diagnostics = diagnostics;
    const { start, end } = first.range;
    this.loc = {
      start: { line: start.line, column: start.column },
      end: { line: end.line, column: end.column },
    };
  }
}

/** Parses `text` for formatting; throws `S2sSyntaxError` when it has errors. */
export function parseForFormat(text: string, path = "<input>"): FileNode {
  const { ast, diagnostics } = parse(text, path);
  const errors = diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new S2sSyntaxError(errors);
  return ast;
}

export const s2sParser: Parser<Node> = {
  astFormat: "s2s-ast",
  parse: (text, options) => parseForFormat(text, options.filepath ?? "<input>"),
  locStart,
  locEnd,
};
