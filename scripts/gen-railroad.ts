// Writes docs/railroad.html, the syntax diagrams of the parser's grammar:
// `npx tsx scripts/gen-railroad.ts`. test/grammar/railroad.test.ts fails when it is out of date.
import { writeFileSync } from "node:fs";
import { RAILROAD_PATH, railroadHtml } from "./railroad.js";

writeFileSync(RAILROAD_PATH, railroadHtml());
console.log(`wrote ${RAILROAD_PATH}`);
