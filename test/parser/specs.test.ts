/**
 * Every spec in specs/ and every example of the language brief (§5) parses without
 * diagnostics, with valid ranges, and to the expected AST shape.
 */
import { describe, expect, it } from "vitest";
import type {
  Expr,
  Member,
  ModelDecl,
  Section,
  Setting,
  Stack,
  TopLevel,
} from "../../src/parser/ast.js";
import { parse } from "../../src/parser/index.js";
import { allRangeProblems, fixture, parseOk, slice, specFiles } from "./helpers.js";

function model(items: TopLevel[], name: string): ModelDecl {
  const m = items.find((i): i is ModelDecl => i.kind === "Model" && i.name.name === name);
  if (m === undefined) throw new Error(`no model ${name}`);
  return m;
}

function members(m: ModelDecl): Member[] {
  if (m.body === undefined) throw new Error(`model ${m.name.name} has no body`);
  return m.body.members;
}

function section(ms: Member[], head: string): Section {
  const s = ms.find((x): x is Section => x.kind === "Section" && x.head.name === head);
  if (s === undefined) throw new Error(`no section ${head}`);
  return s;
}

function setting(ms: Member[], name: string): Expr {
  const s = ms.find((x): x is Setting => x.kind === "Setting" && x.name.name === name);
  if (s === undefined) throw new Error(`no setting ${name}`);
  return s.value;
}

/** An expression as compact text, to compare shapes at a glance. */
function shape(e: Expr): string {
  switch (e.kind) {
    case "Number":
      return `${e.value}${e.isInt ? "" : "f"}`;
    case "String":
      return JSON.stringify(e.value);
    case "Bool":
      return String(e.value);
    case "Name":
      return e.name;
    case "Call":
      return `${e.callee.name}(${e.args.map(shape).join(", ")})`;
    case "Binary":
      return `(${shape(e.left)} ${e.op} ${shape(e.right)})`;
    case "Unary":
      return `(-${shape(e.operand)})`;
    case "List":
      return `[${e.items.map(shape).join(", ")}]`;
    case "Paren":
      return `(${shape(e.expr)})`;
    case "ErrorExpr":
      return "<error>";
  }
}

