/** The layout rules of the printer, one at a time (see src/format/print-members.ts). */
import { describe, it } from "vitest";
import { expectFormatting } from "./helpers.js";

/** A model around `body`, with two layers so that the model itself opens up. */
const m = (body: string) => `model m {\n${body}  output { }\n  train { }\n}\n`;

describe("spacing and indentation", () => {
  it("puts one space around `=` and two spaces between members on one line", async () => {
    await expectFormatting(
      "model m{source{vocab=16;embed=8,scale=true}}",
      "model m { source { vocab = 16  embed = 8  scale = true } }\n",
    );
  });

  it("indents by two spaces (or the configured width)", async () => {
    const text = m("  encoder {\n    lstm { }\n    gru { }\n  }\n");
    await expectFormatting(text, text);
    await expectFormatting(
      text,
      text.replace(/^( +)/gm, (s) => "\t".repeat(s.length / 2)),
      {
        useTabs: true,
      },
    );
  });

  it("writes an empty body as `{ }` and drops `;` and `,` between members", async () => {
    await expectFormatting("model m {}\nmodel n {;,}", "model m { }\nmodel n { }\n");
  });

  it("keeps a file without declarations empty", async () => {
    await expectFormatting("", "");
    await expectFormatting("\n\n  \n", "");
  });
});

describe("one line or many", () => {
  it("keeps a short section on one line", async () => {
    await expectFormatting(
      m("  source {\n    vocab = 16\n    embed = 8\n  }\n"),
      m("  source { vocab = 16  embed = 8 }\n"),
    );
  });

  it("opens a section that does not fit the print width", async () => {
    const long =
      "  train { lr = 0.001  warmup = 4000  schedule = inverse_sqrt  label_smoothing = 0.1 }\n";
    await expectFormatting(m(long), m(long));
    await expectFormatting(
      m(long),
      m(
        "  train {\n    lr              = 0.001\n    warmup          = 4000\n" +
          "    schedule        = inverse_sqrt\n    label_smoothing = 0.1\n  }\n",
      ),
      { printWidth: 60 },
    );
  });

  it("opens a body with two or more sections or stacks, even when it would fit", async () => {
    await expectFormatting(
      "model m { decoder { lstm { hidden = 8 }  attention dot { } } }",
      "model m {\n  decoder {\n    lstm { hidden = 8 }\n    attention dot { }\n  }\n}\n",
    );
  });

  it("keeps a one-line variation on one line", async () => {
    const text = "model pre extends base { residual = pre_norm }\n";
    await expectFormatting(text, text);
  });

  it("breaks long parameter and argument lists one per line, with a trailing comma", async () => {
    await expectFormatting(
      "model m(a = 1, b = 2) { }\nmodel n = m(a = 100000000000, b = 200000000000, c = 3000000000000)",
      "model m(a = 1, b = 2) { }\n" +
        "model n = m(\n  a = 100000000000,\n  b = 200000000000,\n  c = 3000000000000,\n)\n",
      { printWidth: 60 },
    );
  });

  it("breaks a long expression after its operators, indented once", async () => {
    await expectFormatting(
      "let x = aaaaaaaaaa + bbbbbbbbbb * cccccccccc - dddddddddd",
      "let x = aaaaaaaaaa +\n  bbbbbbbbbb *\n  cccccccccc -\n  dddddddddd\n",
      { printWidth: 30 },
    );
  });

  it("breaks long lists and calls without a trailing comma (the grammar has none there)", async () => {
    await expectFormatting(
      "let x = [100000, 200000, max(300000, 400000)]",
      "let x = [\n  100000,\n  200000,\n  max(300000, 400000)\n]\n",
      { printWidth: 30 },
    );
  });
});

describe("alignment of `=`", () => {
  it("aligns a run of settings in an opened body", async () => {
    await expectFormatting(
      m("  vocab = 32\n  share_embeddings = true\n  position = learned\n"),
      m("  vocab            = 32\n  share_embeddings = true\n  position         = learned\n"),
    );
  });

  it("does not pad a one-line body", async () => {
    await expectFormatting(
      "model m { output { tied = true  bias = false } }",
      "model m { output { tied = true  bias = false } }\n",
    );
  });

  it("ends a run at a blank line or another kind of member, not at a comment", async () => {
    await expectFormatting(
      m("  a = 1\n  bbb = 2\n\n  cc = 3\n  d = 4\n  lstm { }\n  eeeee = 5\n  // note\n  f = 6\n"),
      m(
        "  a   = 1\n  bbb = 2\n\n  cc = 3\n  d  = 4\n  lstm { }\n  eeeee = 5\n  // note\n  f     = 6\n",
      ),
    );
  });

  it("aligns runs of `let`s and of instantiations separately", async () => {
    await expectFormatting(
      "let a = 1\nlet bbb = 2\nmodel x = m()\nmodel yyy = m()\nmodel z extends m { }\nmodel w = m()\n",
      "let a   = 1\nlet bbb = 2\nmodel x   = m()\nmodel yyy = m()\nmodel z extends m { }\nmodel w = m()\n",
    );
  });
});

describe("blank lines", () => {
  it("keeps one blank line between members and declarations, at most one", async () => {
    await expectFormatting(
      "model a { }\n\n\n\nmodel b {\n  x = 1\n\n\n  y = 2\n}\n",
      "model a { }\n\nmodel b {\n  x = 1\n\n  y = 2\n}\n",
    );
  });

  it("drops blank lines at the start and end of a body and of the file", async () => {
    await expectFormatting(
      "\n\nmodel b {\n\n  x = 1\n  lstm { }  gru { }\n\n}\n\n\n",
      "model b {\n  x = 1\n  lstm { }\n  gru { }\n}\n",
    );
  });
});

describe("literals and expressions", () => {
  it("keeps numbers as written and parentheses where written", async () => {
    const text = "let x = (1 + 2) * 37_000 + 1e-6 + 2.5E+3 + ((007))\n";
    await expectFormatting(text, text);
  });

  it("writes strings with the language's escapes only", async () => {
    await expectFormatting('import   "a\\"b\\\\c\\n.s2s"', 'import "a\\"b\\\\c\\n.s2s"\n');
  });

  it("separates nested minus signs", async () => {
    await expectFormatting("let x = - -1 + -(-2)", "let x = - -1 + -(-2)\n");
  });
});
