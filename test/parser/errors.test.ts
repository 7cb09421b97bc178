/**
 * Syntax errors: codes S2S1010–S2S1014 at exact positions, the wording of messages, and
 * recovery (one run reports every error; the AST keeps what could be read).
 */
import { describe, expect, it } from "vitest";
import type { ModelDecl, Setting } from "../../src/parser/ast.js";
import { parse } from "../../src/parser/index.js";
import { allRangeProblems, expectOnly, show } from "./helpers.js";

function modelMembers(text: string, name: string): string[] {
  const m = parse(text, "t.s2s").ast.items.find(
    (i): i is ModelDecl => i.kind === "Model" && i.name.name === name,
  );
  if (m?.body === undefined) throw new Error(`no model ${name} with a body`);
  return m.body.members.map((x) =>
    x.kind === "Setting"
      ? `${x.name.name}=${x.value.kind}`
      : x.kind === "Section"
        ? x.head.name
        : x.kind,
  );
}

describe("one run reports every error", () => {
  it("reports three unrelated syntax errors, each where it is", () => {
    const text = [
      "model a {", //                         1
      "  source { vocab = }", //              2  value missing
      "  target { vocab = 16 }", //           3
      "}", //                                  4
      "model b(depth = 4 width = 2) {", //    5  `,` missing between parameters
      "  encoder { lstm { hidden 64 } }", //  6  `=` missing
      "}", //                                  7
    ].join("\n");
    const ds = expectOnly(text, ["S2S1010 2:20", "S2S1010 5:19", "S2S1010 6:27"]);
    expect(ds.map((d) => d.message)).toEqual([
      "expected an expression but found `}`",
      "expected `,` or `)` but found `width`",
      "expected `=` or `{` after `hidden` but found `64`",
    ]);
    // Both models survive, with what could be read.
    expect(modelMembers(text, "a")).toEqual(["source", "target"]);
    expect(modelMembers(text, "b")).toEqual(["encoder"]);
  });

  it("reports lexical and syntax errors together, in source order", () => {
    expectOnly("let a = 1_\nmodel m { x = }\nencoder { }\nlet b = 'q'\n", [
      "S2S1005 1:9",
      "S2S1010 2:15",
      "S2S1011 3:1",
      "S2S1001 4:9",
      "S2S1001 4:11",
    ]);
  });
});

