/**
 * What "the same meaning" is for the formatter: two trees are equal when they are equal
 * without source ranges and the file path, and their comments are the same texts in the
 * same order (line comments compared without trailing white space, which the printer
 * drops, and line breaks inside block comments compared as `\n`, since prettier
 * converts line endings). `sameMeaning` is what `s2sc fmt` checks before it writes, and what the tests
 * assert over every spec and fixture; `massageAstNode` is the same rule for prettier's
 * own `--debug-check`.
 */
import { isDeepStrictEqual } from "node:util";
import type { Comment, FileNode } from "../parser/ast.js";
import { commentText } from "./comments.js";
import type { Node } from "./nodes.js";

const IGNORED = new Set(["range", "path"]);

/** The tree as plain data without ranges, with comments as their printed texts. */
export function meaning(file: FileNode): unknown {
  return strip({ ...file, comments: file.comments.map(comparable) });
}

function comparable(comment: Comment): string {
  return commentText(comment).replace(/\r\n?/g, "\n");
}

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (typeof value !== "object" || value === null) return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) if (!IGNORED.has(k)) out[k] = strip(v);
  return out;
}

export function sameMeaning(a: FileNode, b: FileNode): boolean {
  return isDeepStrictEqual(meaning(a), meaning(b));
}

/** prettier's hook (`--debug-check`): `cloned` is `original` with its children cleaned. */
export function massageAstNode(
  original: Node,
  cloned: Record<string, unknown>,
): Record<string, unknown> | undefined {
  if (original.kind === "File") cloned["comments"] = original.comments.map(comparable);
  return undefined;
}
massageAstNode.ignoredProperties = IGNORED;
