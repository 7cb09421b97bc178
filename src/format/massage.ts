/**
 * What "the same meaning" is for the formatter: two trees are equal when they are equal
 * without source ranges and the file path, and their comments are the same texts in the
 * same order (line comments compared without trailing white space, which the printer
 * drops, and line breaks inside block comments compared as `\n`, since prettier
 * converts line endings). `sameMeaning` is what `s2sc fmt` checks before it writes, and what the tests
 * assert over every spec and fixture; `massageAstNode` is the same rule for prettier's
 * own `--debug-check`.
 */
import type { Comment, FileNode } from "../parser/index.js";
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
  return samePlainData(meaning(a), meaning(b));
}

/**
 * Deep equality of what `strip` returns: arrays, plain objects and primitives. Written
 * here rather than taken from `node:util` so that the formatter runs in a browser.
 * Primitives compare with Object.is, as isDeepStrictEqual does (NaN equals NaN).
 */
function samePlainData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    return (
      Array.isArray(a) &&
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((x, i) => samePlainData(x, b[i]))
    );
  }
  const ka = Object.keys(a);
  const kb = new Set(Object.keys(b));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.length === kb.size && ka.every((k) => kb.has(k) && samePlainData(ra[k], rb[k]));
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
