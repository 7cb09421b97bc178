/**
 * Lists of members: the declarations of a file and the members of a body. Both keep
 * the author's blank lines (at most one), align the `=` of runs of `name = value`
 * members (alignment.ts), and place dangling comments.
 *
 * A body stays on one line when it fits (`source { vocab = 16  embed = 32 }`, members
 * two spaces apart), and otherwise puts one member per line. Two things break it
 * regardless of width:
 * - it holds two or more members with bodies (sections or stacks): a list of layers
 *   reads one layer per line, as the encoder–decoder picture does (and so every full
 *   model does, while `model big extends base { depth = 12 }` stays one line);
 * - a blank line between two members, or a line comment anywhere in it (prettier's
 *   comment printing breaks the enclosing group).
 */
import { doc, util, type Doc } from "prettier";
import type * as Ast from "../parser/index.js";
import { alignmentPads, type AlignItem } from "./alignment.js";
import { OPEN_BRACE } from "./attach.js";
import { COMMENTS_IN_GAP, printDanglingComments } from "./comments.js";
import { locEnd, locStart } from "./nodes.js";
import type { NodePrinter } from "./types.js";

const { breakParent, group, hardline, ifBreak, indent, line } = doc.builders;

type Item = Ast.TopLevel | Ast.Member;

function alignItem(item: Item, blankBefore: boolean): AlignItem {
  switch (item.kind) {
    case "Setting":
      return { run: "setting", width: item.name.name.length, blankBefore };
    case "Let":
      return { run: "let", width: item.name.name.length, blankBefore };
    case "Model":
      return item.instance === undefined
        ? { run: undefined, width: 0, blankBefore }
        : { run: "instance", width: item.name.name.length, blankBefore };
    default:
      return { run: undefined, width: 0, blankBefore };
  }
}

/**
 * Whether the source has a blank line between two items, also one after a comment line
 * between them (a blank line inside a block comment does not count).
 */
function blankLineBetween(text: string, from: number, to: number): boolean {
  const gap = text.slice(from, to).replace(COMMENTS_IN_GAP, "x");
  return /\n[ \t\r\f\v]*\n/.test(gap);
}

/**
 * For each item: whether to print a blank line before it, and its alignment padding.
 * The blank line printed is the one right after the previous item (`isNextLineEmpty`
 * looks past a trailing comment on its line); one after a comment line is printed with
 * the comment. Either ends an alignment run.
 */
function layout(items: readonly Item[], text: string): { blank: boolean[]; pads: number[] } {
  const blank = items.map((_, i) => i > 0 && util.isNextLineEmpty(text, locEnd(items[i - 1]!)));
  const pads = alignmentPads(
    items.map((item, i) =>
      alignItem(item, i > 0 && blankLineBetween(text, locEnd(items[i - 1]!), locStart(item))),
    ),
  );
  return { blank, pads };
}

const hasBody = (m: Ast.Member): boolean => m.kind === "Section" || m.kind === "Stack";

export const printFile: NodePrinter<"File"> = (node, path, options, print) => {
  const dangling = printDanglingComments(path, options.originalText);
  const { blank, pads } = layout(node.items, options.originalText);
  const parts: Doc[] = [];
  node.items.forEach((_, i) => {
    if (i > 0) parts.push(blank[i] ? [hardline, hardline] : hardline);
    parts.push(print(["items", i], { pad: " ".repeat(pads[i]!) }));
  });
  if (dangling !== undefined) parts.push(parts.length > 0 ? hardline : "", dangling);
  return parts.length === 0 ? "" : [...parts, hardline];
};

export const printBody: NodePrinter<"Body"> = (node, path, options, print) => {
  const text = options.originalText;
  const inner: Doc[] = [];
  // Comments on the line of the `{` stay there (and the body then opens up).
  const open = printDanglingComments(path, text, OPEN_BRACE);
  if (open !== undefined) inner.push(" ", open, breakParent);
  const id = Symbol("body");
  const { blank, pads } = layout(node.members, text);
  node.members.forEach((_, i) => {
    // Flat, `line` is one space and the `ifBreak` another: members two spaces apart.
    if (i > 0) inner.push(blank[i] ? [hardline, hardline] : [ifBreak("", " "), line]);
    else inner.push(line);
    // Padding only when the body is broken: a one-line body has nothing to align with.
    const pad = pads[i]! > 0 ? ifBreak(" ".repeat(pads[i]!), "", { groupId: id }) : "";
    inner.push(print(["members", i], { pad }));
  });
  // Comments in an empty body.
  const dangling = printDanglingComments(path, text);
  if (dangling !== undefined) inner.push(line, dangling);
  if (inner.length === 0) return "{ }";
  const shouldBreak = node.members.filter(hasBody).length >= 2;
  return group(["{", indent(inner), line, "}"], { shouldBreak, id });
};
