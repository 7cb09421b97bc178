/**
 * The VS Code extension (grammar/): the manifest points at files that exist and agree
 * with the grammar and the prettier plugin, the language configuration uses the
 * lexer's comment and bracket tokens, and its indentation rules reproduce the
 * formatter's indentation of every spec.
 */
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { languages } from "../../src/format/plugin.js";
import { TOKEN_CATEGORIES } from "../../src/parser/index.js";
import { ROOT, specs } from "../format/helpers.js";

const GRAMMAR_DIR = join(ROOT, "grammar");
const json = (name: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(GRAMMAR_DIR, name), "utf8")) as Record<string, unknown>;

interface Manifest {
  engines: { vscode: string };
  contributes: {
    languages: { id: string; extensions: string[]; configuration: string }[];
    grammars: { language: string; scopeName: string; path: string }[];
  };
}

interface LanguageConfiguration {
  comments: { lineComment: string; blockComment: [string, string] };
  brackets: [string, string][];
  autoClosingPairs: { open: string; close: string }[];
  indentationRules: { increaseIndentPattern: string; decreaseIndentPattern: string };
}

const manifest = json("package.json") as unknown as Manifest;
const config = json("language-configuration.json") as unknown as LanguageConfiguration;
const category = (name: string) => TOKEN_CATEGORIES.find((c) => c.category === name)!;

describe("the VS Code extension manifest", () => {
  it("contributes the language with the plugin's id and extension", () => {
    const [language] = manifest.contributes.languages;
    expect(language).toMatchObject({
      id: languages[0]!.vscodeLanguageIds![0],
      extensions: [".s2s"],
    });
    expect(existsSync(join(GRAMMAR_DIR, language!.configuration))).toBe(true);
    expect(manifest.engines.vscode).toMatch(/^\^1\.\d+\.\d+$/);
  });

  it("contributes the grammar under its own scope name", () => {
    const [grammar] = manifest.contributes.grammars;
    expect(grammar!.language).toBe(manifest.contributes.languages[0]!.id);
    expect(existsSync(join(GRAMMAR_DIR, grammar!.path))).toBe(true);
    expect(json(grammar!.path)["scopeName"]).toBe(grammar!.scopeName);
  });
});

describe("the language configuration", () => {
  it("uses the lexer's comment delimiters", () => {
    const line = category("comment.line");
    const block = category("comment.block");
    if (!("begin" in line) || !("begin" in block)) throw new Error("comment categories changed");
    expect(new RegExp(`^${line.begin}$`).test(config.comments.lineComment)).toBe(true);
    const [open, close] = config.comments.blockComment;
    expect(new RegExp(`^${block.begin}$`).test(open)).toBe(true);
    expect(new RegExp(`^${block.end}$`).test(close)).toBe(true);
  });

  it("pairs exactly the lexer's brackets, and closes strings", () => {
    const brackets = category("punctuation.brackets");
    if (!("words" in brackets)) throw new Error("bracket category changed");
    expect(config.brackets.flat().sort()).toEqual([...brackets.words].sort());
    const pairs = config.autoClosingPairs.map((p) => p.open + p.close);
    expect(pairs).toEqual(expect.arrayContaining(["{}", "[]", "()", '""']));
  });

  it("indents every spec as the formatter does", () => {
    const increase = new RegExp(config.indentationRules.increaseIndentPattern);
    const decrease = new RegExp(config.indentationRules.decreaseIndentPattern);
    for (const [path, text] of specs()) {
      const lines = text.split("\n").filter((l) => l.trim() !== "");
      let level = 0;
      lines.forEach((line, i) => {
        if (i > 0 && increase.test(lines[i - 1]!)) level++;
        if (decrease.test(line)) level--;
        expect(line.match(/^ */)![0].length, `${path}: ${line}`).toBe(2 * level);
      });
    }
  });
});
