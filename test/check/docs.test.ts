// docs/language.md cannot drift from the schema: its field tables must equal the ones
// generated from the schema table, and every `s2s` example in it must check cleanly.
// `UPDATE_DOCS=1 npx vitest run test/check/docs.test.ts` rewrites the tables.
import { readFileSync, writeFileSync } from "node:fs";
import { format } from "prettier";
import { describe, expect, it } from "vitest";
import { BEGIN_MARK, END_MARK, schemaTablesMarkdown } from "../../src/check/doc-tables.js";
import { checkProgram } from "../../src/check/index.js";
import { memoryHost } from "../../src/source/host.js";
import { updating } from "../committed-file.js";

const DOC = new URL("../../docs/language.md", import.meta.url);
const SPECS = new URL("../../specs/", import.meta.url);

/** Table rows with cells trimmed and separator rows dropped: prettier re-pads tables. */
function normalise(md: string): string[] {
  return md
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !/^\|[\s|:-]+\|$/.test(l))
    .map((l) =>
      l.startsWith("|")
        ? l
            .split(/(?<!\\)\|/)
            .map((c) => c.trim())
            .join("|")
        : l,
    );
}

function generatedBlock(doc: string): string | undefined {
  const start = doc.indexOf(BEGIN_MARK);
  const end = doc.indexOf(END_MARK);
  if (start < 0 || end < start) return undefined;
  return doc.slice(start, end + END_MARK.length);
}

describe("docs/language.md", () => {
  it("has the field tables generated from the schema", async () => {
    let doc = readFileSync(DOC, "utf8");
    const block = generatedBlock(doc);
    expect(block, "the generated-tables markers are missing").toBeDefined();
    if (updating()) {
      doc = doc.replace(block!, schemaTablesMarkdown());
      doc = await format(doc, { parser: "markdown", printWidth: 100 });
      writeFileSync(DOC, doc);
    }
    expect(
      normalise(generatedBlock(doc)!),
      "docs/language.md's field tables are stale: run `UPDATE_DOCS=1 npx vitest run test/check/docs.test.ts`",
    ).toEqual(normalise(schemaTablesMarkdown()));
  });

  it("has only examples that check without errors", () => {
    const doc = readFileSync(DOC, "utf8");
    const examples = [...doc.matchAll(/```s2s\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(examples.length).toBeGreaterThan(3);
    const transformer = readFileSync(new URL("papers/transformer.s2s", SPECS), "utf8");
    for (const source of examples) {
      const host = memoryHost({
        "example.s2s": source,
        "papers/transformer.s2s": transformer,
        "layers/common.s2s": "",
      });
      const r = checkProgram("example.s2s", host);
      expect(
        r.diagnostics.filter((d) => d.severity === "error"),
        source,
      ).toEqual([]);
    }
  });
});