describe("specs/", () => {
  const specs = specFiles();

  it("has specs to parse", () => {
    expect(specs.length).toBeGreaterThanOrEqual(12);
  });

  it.each(specs)("%s parses without diagnostics and with valid ranges", (path, text) => {
    const ast = parseOk(text, path);
    expect(ast.path).toBe(path);
    expect(ast.items.length).toBeGreaterThan(0);
    expect(ast.comments.length).toBeGreaterThan(0);
    expect(allRangeProblems(ast, [], text)).toEqual([]);
    // Items are in source order.
    const starts = ast.items.map((i) => i.range.start.offset);
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
  });

  it("papers/transformer.s2s has the expected shape", () => {
    const [path, text] = specs.find(([p]) => p.endsWith("papers/transformer.s2s"))!;
    const { items, comments } = parseOk(text, path);
    expect(items.map((i) => i.kind === "Model" && i.name.name)).toEqual([
      "transformer",
      "transformer_base",
      "transformer_big",
      "transformer_pre",
    ]);
    expect(comments.map((c) => c.style)).toEqual(["line", "line"]);

    const t = model(items, "transformer");
    expect(t.params?.map((p) => `${p.name.name}=${shape(p.default)}`)).toEqual([
      "N=6",
      "d_model=512",
      "d_ff=2048",
      "h=8",
      "p_drop=0.1f",
    ]);
    expect(t.extends).toBeUndefined();
    expect(t.instance).toBeUndefined();
    const ms = members(t);
    expect(shape(setting(ms, "vocab"))).toBe("37000");
    expect(setting(ms, "vocab")).toMatchObject({ kind: "Number", isInt: true, text: "37_000" });
    expect(shape(setting(ms, "share_embeddings"))).toBe("true");
    expect(shape(setting(ms, "position"))).toBe("sinusoidal");
    expect(shape(setting(ms, "dropout"))).toBe("p_drop");

    const encoder = section(ms, "encoder");
    const stack = encoder.body.members[0] as Stack;
    expect(stack.kind).toBe("Stack");
    expect(shape(stack.count)).toBe("N");
    const selfAttention = section(stack.body.members, "self_attention");
    expect(selfAttention.variant?.name).toBe("scaled_dot");
    expect(shape(setting(selfAttention.body.members, "heads"))).toBe("h");
    const ff = section(stack.body.members, "feed_forward");
    expect(ff.variant).toBeUndefined();
    expect(shape(setting(ff.body.members, "activation"))).toBe("relu");

    // Ranges: the model name, a section, a whole model.
    expect(t.name.range.start).toEqual({
      offset: text.indexOf("transformer(N"),
      line: 3,
      column: 7,
    });
    expect(slice(text, t.name.range)).toBe("transformer");
    expect(slice(text, selfAttention.range)).toBe("self_attention scaled_dot { heads = h }");
    expect(slice(text, t.range).startsWith("model transformer(N = 6")).toBe(true);
    expect(slice(text, t.range).endsWith("output { tied = true }\n}")).toBe(true);

    const base = model(items, "transformer_base");
    expect(base.body).toBeUndefined();
    expect(base.instance?.name.name).toBe("transformer");
    expect(base.instance?.args).toEqual([]);
    expect(slice(text, base.range)).toBe("model transformer_base = transformer()");

    const big = model(items, "transformer_big");
    expect(big.instance?.args?.map((a) => `${a.name.name}=${shape(a.value)}`)).toEqual([
      "d_model=1024",
      "d_ff=4096",
      "h=16",
      "p_drop=0.3f",
    ]);
    expect(slice(text, big.instance!.range)).toBe(
      "transformer(d_model = 1024, d_ff = 4096, h = 16, p_drop = 0.3)",
    );

    const pre = model(items, "transformer_pre");
    expect(pre.extends?.name.name).toBe("transformer_base");
    expect(pre.extends?.args).toBeUndefined();
    expect(pre.params).toBeUndefined();
    expect(shape(setting(members(pre), "residual"))).toBe("pre_norm");
  });

  it("papers/luong.s2s: parameters, stacks and an instantiation", () => {
    const [path, text] = specs.find(([p]) => p.endsWith("papers/luong.s2s"))!;
    const { items } = parseOk(text, path);
    const luong = model(items, "luong_general");
    const decoder = section(members(luong), "decoder");
    expect(decoder.body.members.map((m) => m.kind)).toEqual(["Stack", "Section"]);
    const attention = decoder.body.members[1] as Section;
    expect(`${attention.head.name} ${attention.variant?.name}`).toBe("attention general");
    expect(shape(setting(attention.body.members, "input_feeding"))).toBe("true");
    const shallow = model(items, "luong_shallow");
    expect(shallow.instance?.args?.map((a) => `${a.name.name}=${shape(a.value)}`)).toEqual([
      "depth=2",
    ]);
  });

  it("tiny/transformer_tiny.s2s: expressions in values", () => {
    const [path, text] = specs.find(([p]) => p.endsWith("tiny/transformer_tiny.s2s"))!;
    const { items } = parseOk(text, path);
    const m = model(items, "transformer_tiny");
    const encoder = section(members(m), "encoder");
    const ff = section((encoder.body.members[0] as Stack).body.members, "feed_forward");
    const hidden = setting(ff.body.members, "hidden");
    expect(shape(hidden)).toBe("(4 * d_model)");
    expect(slice(text, hidden.range)).toBe("4 * d_model");
  });

  it("papers/sutskever2014.s2s: integer literals with separators", () => {
    const [path, text] = specs.find(([p]) => p.endsWith("papers/sutskever2014.s2s"))!;
    const { items, comments } = parseOk(text, path);
    expect(comments).toHaveLength(3);
    const source = section(members(model(items, "sutskever2014")), "source");
    expect(setting(source.body.members, "vocab")).toMatchObject({
      value: 160_000,
      isInt: true,
      text: "160_000",
    });
  });
});

describe("the brief's examples (§5)", () => {
  const text = fixture("brief-examples.s2s");

  it("parse without diagnostics and with valid ranges", () => {
    const { ast, diagnostics } = parse(text, "brief.s2s");
    expect(diagnostics).toEqual([]);
    expect(allRangeProblems(ast, diagnostics, text)).toEqual([]);
    expect(ast.comments).toHaveLength(4);
    expect(ast.items.map((i) => (i.kind === "Model" ? i.name.name : i.kind))).toEqual([
      "sutskever2014",
      "rnnsearch",
      "luong_general",
      "luong_shallow",
      "transformer",
      "transformer_base",
      "transformer_big",
      "transformer_pre",
    ]);
  });

  it("keep the bridge setting after the decoder in rnnsearch", () => {
    const { items } = parseOk(text);
    const ms = members(model(items, "rnnsearch"));
    expect(
      ms.map((m) =>
        m.kind === "Section" ? m.head.name : m.kind === "Setting" ? m.name.name : m.kind,
      ),
    ).toEqual(["source", "target", "encoder", "decoder", "bridge"]);
    const encoder = section(ms, "encoder");
    const gru = section(encoder.body.members, "gru");
    expect(shape(setting(gru.body.members, "bidirectional"))).toBe("true");
  });
});
