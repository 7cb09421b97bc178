// Writes grammar/s2s.tmLanguage.json from the lexer's token table and the language
// schema: `npx tsx scripts/gen-grammar.ts`. test/grammar/drift.test.ts fails when the
// file is out of date.
import { writeFileSync } from "node:fs";
import { grammarJson, GRAMMAR_PATH } from "./grammar/output.js";

writeFileSync(GRAMMAR_PATH, await grammarJson());
console.log(`wrote ${GRAMMAR_PATH}`);
