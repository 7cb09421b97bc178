/**
 * Comments for prettier: what a comment is and how its text prints, `prettier-ignore`,
 * and the dangling comments (in an empty body or file, or on the line of a `{`), which
 * the node printers place. The parser hands every comment of the file to prettier
 * (`FileNode.comments`), prettier attaches each to a node (attach.ts refines where),
 * and print-comments.ts prints leading and trailing ones around the node.
 */
import { doc, type AstPath, type Doc } from "prettier";
import type { Comment } from "../parser/index.js";
import type { Node } from "./nodes.js";

const { breakParent, hardline, lineSuffixBoundary } = doc.builders;

/** Every comment in a stretch of source between two nodes (where no string can be). */
export const COMMENTS_IN_GAP = /\/\*[\s\S]*?\*\/|\/\/[^\n\r]*/g;

/** Prettier's bookkeeping on a comment after attaching it. */
export type AttachedComment = Comment & {
  leading?: boolean;
  trailing?: boolean;
  printed?: boolean;
  /** Which slot of the node a dangling comment goes to (attach.ts). */
  marker?: string;
};

/** Prettier adds the comments attached to a node as `node.comments`. */
export function attachedComments(node: Node): AttachedComment[] {
  return (node as { comments?: AttachedComment[] }).comments ?? [];
}

export function isBlockComment(comment: Node): boolean {
  return comment.kind === "Comment" && comment.style === "block";
}

/**
 * The text of a comment as printed. Trailing white space of a line comment is dropped
 * (it is invisible and editors strip it); a block comment is kept byte for byte, since
 * its inner lines are the author's layout.
 */
export function commentText(comment: Comment): string {
  return comment.style === "line" ? comment.text.trimEnd() : comment.text;
}

export function printComment(path: AstPath<Node>): Doc {
  const node = path.node;
  if (node.kind !== "Comment") throw new Error(`not a comment: ${node.kind}`);
  return commentText(node);
}

/** Every node but a comment can carry comments. */
export function canAttachComment(node: Node): boolean {
  return typeof node === "object" && node !== null && "kind" in node && node.kind !== "Comment";
}

const IGNORE = /^(?:\/\/\s*prettier-ignore\s*|\/\*\s*prettier-ignore\s*\*\/)$/;

/** `// prettier-ignore` before a member or declaration keeps it exactly as written. */
export function hasPrettierIgnore(path: AstPath<Node>): boolean {
  return attachedComments(path.node).some((c) => c.leading === true && IGNORE.test(c.text));
}

const isDangling = (c: AttachedComment, marker: string | undefined): boolean =>
  c.leading !== true && c.trailing !== true && c.marker === marker;

/**
 * The comments that are attached to the current node but to no child of it
 * (dangling) and have the given `marker`, or `undefined` when there are none. They
 * are marked printed (prettier checks that every comment was printed exactly once).
 *
 * Without a marker (an empty body or file) they are printed one per line; with one
 * (attach.ts: the line of a `{`, empty brackets) they share a line until a line
 * comment (see `separator`).
 */
export function printDanglingComments(
  path: AstPath<Node>,
  originalText: string,
  marker?: string,
): Doc | undefined {
  if (!attachedComments(path.node).some((c) => isDangling(c, marker))) return undefined;
  const parts: Doc[] = [];
  let previous: AttachedComment | undefined;
  let lineEnded = false;
  path.each((p) => {
    const c = p.node as AttachedComment;
    if (!isDangling(c, marker)) return;
    c.printed = true;
    if (previous !== undefined) {
      lineEnded ||= previous.style === "line";
      parts.push(separator(previous, c, originalText, marker, lineEnded));
    }
    // A line comment runs to the end of the line: nothing may follow it on that line.
    parts.push(lineSuffixBoundary, commentText(c), c.style === "line" ? breakParent : "");
    previous = c;
  }, "comments");
  return parts;
}

/**
 * Between two dangling comments. In a slot of a line (a `{` line, empty brackets),
 * comments share the line until a line comment ends it; after that each is on a line
 * of its own, which is where the next format finds them again. Elsewhere each is on a
 * line of its own, and a blank line between two is kept.
 */
function separator(
  previous: AttachedComment,
  c: AttachedComment,
  originalText: string,
  marker: string | undefined,
  lineEnded: boolean,
): Doc {
  if (marker !== undefined) return lineEnded ? hardline : " ";
  const between = originalText.slice(previous.range.end.offset, c.range.start.offset);
  return BLANK_LINE.test(between) ? [hardline, hardline] : hardline;
}

const BLANK_LINE = /\n[ \t\r\f\v]*\n/;

/** Whether `node` has a leading line comment (which ends its line in the output). */
export function hasLeadingLineComment(node: Node): boolean {
  return attachedComments(node).some((c) => c.leading === true && c.style === "line");
}
