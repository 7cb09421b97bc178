/**
 * Comments stay where they were written, in order, and never merge (see
 * src/format/attach.ts and print-comments.ts for the rules).
 */
import { describe, expect, it } from "vitest";
import { expectFormatting, format, meaningOf } from "./helpers.js";

describe("comments", () => {
  it("keeps own-line comments on their own lines, with one blank line after if written", async () => {
    const text = "// file\n\n// about m\nmodel m {\n  // about x\n\n  x = 1\n  // the end\n}\n";
    await expectFormatting(text, text);
  });

  it("keeps end-of-line comments at the end of their line, and opens the body", async () => {
    await expectFormatting(
      "model m { source { vocab = 1 // one\n embed = 2 } }",
      "model m {\n  source {\n    vocab = 1 // one\n    embed = 2\n  }\n}\n",
    );
  });

  it("keeps a comment on the line of a `{` there", async () => {
    await expectFormatting(
      "model m extends base // why\n{ x = 1 }",
      "model m extends base { // why\n  x = 1\n}\n",
    );
    await expectFormatting("model m { // why\n}", "model m { // why\n}\n");
  });

  it("keeps block comments inside a line", async () => {
    const text = "model /* a */ m(p = /* b */ 1) extends /* c */ base { x = 1 /* d */ }\n";
    await expectFormatting(text, text);
    await expectFormatting("let x =\n/* why */\n4", "let x = /* why */ 4\n");
  });

  it("moves a line comment after `=` to the end of that line and indents the value", async () => {
    await expectFormatting("model m { x = // why\n 4 }", "model m {\n  x = // why\n    4\n}\n");
  });

  it("keeps comments inside brackets, even empty ones", async () => {
    await expectFormatting(
      "model n = m( // nothing yet\n)\nlet l = [1, 2 /* two */]",
      "model n = m(\n  // nothing yet\n)\nlet l = [1, 2 /* two */]\n",
    );
  });

  it("keeps comments in an empty body and an empty file", async () => {
    await expectFormatting(
      "model m {\n\n  // todo\n\n\n  /* later */\n}",
      "model m {\n  // todo\n\n  /* later */\n}\n",
    );
    await expectFormatting("  // only\n", "// only\n");
  });

  it("never joins two line comments into one", async () => {
    // `// a` follows `m` in the source, and `m()` ends up on one line with `// b`.
    const text = "model n = m // a\n() // b\n";
    const out = await format(text);
    expect(meaningOf(out)).toEqual(meaningOf(text));
    expect(out.match(/\/\/ [ab]/g)).toEqual(["// a", "// b"]);
    expect(out.split("\n").filter((l) => l.includes("//")).length).toBe(2);
  });

  it("drops trailing white space of a line comment and keeps block comments byte for byte", async () => {
    await expectFormatting(
      "// note   \n/* a  \n   b */\nlet x = 1",
      "// note\n/* a  \n   b */\nlet x = 1\n",
    );
  });

  it("leaves a member after `// prettier-ignore` as written", async () => {
    const text =
      "model m {\n  // prettier-ignore\n  source   { vocab=16 ;  embed = 8 }\n  x = 1\n}\n";
    await expectFormatting(text, text);
  });
});
