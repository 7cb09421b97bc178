/**
 * Test helpers that read like specifications: `parseOk(text)`, `expectOnly(text, [...])`,
 * plus a generic AST walk for range checks.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { expect } from "vitest";
import type { Diagnostic } from "../../src/diagnostics/diagnostic.js";
import { positionAt, type Position, type SourceRange } from "../../src/diagnostics/range.js";
import type { FileNode, NodeBase } from "../../src/parser/ast.js";
import { parse } from "../../src/parser/index.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** Every `.s2s` file under specs/, as [relative path, text]. */
export function specFiles(): [string, string][] {
  const out: [string, string][] = [];
  const visit = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) visit(path);
      else if (name.endsWith(".s2s")) out.push([relative(ROOT, path), readFileSync(path, "utf8")]);
    }
  };
  visit(join(ROOT, "specs"));
  return out;
}

export function fixture(name: string): string {
  return readFileSync(join(ROOT, "test/parser/fixtures", name), "utf8");
}

/** Parses `text`, asserting that there are no diagnostics. */
export function parseOk(text: string, path = "test.s2s"): FileNode {
  const { ast, diagnostics } = parse(text, path);
  expect(diagnostics.map(show)).toEqual([]);
  return ast;
}

/** `CODE line:column message`, the compact form assertions compare. */
export function show(d: Diagnostic): string {
  return `${d.code} ${d.range.start.line}:${d.range.start.column} ${d.message}`;
}

/** `CODE line:column` of every diagnostic of `text`, in order. */
export function codesAt(text: string): string[] {
  return parse(text, "test.s2s").diagnostics.map(
    (d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`,
  );
}

/** Asserts the exact list of `CODE line:column` that `text` produces. */
export function expectOnly(text: string, expected: string[]): Diagnostic[] {
  const { diagnostics } = parse(text, "test.s2s");
  expect(diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`)).toEqual(
    expected,
  );
  return diagnostics;
}

/** Any AST node: an object with `kind` and `range`. */
export type AnyNode = NodeBase & { kind: string };

/** Every AST node under `root`, with its parent. */
export function* nodes(
  root: AnyNode,
  parent?: AnyNode,
): Generator<{ node: AnyNode; parent: AnyNode | undefined }> {
  yield { node: root, parent };
  for (const [key, value] of Object.entries(root)) {
    if (key === "range") continue;
    const children = Array.isArray(value) ? value : [value];
    for (const child of children) {
      if (child !== null && typeof child === "object" && "kind" in child && "range" in child) {
        yield* nodes(child as AnyNode, root);
      }
    }
  }
}

function samePosition(p: Position, text: string): boolean {
  const q = positionAt(text, p.offset);
  return p.line === q.line && p.column === q.column;
}

/** Problems with `range` in a file with `text`, as messages (empty when valid). */
export function rangeProblems(range: SourceRange, text: string, file: string): string[] {
  const problems: string[] = [];
  const { start, end } = range;
  if (range.file !== file) problems.push(`file ${range.file} != ${file}`);
  if (!(start.offset >= 0 && start.offset <= end.offset && end.offset <= text.length)) {
    problems.push(`offsets ${start.offset}..${end.offset} outside 0..${text.length}`);
  }
  if (!samePosition(start, text))
    problems.push(`start ${start.line}:${start.column} != offset ${start.offset}`);
  if (!samePosition(end, text))
    problems.push(`end ${end.line}:${end.column} != offset ${end.offset}`);
  return problems;
}

/**
 * Problems with the ranges of every node of `ast` and of every diagnostic: each must be
 * valid in the file, and a node must lie inside its parent (comments inside the file).
 */
export function allRangeProblems(
  ast: FileNode,
  diagnostics: readonly Diagnostic[],
  text: string,
): string[] {
  const problems: string[] = [];
  const file = ast.path;
  for (const { node, parent } of nodes(ast)) {
    const where = `${node.range.start.line}:${node.range.start.column} ${node.kind}`;
    for (const p of rangeProblems(node.range, text, file)) problems.push(`${where}: ${p}`);
    if (parent !== undefined && parent.kind !== "File") {
      const inside =
        parent.range.start.offset <= node.range.start.offset &&
        node.range.end.offset <= parent.range.end.offset;
      if (!inside) problems.push(`${where}: outside its parent ${parent.kind}`);
    }
  }
  for (const d of diagnostics) {
    for (const p of rangeProblems(d.range, text, file)) problems.push(`${d.code}: ${p}`);
    for (const r of d.related ?? [])
      for (const p of rangeProblems(r.range, text, file)) problems.push(`${d.code} related: ${p}`);
  }
  return problems;
}

/** The source text a range covers. */
export function slice(text: string, range: SourceRange): string {
  return text.slice(range.start.offset, range.end.offset);
}
