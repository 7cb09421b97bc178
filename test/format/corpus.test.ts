/**
 * The acceptance criteria over every spec and every fixture: formatting is idempotent
 * and keeps the meaning (the AST without ranges, comments included). Each fixture
 * formats to its expected output in fixtures/formatted/ (prettier-java's two-step
 * fixture test), and every spec is already formatted, so `npm test` fails when a spec
 * is committed unformatted (`s2sc fmt --write specs/**\/*.s2s` fixes it).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configFor, formatSource } from "../../src/format/format.js";
import { FIXTURES, ROOT, fixtures, format, meaningOf, specs } from "./helpers.js";

describe.each([
  ["spec", specs()],
  ["fixture", fixtures()],
])("every %s", (_kind, files) => {
  it.each(files)("%s: formatting is idempotent and keeps the meaning", async (_name, text) => {
    const once = await format(text);
    const twice = await format(once);
    expect(twice).toBe(once);
    expect(meaningOf(once)).toEqual(meaningOf(text));
  });
});

describe("the specs", () => {
  it.each(specs())(
    "%s is formatted (with the repository's prettier config)",
    async (path, text) => {
      const outcome = await formatSource(text, path, await configFor(join(ROOT, path)));
      expect(outcome).toEqual({ kind: "formatted", text, changed: false });
    },
  );
});

describe("the fixtures", () => {
  it.each(fixtures())("%s formats to fixtures/formatted/%s", async (name, text) => {
    await expect(await format(text)).toMatchFileSnapshot(join(FIXTURES, "formatted", name));
  });

  it("keep CRLF input's meaning and print LF", async () => {
    for (const [, text] of fixtures()) {
      const crlf = text.replace(/\n/g, "\r\n");
      const out = await format(crlf);
      expect(out).toBe(await format(text));
      expect(meaningOf(out)).toEqual(meaningOf(text));
    }
  });
});
