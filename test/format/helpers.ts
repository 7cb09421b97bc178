/** Shared helpers of the formatter tests: format with the plugin from source, and the corpus. */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { expect } from "vitest";
import { meaning } from "../../src/format/massage.js";
import plugin from "../../src/format/plugin.js";
import { parse } from "../../src/parser/index.js";

export const ROOT = fileURLToPath(new URL("../../", import.meta.url));
export const FIXTURES = join(ROOT, "test/format/fixtures");

/** Formats with the plugin's defaults (print width 100, as the repository's config). */
export function format(text: string, options: prettier.Options = {}): Promise<string> {
  return prettier.format(text, { parser: "s2s", plugins: [plugin], ...options });
}

/** The AST without ranges, comments as texts: what formatting must not change. */
export function meaningOf(text: string): unknown {
  const { ast, diagnostics } = parse(text, "t.s2s");
  expect(diagnostics.filter((d) => d.severity === "error")).toEqual([]);
  return meaning(ast);
}

/**
 * `before` formats to `after`, `after` is a fixed point, and the meaning is kept (the
 * Langium-style `expectFormatting`).
 */
export async function expectFormatting(
  before: string,
  after: string,
  options: prettier.Options = {},
): Promise<void> {
  const once = await format(before, options);
  expect(once).toBe(after);
  expect(await format(once, options)).toBe(once);
  expect(meaningOf(once)).toEqual(meaningOf(before));
}

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".s2s") ? [join(dir, e.name)] : [],
  );
}

/** `[path relative to the repository, text]` of every spec in specs/. */
export function specs(): [string, string][] {
  return walk(join(ROOT, "specs"))
    .sort()
    .map((p) => [relative(ROOT, p), readFileSync(p, "utf8")]);
}

/** `[file name, text]` of every messy-but-valid input in test/format/fixtures/. */
export function fixtures(): [string, string][] {
  return readdirSync(FIXTURES)
    .filter((n) => n.endsWith(".s2s"))
    .sort()
    .map((n) => [n, readFileSync(join(FIXTURES, n), "utf8")]);
}