describe("S2S1010 unexpected token", () => {
  it("names what was expected and what was found", () => {
    const [d] = expectOnly("model m {\n  source { vocab = }\n}\n", ["S2S1010 2:20"]);
    expect(d!.message).toBe("expected an expression but found `}`");
  });

  it("after a name that is neither a setting nor a section", () => {
    const [d] = expectOnly("model m { vocab 16 }\n", ["S2S1010 1:17"]);
    expect(d!.message).toBe("expected `=` or `{` after `vocab` but found `16`");
    expect(d!.hint).toBe("a setting is written `name = value`, a section `name { ... }`");
  });

  it("keeps the next setting when a value is forgotten at the end of a line", () => {
    const text = "model m {\n  vocab\n  embed = 3\n}\n";
    expectOnly(text, ["S2S1010 3:3"]);
    expect(modelMembers(text, "m")).toEqual(["embed=Number"]);
  });

  it("skips junk inside a body up to the next member", () => {
    const text = "model m { 16 vocab = 3 }\n";
    const [d] = expectOnly(text, ["S2S1010 1:11"]);
    expect(d!.message).toBe("expected a setting, section, `stack`, `let` or `}` but found `16`");
    expect(modelMembers(text, "m")).toEqual(["vocab=Number"]);
  });

  it("after a model name", () => {
    const [d] = expectOnly("model m 3\nmodel n {}\n", ["S2S1010 1:9"]);
    expect(d!.message).toBe("expected `=`, `(`, `extends` or `{` after `m` but found `3`");
  });

  it("for a positional model argument", () => {
    const [d] = expectOnly("model a = transformer(512)\n", ["S2S1010 1:23"]);
    expect(d!.message).toBe("expected `,` or `)` but found `512`");
    expect(d!.related?.[0]?.message).toBe("`(` opened here");
  });

  it("for `stack` used as a setting name", () => {
    const [d] = expectOnly("model m { encoder { stack = 3 } }\n", ["S2S1010 1:27"]);
    expect(d!.hint).toMatch(/`stack N \{ \.\.\. \}`/);
  });

  it("for a missing `)` before the next declaration, pointing at the `(`", () => {
    const [d] = expectOnly("let a = (1 + 2\nlet b = 3\n", ["S2S1010 2:1"]);
    expect(d!.message).toBe("expected `)` but found `let`");
    expect(d!.related?.[0]?.range.start).toMatchObject({ line: 1, column: 9 });
  });

  it("for a model declared inside a body (a `}` missing)", () => {
    const text = "model m { source { vocab = 16 }\nmodel n { }\n";
    const [d] = expectOnly(text, ["S2S1010 2:1"]);
    expect(d!.hint).toMatch(/is a `\}` missing/);
    expect(parse(text, "t").ast.items.map((i) => i.kind === "Model" && i.name.name)).toEqual([
      "m",
      "n",
    ]);
  });

  it("keeps a setting whose value is unreadable, with an ErrorExpr", () => {
    const text = "model m { a = 1 b = 2 c = }\n";
    expectOnly(text, ["S2S1010 1:27"]);
    expect(modelMembers(text, "m")).toEqual(["a=Number", "b=Number", "c=ErrorExpr"]);
    const c = (parse(text, "t").ast.items[0] as ModelDecl).body!.members[2] as Setting;
    expect(c.value.range.start.column).toBe(26);
  });

  it("keeps a binary expression with an ErrorExpr for its missing operand", () => {
    const text = "model m { a = 4 * }\n";
    expectOnly(text, ["S2S1010 1:19"]);
    const a = (parse(text, "t").ast.items[0] as ModelDecl).body!.members[0] as Setting;
    expect(a.value).toMatchObject({ kind: "Binary", op: "*", right: { kind: "ErrorExpr" } });
  });
});

describe("S2S1011 expected a declaration", () => {
  it("at top level, recovering at the next declaration", () => {
    const text = "encoder { lstm { hidden = 8 } }\nmodel m { }\n";
    const [d] = expectOnly(text, ["S2S1011 1:1"]);
    expect(d!.message).toBe(
      "expected a declaration (`import`, `let` or `model`) but found `encoder`",
    );
    expect(d!.hint).toMatch(/inside a model/);
    expect(parse(text, "t").ast.items.map((i) => i.kind)).toEqual(["Model"]);
  });

  it("for a stray `}` and for `;` between declarations", () => {
    expect(expectOnly("model m { a = 1 } }\n", ["S2S1011 1:19"])[0]!.hint).toBe(
      "this `}` has no matching `{`",
    );
    expect(expectOnly("let a = 1;\nlet b = 2\n", ["S2S1011 1:10"])[0]!.hint).toMatch(
      /only separate members/,
    );
  });

  it("once per run of junk", () => {
    expectOnly("x y z 1 2 3 = { } ( )\nlet a = 1\n", ["S2S1011 1:1"]);
  });
});

describe("S2S1012 unexpected end of file", () => {
  it("points at the end of the file and at the unclosed `{`", () => {
    const [d] = expectOnly("model m {\n  source { vocab = 16 }\n", ["S2S1012 3:1"]);
    expect(d!.message).toBe("unexpected end of file: expected `}`");
    expect(d!.range.start).toEqual(d!.range.end);
    expect(d!.related).toEqual([
      {
        message: "`{` opened here",
        range: expect.objectContaining({ start: expect.objectContaining({ line: 1, column: 9 }) }),
      },
    ]);
  });

  it("keeps the unfinished model", () => {
    const text = "model m {\n  source { vocab = 16 }\n";
    expect(modelMembers(text, "m")).toEqual(["source"]);
  });

  it("in the middle of a declaration", () => {
    expect(expectOnly("let", ["S2S1012 1:4"])[0]!.message).toBe(
      "unexpected end of file: expected a name",
    );
    expect(expectOnly("let a = 1 +\n", ["S2S1012 2:1"])[0]!.message).toBe(
      "unexpected end of file: expected an expression",
    );
    expectOnly("model m(\n", ["S2S1012 2:1"]);
  });
});

