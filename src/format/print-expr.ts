/**
 * Expressions. The AST keeps parentheses as `Paren` nodes and literals as written, so
 * printing never adds or removes parentheses and never rewrites a number: printing the
 * tree in order gives back the same tokens, only the white space changes.
 */
import { doc, type Doc } from "prettier";
import { IN_BRACKETS } from "./attach.js";
import { printDanglingComments } from "./comments.js";
import type { Options, Path, PrinterTable } from "./types.js";
import { printEach } from "./types.js";

const { group, indent, join, line, softline } = doc.builders;

/**
 * A bracketed, comma-separated list that stays on one line when it fits and otherwise
 * puts one item per line. `trailingComma` is only for lists whose grammar allows one
 * (parameters and arguments of models, not calls or list values).
 */
export function bracketed(
  open: string,
  items: Doc[],
  close: string,
  trailingComma: boolean,
  path: Path,
  options: Options,
): Doc {
  if (items.length === 0) {
    // Only comments can be inside empty brackets (attach.ts).
    const inside = printDanglingComments(path, options.originalText, IN_BRACKETS);
    return inside === undefined
      ? [open, close]
      : group([open, indent([softline, inside]), softline, close]);
  }
  return group([
    open,
    indent([softline, join([",", line], items)]),
    trailingComma ? doc.builders.ifBreak(",") : "",
    softline,
    close,
  ]);
}

/** `"` and `\` are escaped, a newline is `\n`: the language's only escapes. */
export function quote(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\n/g, "\\n")}"`;
}

type ExprKinds =
  | "Number"
  | "String"
  | "Bool"
  | "Name"
  | "Call"
  | "Binary"
  | "Unary"
  | "List"
  | "Paren"
  | "ErrorExpr";

export const EXPRESSION_PRINTERS: Pick<PrinterTable, ExprKinds> = {
  Number: (node) => node.text,
  String: (node) => quote(node.value),
  Bool: (node) => (node.value ? "true" : "false"),
  Name: (node) => node.name,
  Call: (node, path, options, print) => [
    print("callee"),
    bracketed("(", printEach(node.args, "args", print), ")", false, path, options),
  ],
  /**
   * A chain of operators shares one group and one indent: when it does not fit, it
   * breaks after every operator of the chain, and the continuation lines are indented
   * once (the first operand never moves, so the indent only affects the breaks). The
   * operands nested in the chain print without their own group.
   */
  Binary: (node, path, _options, print) => {
    const chain = [print("left"), " ", node.op, line, print("right")];
    return path.parent?.kind === "Binary" ? chain : group(indent(chain));
  },
  // `- -x`, not `--x`, which reads as a decrement.
  Unary: (node, _path, _options, print) => [
    node.operand.kind === "Unary" ? "- " : "-",
    print("operand"),
  ],
  List: (node, path, options, print) =>
    bracketed("[", printEach(node.items, "items", print), "]", false, path, options),
  Paren: (_node, _path, _options, print) =>
    group(["(", indent([softline, print("expr")]), softline, ")"]),
  ErrorExpr: () => {
    // parse.ts refuses files with syntax errors, so a tree never has one.
    throw new Error("cannot format an expression with a syntax error");
  },
};
