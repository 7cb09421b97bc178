/**
 * Tokenizing with the engine VS Code uses: vscode-textmate over the Oniguruma regex
 * library compiled to WebAssembly (vscode-oniguruma).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import oniguruma from "vscode-oniguruma";
import textmate from "vscode-textmate";

const require = createRequire(import.meta.url);
export const GRAMMAR_FILE = fileURLToPath(
  new URL("../../grammar/s2s.tmLanguage.json", import.meta.url),
);

let wasmLoaded: Promise<void> | undefined;

function loadWasm(): Promise<void> {
  wasmLoaded ??= oniguruma.loadWASM(
    readFileSync(require.resolve("vscode-oniguruma/release/onig.wasm")).buffer,
  );
  return wasmLoaded;
}

/** One token: the text and its scopes, outermost first (`source.s2s` ...). */
export interface ScopedToken {
  line: number;
  startColumn: number;
  text: string;
  scopes: string[];
}

export type Tokenizer = (text: string) => ScopedToken[];

/** A tokenizer for `grammar` (the JSON object; by default the committed file). */
export async function tokenizer(
  grammar: unknown = JSON.parse(readFileSync(GRAMMAR_FILE, "utf8")),
): Promise<Tokenizer> {
  await loadWasm();
  const registry = new textmate.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns) => new oniguruma.OnigScanner(patterns),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === "source.s2s"
        ? textmate.parseRawGrammar(JSON.stringify(grammar), "s2s.tmLanguage.json")
        : null,
  });
  const loaded = await registry.loadGrammar("source.s2s");
  if (loaded === null) throw new Error("the grammar did not load");
  return (text) => {
    const out: ScopedToken[] = [];
    let state = textmate.INITIAL;
    text.split(/\r?\n/).forEach((lineText, i) => {
      const r = loaded.tokenizeLine(lineText, state);
      for (const t of r.tokens) {
        out.push({
          line: i + 1,
          startColumn: t.startIndex + 1,
          text: lineText.slice(t.startIndex, t.endIndex),
          scopes: t.scopes,
        });
      }
      state = r.ruleStack;
    });
    return out;
  };
}