describe("S2S1013 reserved word used as a name", () => {
  it.each([
    ["let stack = 3\n", "S2S1013 1:5", "`stack` is a reserved word and cannot be used as a name"],
    ["model true {}\n", "S2S1013 1:7", "`true` is a reserved word and cannot be used as a name"],
    [
      "model m(let = 1) {}\n",
      "S2S1013 1:9",
      "`let` is a reserved word and cannot be used as a name",
    ],
    [
      "model a = b(model = 1)\n",
      "S2S1013 1:13",
      "`model` is a reserved word and cannot be used as a name",
    ],
    [
      "model m { let import = 2 }\n",
      "S2S1013 1:15",
      "`import` is a reserved word and cannot be used as a name",
    ],
    [
      "model a extends false {}\n",
      "S2S1013 1:17",
      "`false` is a reserved word and cannot be used as a name",
    ],
  ])("%j", (text, at, message) => {
    const [d] = expectOnly(text, [at]);
    expect(d!.message).toBe(message);
    expect(d!.hint).toMatch(/choose another name/);
  });

  it("keeps the declaration, so later stages see it", () => {
    const { ast } = parse("let stack = 3\n", "t");
    expect(ast.items[0]).toMatchObject({
      kind: "Let",
      name: { name: "stack" },
      value: { kind: "Number", value: 3 },
    });
  });
});

describe("S2S1014 nesting too deep", () => {
  it("accepts brackets nested 64 deep", () => {
    const text = `let a = ${"(".repeat(64)}1${")".repeat(64)}\n`;
    expect(parse(text, "t").diagnostics).toEqual([]);
  });

  it("recovers from an error at the innermost of 64 levels without exhausting the stack", () => {
    const sections = `model m ${"{ a ".repeat(63)}${"}".repeat(63)}\n`;
    expectOnly(sections, [`S2S1010 1:${9 + 4 * 63}`]);
  });

  it("stops at the 65th bracket without exhausting the stack", () => {
    expectOnly(`let a = ${"(".repeat(65)}1${")".repeat(65)}\n`, ["S2S1014 1:73"]);
    const huge = parse(`let a = ${"[".repeat(100_000)}`, "t");
    expect(huge.diagnostics.map((d) => d.code)).toEqual(["S2S1014"]);
  });

  it("replaces an expression deeper than the limit by an ErrorExpr", () => {
    const text = `let a = 1${" + 1".repeat(10_000)}\nlet b = ${"-".repeat(10_000)}1\nlet c = 2${" ** 2".repeat(600)}\n`;
    const { ast, diagnostics } = parse(text, "t");
    expect(
      diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`),
    ).toEqual(["S2S1014 1:9", "S2S1014 2:9", "S2S1014 3:9"]);
    expect(ast.items.map((i) => i.kind === "Let" && i.value.kind)).toEqual([
      "ErrorExpr",
      "ErrorExpr",
      "ErrorExpr",
    ]);
  });
});

describe("messages", () => {
  const broken = [
    "model m {\n  source { vocab = }\n}\n",
    "model m { vocab 16 }\n",
    "encoder { }\n",
    "model m {\n",
    "let stack = 3\n",
    "model a = b(1)\n",
    "let a = [1, 2\n",
    'let a = "x\n',
    "let a = 1 $ 2\n",
  ];

  it.each(broken)("are one line, without a trailing period, with valid ranges: %j", (text) => {
    const { ast, diagnostics } = parse(text, "t.s2s");
    expect(diagnostics.length).toBeGreaterThan(0);
    for (const d of diagnostics) {
      expect(d.message).not.toMatch(/\n|\.$/);
      expect(d.hint ?? "").not.toMatch(/\n|\.$/);
      expect(d.severity).toBe("error");
    }
    expect(allRangeProblems(ast, diagnostics, text)).toEqual([]);
  });

  it("never repeat at one position", () => {
    const { diagnostics } = parse("model m { model n { model o {", "t");
    const at = diagnostics.map((d) => d.range.start.offset);
    expect(new Set(at).size).toBe(at.length);
    expect(diagnostics.map(show).length).toBeGreaterThan(0);
  });
});
