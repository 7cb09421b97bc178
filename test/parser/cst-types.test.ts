/**
 * src/parser/cst.ts is generated from the grammar (chevrotain's `generateCstDts`), so
 * that to-ast.ts is type-checked against the rules. This test fails when the grammar
 * and the file drift apart; regenerate with
 *   UPDATE_DOCS=1 npx vitest run test/parser/cst-types.test.ts
 */
import { fileURLToPath } from "node:url";
import { generateCstDts } from "chevrotain";
import { format, resolveConfig } from "prettier";
import { describe, it } from "vitest";
import { getParser } from "../../src/parser/parser.js";
import { expectCommittedFile } from "../committed-file.js";

const FILE = fileURLToPath(new URL("../../src/parser/cst.ts", import.meta.url));

const HEADER = `/**
 * The concrete syntax tree's types, GENERATED from the grammar in parser.ts by
 * chevrotain's \`generateCstDts\`. Do not edit: regenerate with
 *   UPDATE_DOCS=1 npx vitest run test/parser/cst-types.test.ts
 *
 * Note: the types list children as the grammar requires them; after error recovery a
 * node may lack any of them, so to-ast.ts reads children through \`Partial\`.
 */
`;

async function expected(): Promise<string> {
  const dts = generateCstDts(getParser().getGAstProductions(), { includeVisitorInterface: false });
  const options = (await resolveConfig(FILE)) ?? {};
  return format(HEADER + dts, { ...options, filepath: FILE });
}

describe("generated CST types", () => {
  it("match the grammar", async () => {
    expectCommittedFile(FILE, await expected(), "test/parser/cst-types.test.ts");
  });
});
