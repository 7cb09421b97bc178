/**
 * Declarations and members: `import`, `let`, `model`, parameters and arguments,
 * settings, sections and stacks. Each is one line of fixed tokens around its children;
 * the layout decisions (one line or many, alignment) live in print-members.ts and the
 * bracketed lists in print-expr.ts.
 */
import { doc, type Doc } from "prettier";
import { hasLeadingLineComment } from "./comments.js";
import type { Node } from "./nodes.js";
import { bracketed } from "./print-expr.js";
import type { PrinterTable, PrintArgs } from "./types.js";
import { printEach } from "./types.js";

type DeclKinds =
  | "Import"
  | "Let"
  | "Model"
  | "Param"
  | "ModelRef"
  | "Arg"
  | "Setting"
  | "Section"
  | "Stack"
  | "Ident";

const pad = (args: PrintArgs | undefined): Doc => args?.pad ?? "";

/**
 * A child after a keyword or `=` that has a line comment before it (`vocab = // why`
 * newline `512`): the comment stays on the line of the `=` and the child moves to the
 * next line, indented under it.
 */
function hang(child: Node | undefined, printed: Doc): Doc {
  return child !== undefined && hasLeadingLineComment(child)
    ? doc.builders.indent(printed)
    : printed;
}

export const DECLARATION_PRINTERS: Pick<PrinterTable, DeclKinds> = {
  Import: (node, _path, _options, print) => ["import ", hang(node.path, print("path"))],
  Let: (node, _path, _options, print, args) => [
    "let ",
    hang(node.name, print("name")),
    pad(args),
    " = ",
    hang(node.value, print("value")),
  ],
  Model: (node, path, options, print, args) => {
    if (node.instance !== undefined) {
      return [
        "model ",
        hang(node.name, print("name")),
        pad(args),
        " = ",
        hang(node.instance, print("instance")),
      ];
    }
    return [
      "model ",
      hang(node.name, print("name")),
      node.params === undefined
        ? ""
        : bracketed("(", printEach(node.params, "params", print), ")", true, path, options),
      node.extends === undefined ? "" : [" extends ", hang(node.extends, print("extends"))],
      " ",
      print("body"),
    ];
  },
  Param: (node, _path, _options, print) => [
    print("name"),
    " = ",
    hang(node.default, print("default")),
  ],
  ModelRef: (node, path, options, print) => [
    print("name"),
    node.args === undefined
      ? ""
      : bracketed("(", printEach(node.args, "args", print), ")", true, path, options),
  ],
  Arg: (node, _path, _options, print) => [print("name"), " = ", hang(node.value, print("value"))],
  Setting: (node, _path, _options, print, args) => [
    print("name"),
    pad(args),
    " = ",
    hang(node.value, print("value")),
  ],
  Section: (node, _path, _options, print) => [
    print("head"),
    node.variant === undefined ? "" : [" ", hang(node.variant, print("variant"))],
    " ",
    print("body"),
  ],
  Stack: (node, _path, _options, print) => [
    "stack ",
    hang(node.count, print("count")),
    " ",
    print("body"),
  ],
  Ident: (node) => node.name,
};
