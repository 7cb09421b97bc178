/**
 * The JSON Schema (draft-07) of a `CheckedModel` serialised with `JSON.stringify`,
 * generated from the schema table: for each section exactly its fields, with their value
 * types, ranges and enum words, and exactly the children allowed where it sits. A model
 * the checker accepts must validate against it (tested with ajv over every spec); tools
 * that consume `--json` output can validate against the same document.
 */
import { SCHEMA, SECTION_HEADS } from "./schema.js";
import { fieldsFor } from "./schema-query.js";
import type {
  FieldSpec,
  FieldType,
  NumberRange,
  SectionHead,
  SectionSpec,
} from "./schema-types.js";

type Json = { [key: string]: unknown };

const ref = (name: string): Json => ({ $ref: `#/definitions/${name}` });

function object(properties: Record<string, unknown>, required: readonly string[]): Json {
  return { type: "object", additionalProperties: false, required: [...required], properties };
}

function bounds(r: NumberRange): Json {
  const out: Json = {};
  if (r.min !== undefined) out[r.minExclusive ? "exclusiveMinimum" : "minimum"] = r.min;
  if (r.max !== undefined) out[r.maxExclusive ? "exclusiveMaximum" : "maximum"] = r.max;
  return out;
}

/** The schema of a `Value` of a field type. */
export function valueSchema(t: FieldType): Json {
  const tagged = (type: string, value: Json) =>
    object({ type: { const: type }, value }, ["type", "value"]);
  switch (t.kind) {
    case "int":
      return tagged("int", { type: "integer", ...bounds(t) });
    case "float":
      return tagged("float", { type: "number", ...bounds(t) });
    case "bool":
      return tagged("bool", { type: "boolean" });
    case "string":
      return tagged("string", { type: "string" });
    case "enum":
      return tagged("enum", { enum: [...t.words] });
    case "list": {
      const items: Json = { type: "array", items: valueSchema(t.of) };
      if (t.minLength !== undefined) items["minItems"] = t.minLength;
      if (t.maxLength !== undefined) items["maxItems"] = t.maxLength;
      return object({ type: { const: "list" }, items }, ["type", "items"]);
    }
  }
}

/** Any value (model parameters are untyped). */
const ANY_VALUE: Json = {
  oneOf: [
    valueSchema({ kind: "int" }),
    valueSchema({ kind: "float" }),
    valueSchema({ kind: "bool" }),
    valueSchema({ kind: "string" }),
    object({ type: { const: "enum" }, value: { type: "string" } }, ["type", "value"]),
    object({ type: { const: "list" }, items: { type: "array", items: ref("value") } }, [
      "type",
      "items",
    ]),
  ],
};

function settingSchema(f: FieldSpec): Json {
  return {
    ...object(
      {
        value: valueSchema(f.type),
        origin: { enum: ["spec", "inherited", "default"] },
        range: ref("range"),
      },
      ["value", "origin"],
    ),
    description: f.doc,
    // A default has no source range; a written or inherited value always has one.
    if: { properties: { origin: { const: "default" } } },
    then: { not: { required: ["range"] } },
    else: { required: ["range"] },
  };
}

/** Present in every checked section: a default, or required (and so always given). */
const alwaysPresent = (f: FieldSpec) => f.default !== undefined || f.required === true;

function settingsSchema(spec: SectionSpec, variant: string | undefined): Json {
  const fields = fieldsFor(spec, variant);
  return object(
    Object.fromEntries(fields.map((f) => [f.name, settingSchema(f)])),
    fields.filter(alwaysPresent).map((f) => f.name),
  );
}

function sectionSchema(spec: SectionSpec): Json {
  const hasChildren = spec.children.length > 0 || spec.stacks;
  const base = (variant: string | undefined): Json => {
    const props: Record<string, unknown> = {
      kind: { const: "section" },
      head: { const: spec.head },
      range: ref("range"),
      nameRange: ref("range"),
      settings: settingsSchema(spec, variant),
      children: hasChildren
        ? { type: "array", items: ref(`items_${spec.head}`) }
        : { type: "array", maxItems: 0 },
      implicit: { type: "boolean" },
    };
    const required = ["kind", "head", "range", "nameRange", "settings", "children"];
    if (variant !== undefined) {
      props["variant"] = { const: variant };
      required.push("variant");
    }
    return object(props, required);
  };
  const variants = spec.variants === undefined ? [] : Object.keys(spec.variants.words);
  const schema: Json =
    variants.length === 0
      ? base(undefined)
      : variants.length === 1
        ? base(variants[0])
        : { oneOf: variants.map(base) };
  return { description: spec.doc, ...schema };
}

/** What may appear in the children list of `head` (and of its stacks). */
function itemsSchema(spec: SectionSpec): Json {
  const options = spec.children.map((h) => ref(`section_${h}`));
  if (spec.stacks) options.push(ref(`stack_${spec.head}`));
  return { oneOf: options };
}

function stackSchema(spec: SectionSpec): Json {
  return object(
    {
      kind: { const: "stack" },
      count: { type: "integer", minimum: 1 },
      range: ref("range"),
      children: { type: "array", items: ref(`items_${spec.head}`) },
    },
    ["kind", "count", "range", "children"],
  );
}

const POSITION = object(
  {
    offset: { type: "integer", minimum: 0 },
    line: { type: "integer", minimum: 1 },
    column: { type: "integer", minimum: 1 },
  },
  ["offset", "line", "column"],
);

/** The JSON Schema of a serialised `CheckedModel`. */
export function checkedModelJsonSchema(): Json {
  const definitions: Record<string, Json> = {
    position: POSITION,
    range: object({ file: { type: "string" }, start: ref("position"), end: ref("position") }, [
      "file",
      "start",
      "end",
    ]),
    value: ANY_VALUE,
  };
  for (const h of SECTION_HEADS) {
    const spec = SCHEMA[h as SectionHead];
    definitions[`section_${h}`] = sectionSchema(spec);
    if (spec.children.length > 0 || spec.stacks) definitions[`items_${h}`] = itemsSchema(spec);
    if (spec.stacks) definitions[`stack_${h}`] = stackSchema(spec);
  }
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    $id: "https://s2sc.dev/schemas/checked-model.json",
    title: "s2sc checked model",
    description: "A model after name resolution, extends merging, folding and schema checking.",
    ...object(
      {
        name: { type: "string" },
        file: { type: "string" },
        range: ref("range"),
        nameRange: ref("range"),
        params: { type: "object", additionalProperties: ref("value") },
        root: ref("section_model"),
      },
      ["name", "file", "range", "nameRange", "params", "root"],
    ),
    definitions,
  };
}
