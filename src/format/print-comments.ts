/**
 * Leading and trailing comments around a node. The plugin prints them itself instead
 * of leaving it to prettier (`willPrintOwnComments`), for two guarantees that the
 * tests check over every spec and a corpus of comments in every possible place:
 *
 * - Comments come out in source order and never merge. A line comment is deferred to
 *   the end of its line (`lineSuffix`); a later comment on the same output line would
 *   then print before it, or a second line comment would join it (`// a // b`, one
 *   comment when read back). So every comment starts with a `lineSuffixBoundary`,
 *   which ends the line first when a line comment is still pending.
 * - Inside a line (names, values, parameters) a block comment stays in the line,
 *   wherever the source had its line breaks; members and declarations keep prettier's
 *   behaviour: a comment on its own line stays on its own line, and a blank line after
 *   it is kept.
 */
import { doc, util, type AstPath, type Doc } from "prettier";
import {
  attachedComments,
  commentText,
  hasPrettierIgnore,
  type AttachedComment,
} from "./comments.js";
import { locEnd, locStart, type Node } from "./nodes.js";

const { breakParent, hardline, line, lineSuffix, lineSuffixBoundary } = doc.builders;

/** Members and declarations: their comments may sit on lines of their own. */
const LINE_LEVEL: ReadonlySet<string> = new Set([
  "Import",
  "Let",
  "Model",
  "Setting",
  "Section",
  "Stack",
]);

/** Prettier prints the comments of a `prettier-ignore`d node (it skips our printer). */
export function willPrintOwnComments(path: AstPath<Node>): boolean {
  return !hasPrettierIgnore(path);
}

/** `printed` with the node's leading and trailing comments. */
export function printWithComments(path: AstPath<Node>, printed: Doc, text: string): Doc {
  const comments = attachedComments(path.node);
  if (!comments.some((c) => c.leading === true || c.trailing === true)) return printed;
  const lineLevel = LINE_LEVEL.has(path.node.kind);
  const leading: Doc[] = [];
  const trailing: Doc[] = [];
  let afterLineComment = false;
  for (const c of comments) {
    if (c.leading === true) {
      c.printed = true;
      leading.push(lineSuffixBoundary, commentText(c), afterLeading(c, lineLevel, text));
    } else if (c.trailing === true) {
      c.printed = true;
      trailing.push(printTrailing(c, lineLevel && ownLine(c, text), afterLineComment, text));
      afterLineComment ||= c.style === "line";
    }
  }
  return [...leading, printed, ...trailing];
}

/** Whether the comment starts its line in the source. */
function ownLine(c: AttachedComment, text: string): boolean {
  return util.hasNewline(text, locStart(c), { backwards: true });
}

/** What separates a leading comment from its node. */
function afterLeading(c: AttachedComment, lineLevel: boolean, text: string): Doc {
  if (!lineLevel) return c.style === "line" ? hardline : " ";
  let separator: Doc;
  if (c.style === "line") separator = hardline;
  else if (!util.hasNewline(text, locEnd(c))) return " ";
  // A block comment on its own line stays there; one ending a line breaks before the node.
  else separator = ownLine(c, text) ? hardline : line;
  // A blank line between the comment and the member is kept.
  const next = util.skipNewline(text, util.skipSpaces(text, locEnd(c)));
  return next !== false && util.hasNewline(text, next) ? [separator, hardline] : separator;
}

function printTrailing(
  c: AttachedComment,
  onOwnLine: boolean,
  afterLineComment: boolean,
  text: string,
): Doc {
  const printed = commentText(c);
  // After a line comment, a block comment starts the next line, right away: the
  // boundary ends the pending line. (Deferred too, it would land after a `,` that
  // follows the node, and the next format would give it to the next item.)
  if (afterLineComment && c.style === "block") return [lineSuffixBoundary, printed];
  if (onOwnLine || afterLineComment) {
    // On a line of its own after the node (a blank line before it is kept). No
    // boundary: the line break that starts it already keeps it apart and in order.
    const blank = onOwnLine && util.isPreviousLineEmpty(text, locStart(c));
    return [lineSuffix([hardline, blank ? hardline : "", printed]), breakParent];
  }
  if (c.style === "line") return [lineSuffixBoundary, lineSuffix([" ", printed]), breakParent];
  return [lineSuffixBoundary, " ", printed];
}
