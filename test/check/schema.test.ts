// The schema table is data; these tests keep it self-consistent (defaults obey their
// own types, inherited fields have somewhere to inherit from, variants exist).
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { valueSchema } from "../../src/check/json-schema.js";
import { SCHEMA, SECTION_HEADS } from "../../src/check/schema.js";
import {
  ENUM_WORDS,
  FIELD_NAMES,
  VARIANT_WORDS,
  containersOf,
  describeType,
  resolveVariant,
} from "../../src/check/schema-query.js";
import { inheritedFrom } from "../../src/check/doc-tables.js";

const ajv = new Ajv({ strict: false });
const fields = SECTION_HEADS.flatMap((h) => SCHEMA[h].fields.map((f) => ({ head: h, f })));

describe("schema table", () => {
  it.each(fields.map(({ head, f }) => [`${head}.${f.name}`, head, f] as const))(
    "%s has a default of its own type, or is required or optional",
    (_, head, f) => {
      const check = ajv.compile(valueSchema(f.type));
      for (const v of [f.default, ...Object.values(f.defaultIn ?? {})]) {
        if (v !== undefined) expect(check(v), JSON.stringify(check.errors)).toBe(true);
      }
      expect(f.doc.length).toBeGreaterThan(0);
      expect(f.doc.endsWith(".")).toBe(false);
      if (f.inherit) expect(inheritedFrom(head, f.name).length).toBeGreaterThan(0);
      for (const v of f.variants ?? [])
        expect(Object.keys(SCHEMA[head].variants!.words)).toContain(v);
    },
  );

  it("places every section except the root somewhere", () => {
    for (const h of SECTION_HEADS) {
      if (h === "model") expect(containersOf(h)).toEqual([]);
      else expect(containersOf(h).length).toBeGreaterThan(0);
    }
  });

  it("keeps cross_attention and attention out of the encoder", () => {
    expect(containersOf("cross_attention")).toEqual(["decoder"]);
    expect(containersOf("attention")).toEqual(["decoder"]);
    expect(containersOf("self_attention")).toEqual(["encoder", "decoder"]);
  });

  it("resolves variants, aliases and defaults", () => {
    expect(resolveVariant(SCHEMA.attention, "concat")).toEqual({ ok: true, canonical: "additive" });
    expect(resolveVariant(SCHEMA.attention, undefined)).toEqual({ ok: false, reason: "missing" });
    expect(resolveVariant(SCHEMA.attention, "multi_head")).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(resolveVariant(SCHEMA.self_attention, undefined)).toEqual({
      ok: true,
      canonical: "scaled_dot",
    });
    expect(resolveVariant(SCHEMA.lstm, "general")).toEqual({ ok: false, reason: "none-allowed" });
  });

  it("exports the word lists tools need", () => {
    expect([...ENUM_WORDS]).toEqual(
      expect.arrayContaining(["relu", "sinusoidal", "pre_norm", "adam"]),
    );
    expect([...VARIANT_WORDS]).toEqual(
      expect.arrayContaining(["dot", "general", "additive", "concat", "scaled_dot"]),
    );
    expect([...FIELD_NAMES]).toEqual(
      expect.arrayContaining(["heads", "hidden", "vocab", "label_smoothing"]),
    );
  });

  it("describes types as users read them", () => {
    expect(describeType(SCHEMA.lstm.fields[0]!.type)).toBe("int in [1, 1048576]");
    expect(describeType(SCHEMA.feed_forward.fields.find((f) => f.name === "dropout")!.type)).toBe(
      "float in [0, 1)",
    );
    expect(describeType(SCHEMA.train.fields.find((f) => f.name === "betas")!.type)).toBe(
      "list (2 items) of float in [0, 1)",
    );
  });

  it("has the brief's inherited fields at model, encoder and decoder level", () => {
    for (const name of ["position", "max_length", "residual", "norm", "dropout"]) {
      for (const h of ["model", "encoder", "decoder"] as const) {
        expect(SCHEMA[h].fields.some((f) => f.name === name)).toBe(true);
      }
      expect(inheritedFrom("encoder", name)).toEqual(["model"]);
    }
    expect(inheritedFrom("lstm", "dropout")).toEqual(["encoder", "decoder", "model"]);
  });
});
