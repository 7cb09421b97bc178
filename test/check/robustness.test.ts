// Property tests: checking never throws, and whatever model it accepts — from any input,
// however mangled — satisfies the CheckedModel invariant (validated with the JSON Schema).
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkedModelJsonSchema } from "../../src/check/json-schema.js";
import { check } from "./helpers.js";

const ajv = new Ajv({ strict: false });
const validate = ajv.compile(checkedModelJsonSchema());
const SPECS = [
  "papers/transformer.s2s",
  "papers/luong.s2s",
  "tiny/transformer_pre_rms.s2s",
  "papers/rnnsearch.s2s",
].map((p) => readFileSync(new URL(`../../specs/${p}`, import.meta.url), "utf8"));

const WORDS = [
  "model",
  "extends",
  "import",
  "let",
  "stack",
  "true",
  "false",
  "m",
  "n",
  "x",
  "h",
  "=",
  "{",
  "}",
  "(",
  ")",
  "[",
  "]",
  ",",
  ";",
  "+",
  "-",
  "*",
  "/",
  "%",
  "**",
  "0",
  "1",
  "2",
  "8",
  "0.5",
  "1e-3",
  '"a.s2s"',
  '"example.s2s"',
  "source",
  "target",
  "encoder",
  "decoder",
  "output",
  "train",
  "lstm",
  "gru",
  "rnn",
  "attention",
  "self_attention",
  "cross_attention",
  "feed_forward",
  "vocab",
  "embed",
  "hidden",
  "heads",
  "dropout",
  "position",
  "learned",
  "max_length",
  "dot",
  "general",
  "additive",
  "concat",
  "relu",
  "min",
  "sqrt",
  "causal",
  "share_embeddings",
  "\n",
];

function accepted(source: string): void {
  const r = check(source, { "a.s2s": SPECS[0]! });
  for (const m of r.models) {
    expect(validate(JSON.parse(JSON.stringify(m))), ajv.errorsText(validate.errors)).toBe(true);
  }
  for (const d of r.diagnostics) {
    expect(d.range.start.offset).toBeLessThanOrEqual(d.range.end.offset);
    expect(d.message.length).toBeGreaterThan(0);
  }
}

describe("robustness", () => {
  it("handles token soup", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...WORDS), { maxLength: 80 }), (tokens) =>
        accepted(tokens.join(" ")),
      ),
      { numRuns: 300 },
    );
  });

  it("handles specs with a span deleted, duplicated or replaced", () => {
    const edit = fc.record({
      spec: fc.integer({ min: 0, max: SPECS.length - 1 }),
      at: fc.nat(),
      len: fc.integer({ min: 0, max: 30 }),
      insert: fc.constantFrom(
        "",
        "0",
        "-1",
        "x",
        "}",
        "{",
        "stack 2 {",
        "heads = 0",
        "1 / 0",
        "lstm { }",
        "causal = false",
      ),
      dup: fc.boolean(),
    });
    fc.assert(
      fc.property(edit, ({ spec, at, len, insert, dup }) => {
        const s = SPECS[spec]!;
        const i = at % (s.length + 1);
        const cut = s.slice(i, i + len);
        accepted(s.slice(0, i) + (dup ? cut + cut : insert) + s.slice(i + len));
      }),
      { numRuns: 400 },
    );
  });

  it("handles deep extends chains and wide files", () => {
    const base =
      "model m0 { vocab = 8 source { embed = 4 } target { embed = 4 } encoder { gru { hidden = 4 } } decoder { gru { hidden = 4 } } }\n";
    let src = base;
    for (let i = 1; i < 200; i++)
      src += `model m${i} extends m${i - 1} { dropout = 0.${i % 10} }\n`;
    const r = check(src);
    expect(r.diagnostics).toEqual([]);
    expect(r.models).toHaveLength(200);
  });
});
