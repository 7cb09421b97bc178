/**
 * The prettier printer for the `.s2s` AST: one printer per node kind (prettier-java's
 * rule, enforced by `PrinterTable`'s type), plus the comment hooks.
 */
import type { Doc, Printer } from "prettier";
import { handleComments } from "./attach.js";
import { canAttachComment, hasPrettierIgnore, isBlockComment, printComment } from "./comments.js";
import { printWithComments, willPrintOwnComments } from "./print-comments.js";
import { massageAstNode } from "./massage.js";
import { visitorKeys, type Node } from "./nodes.js";
import { DECLARATION_PRINTERS } from "./print-decls.js";
import { EXPRESSION_PRINTERS } from "./print-expr.js";
import { printBody, printFile } from "./print-members.js";
import type { NodePrinter, PrintArgs, PrinterTable } from "./types.js";

const PRINTERS: PrinterTable = {
  File: printFile,
  Body: printBody,
  ...DECLARATION_PRINTERS,
  ...EXPRESSION_PRINTERS,
};

export const s2sPrinter: Printer<Node> = {
  print(path, options, print, args): Doc {
    const node = path.node;
    if (node.kind === "Comment") return printComment(path); // printed by printComment
    const printer = PRINTERS[node.kind] as NodePrinter<typeof node.kind>;
    const printed = printer(node as never, path, options, print, args as PrintArgs | undefined);
    return printWithComments(path, printed, options.originalText);
  },
  getVisitorKeys: (node) => [...visitorKeys(node)],
  canAttachComment,
  isBlockComment,
  printComment,
  willPrintOwnComments,
  handleComments,
  hasPrettierIgnore,
  massageAstNode,
};
