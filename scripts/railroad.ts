/**
 * docs/railroad.html: the syntax diagrams of the grammar, generated from the parser
 * (`serializedGrammar`, chevrotain's `createSyntaxDiagramsCode`). Chevrotain's page
 * loads its drawing scripts and style sheet from a CDN; they are inlined here from the
 * installed chevrotain, so the page works offline and always matches the version that
 * produced the grammar. Written by scripts/gen-railroad.ts, checked by
 * test/grammar/railroad.test.ts.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { createSyntaxDiagramsCode } from "chevrotain";
import { serializedGrammar } from "../src/parser/index.js";

export const RAILROAD_PATH = fileURLToPath(new URL("../docs/railroad.html", import.meta.url));

/** chevrotain's diagrams/ folder (its package `exports` hide it from `require.resolve`). */
function diagramsDir(): string {
  const main = createRequire(import.meta.url).resolve("chevrotain");
  let dir = dirname(main);
  while (!readdirHas(dir, "package.json")) dir = dirname(dir);
  return join(dir, "diagrams");
}

function readdirHas(dir: string, name: string): boolean {
  try {
    readFileSync(join(dir, name));
    return true;
  } catch {
    return false;
  }
}

const BASE = "@diagrams/";

export function railroadHtml(): string {
  const dir = diagramsDir();
  const page = createSyntaxDiagramsCode(serializedGrammar(), {
    resourceBase: BASE,
    css: `${BASE}diagrams.css`,
  });
  const inlined = page
    .replace(
      /<link rel='stylesheet' href='@diagrams\/([\w./-]+)'>/g,
      (_, file: string) => `<style>\n${readFileSync(join(dir, file), "utf8")}</style>`,
    )
    .replace(
      /<script src='@diagrams\/([\w./-]+)'><\/script>/g,
      (_, file: string) => `<script>\n${readFileSync(join(dir, file), "utf8")}</script>`,
    );
  if (inlined.includes(BASE)) throw new Error("a diagram resource was not inlined");
  return inlined.replace(
    '<meta charset="utf-8">',
    '<meta charset="utf-8">\n<title>s2s grammar: syntax diagrams</title>\n' +
      "<!-- Generated from src/parser/parser.ts by scripts/gen-railroad.ts; do not edit. -->",
  );
}
