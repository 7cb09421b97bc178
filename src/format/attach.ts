/**
 * Where comments go. Prettier attaches each comment to a neighbouring node by itself;
 * these hooks override it where its general rule would move a comment again on the
 * next format (formatting must be idempotent), or across a bracket. Each rule looks at
 * the significant characters (neither white space nor comments) between the comment
 * and its neighbours in the source:
 *
 * 1. Before a body's `{` (`base // note` newline `{`), or after the `{` with nothing
 *    but comments after it on its line (`encoder { // note`): on the line of the `{`,
 *    after it (the body's `open` slot).
 * 2. Inside empty brackets (`m( // note` newline `)`): stays inside them.
 * 3. Before a `,`, `)` or `]`, or a binary operator: with the item before it (inside
 *    the brackets, before the operator).
 * 4. After a `(` or `[`, or a line comment just before one: inside, before the first
 *    item (on its own line if it is a line comment).
 * 5. After an `=` or `extends` (`vocab = // note` newline `512`): belongs to what
 *    follows, which the printer then indents under it. A line comment just before an
 *    `=` (`vocab // note` newline `= 512`) moves after it.
 * 6. A line comment elsewhere in the head of a model, section or stack
 *    (`attention // note` newline `general { }`): before the next part of the head,
 *    which the printer indents under it (a line comment cannot stay in the middle of
 *    a line).
 * 7. Between two members on one line (`a = 1 /* x *\/ b = 2`): with the nearer member,
 *    so that printing, which puts one space on the near side and two spaces between
 *    members, keeps it there.
 */
import { util } from "prettier";
import { COMMENTS_IN_GAP, type AttachedComment } from "./comments.js";
import { locEnd, locStart, type Node } from "./nodes.js";

/** The body's comments printed right after its `{`. */
export const OPEN_BRACE = "open";
/** Comments inside empty brackets. */
export const IN_BRACKETS = "brackets";

type Placement = "ownLine" | "endOfLine" | "remaining";

interface Context extends AttachedComment {
  enclosingNode?: Node;
  precedingNode?: Node;
  followingNode?: Node;
}

/** The characters of `text[from, to)` that are neither white space nor in a comment. */
export function significant(text: string, from: number, to: number): string {
  return text.slice(from, to).replace(COMMENTS_IN_GAP, "").replace(/\s+/g, "");
}

const isListItem = (n: Node | undefined): boolean =>
  n !== undefined &&
  (n.kind === "Setting" ||
    n.kind === "Section" ||
    n.kind === "Stack" ||
    n.kind === "Let" ||
    n.kind === "Model" ||
    n.kind === "Import");

function attach(placement: Placement, comment: Context, text: string): boolean {
  const { enclosingNode: enclosing, precedingNode: prev, followingNode: next } = comment;
  const start = locStart(comment);
  const end = locEnd(comment);
  const from =
    prev !== undefined ? locEnd(prev) : enclosing !== undefined ? locStart(enclosing) : 0;
  const to =
    next !== undefined ? locStart(next) : enclosing !== undefined ? locEnd(enclosing) : text.length;
  const before = significant(text, from, start);
  const after = significant(text, end, to);
  const isLine = comment.style === "line";
  /** Whether only comments share the comment's line with the `{` before it. */
  const onBraceLine = (): boolean => {
    const lineEnd = text.slice(end).search(/[\n\r]|$/) + end;
    return !/[\n\r]/.test(text.slice(from, start)) && significant(text, end, lineEnd) === "";
  };

  // 1. The line of a `{` (a block comment in the middle of a line stays where it is).
  if (next?.kind === "Body" && after === "" && (isLine || placement !== "remaining"))
    return util.addDanglingComment(next, comment, OPEN_BRACE);
  if (enclosing?.kind === "Body" && prev === undefined && before === "{" && onBraceLine())
    return util.addDanglingComment(enclosing, comment, OPEN_BRACE);

  // 2–4. Brackets.
  const opens = /[([]$/.test(before);
  const closes = /^,?[)\]]/.test(after);
  const separates =
    after.startsWith(",") || (enclosing?.kind === "Binary" && /^[-+*/%]/.test(after));
  if (enclosing !== undefined && HAS_BRACKETS.has(enclosing.kind)) {
    if ((opens && closes) || (isLine && /^(?:\(\)|\[\])/.test(after) && !opens))
      return util.addDanglingComment(enclosing, comment, IN_BRACKETS);
  }
  if (prev !== undefined && (closes || separates) && !opens)
    return util.addTrailingComment(prev, comment);
  if (next !== undefined && !closes && (opens || (isLine && /^[([]$/.test(after))))
    return util.addLeadingComment(next, comment);

  // 5. After `=` or `extends`, or a line comment before `=`.
  if (next !== undefined && (/(?:=|extends)$/.test(before) || (after === "=" && isLine)))
    return util.addLeadingComment(next, comment);

  // 6. A line comment in a head (but not between the parameters of a model).
  const inParams = next?.kind === "Param" || (prev?.kind === "Param" && !before.includes(")"));
  if (isLine && !inParams && next !== undefined && isHead(enclosing))
    return util.addLeadingComment(next, comment);

  // 7. Between two members on one line.
  if (placement === "remaining" && isListItem(prev) && isListItem(next)) {
    const gapBefore = start - locEnd(prev!);
    const gapAfter = locStart(next!) - end;
    return gapBefore <= gapAfter
      ? util.addTrailingComment(prev, comment)
      : util.addLeadingComment(next, comment);
  }
  return false;
}

/** Nodes with a bracketed list that may be empty: `m()`, `model m()`, `f()`, `[]`. */
const HAS_BRACKETS: ReadonlySet<string> = new Set(["Model", "ModelRef", "Call", "List"]);

const isHead = (n: Node | undefined): boolean =>
  n !== undefined && (n.kind === "Model" || n.kind === "Section" || n.kind === "Stack");

export const handleComments = {
  ownLine: (comment: Context, text: string) => attach("ownLine", comment, text),
  endOfLine: (comment: Context, text: string) => attach("endOfLine", comment, text),
  remaining: (comment: Context, text: string) => attach("remaining", comment, text),
};
