/** The grammar file as written to disk: the generated grammar as prettier-formatted JSON. */
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { buildGrammar } from "./build.js";
import { currentSources } from "./sources.js";

export const GRAMMAR_PATH = fileURLToPath(
  new URL("../../grammar/s2s.tmLanguage.json", import.meta.url),
);

/** The text of grammar/s2s.tmLanguage.json (formatted, since `prettier --check .` reads it). */
export async function grammarJson(): Promise<string> {
  const config = (await prettier.resolveConfig(GRAMMAR_PATH)) ?? {};
  return prettier.format(JSON.stringify(buildGrammar(currentSources())), {
    ...config,
    parser: "json",
    filepath: GRAMMAR_PATH,
  });
}
