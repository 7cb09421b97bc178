/**
 * Whether a folded value suits a field's type, and the checked value if so. An int is
 * accepted where a float is wanted (`dropout = 0`) and becomes a float; the reverse is
 * never silent. A bare word is an enum word only for enum fields; anywhere else it is an
 * undefined name.
 */
import type { Diagnostics, SourceRange } from "../diagnostics/index.js";
import { reportUndefinedName } from "./evaluate.js";
import type { Value } from "./model.js";
import { describeRange, describeType, inRange } from "./schema-query.js";
import type { FieldType, NumberRange } from "./schema-types.js";
import type { Folded } from "./scope.js";
import { didYouMean } from "./suggest.js";
import { describeValue, formatValue } from "./values.js";

/**
 * Checks `f` against `type`. `what` names the field in messages (`\`hidden\``); `at` is
 * where the value is written in the setting.
 */
export function coerce(
  f: Folded,
  type: FieldType,
  what: string,
  at: SourceRange,
  diags: Diagnostics,
): Value | undefined {
  const v = f.value;
  if (f.word !== undefined && type.kind !== "enum" && v.type === "enum") {
    // `tied = yes`: the word was meant as a truth value, which has two spellings.
    const hint = type.kind === "bool" ? "a bool is written `true` or `false`" : undefined;
    reportUndefinedName(v.value, f.word.range, f.word.scope, diags, hint);
    return undefined;
  }
  const wrongType = (hint?: string): undefined => {
    diags.add(
      "S2S2024",
      at,
      `${what} needs ${needs(type)}, not ${describeValue(v)}`,
      hint === undefined ? {} : { hint },
    );
    return undefined;
  };
  switch (type.kind) {
    case "int": {
      if (v.type !== "int" && v.type !== "float") return wrongType();
      if (v.type === "float" || !inRange(v.value, type)) {
        const r = describeRange(type);
        diags.add(
          "S2S2025",
          at,
          `${what} must be ${r === "" ? "an integer" : `an integer ${r}`}, not ${formatValue(v)}`,
          v.type === "float"
            ? { hint: "sizes are integers: use floor(...) or ceil(...) to round" }
            : hintFor(v.value, type),
        );
        return undefined;
      }
      return v;
    }
    case "float": {
      if (v.type !== "int" && v.type !== "float") return wrongType();
      if (!inRange(v.value, type)) {
        diags.add(
          "S2S2025",
          at,
          `${what} must be ${describeRange(type)}, not ${formatValue(v)}`,
          hintFor(v.value, type),
        );
        return undefined;
      }
      return { type: "float", value: v.value };
    }
    case "bool":
      if (v.type === "bool") return v;
      return wrongType(
        v.type === "int" && (v.value === 0 || v.value === 1)
          ? `write ${v.value === 1} instead of ${v.value}`
          : undefined,
      );
    case "string":
      return v.type === "string" ? v : wrongType();
    case "enum": {
      if (v.type === "string" && type.words.includes(v.value)) {
        return wrongType(`write ${v.value} without quotes`);
      }
      if (v.type !== "enum") return wrongType();
      if (type.words.includes(v.value)) return v;
      diags.add("S2S2026", f.word?.range ?? at, `${what} cannot be \`${v.value}\``, {
        hint: didYouMean(v.value, type.words) ?? `expected ${type.words.join(", ")}`,
      });
      return undefined;
    }
    case "list": {
      if (v.type !== "list") return wrongType();
      const n = v.items.length;
      if (
        (type.minLength !== undefined && n < type.minLength) ||
        (type.maxLength !== undefined && n > type.maxLength)
      ) {
        diags.add("S2S2025", at, `${what} needs ${lengthText(type)}, not ${n}`);
        return undefined;
      }
      const items: Value[] = [];
      let failed = false;
      (f.items ?? []).forEach((item, i) => {
        const c = coerce(item, type.of, `item ${i + 1} of ${what}`, item.range, diags);
        if (c === undefined) failed = true;
        else items.push(c);
      });
      return failed ? undefined : { type: "list", items };
    }
  }
}

/** The reason for a bound: `maxWhy` above the maximum, `why` otherwise. */
function hintFor(n: number, t: NumberRange): { hint?: string } {
  const why = t.max !== undefined && n > t.max && t.maxWhy !== undefined ? t.maxWhy : t.why;
  return why === undefined ? {} : { hint: why };
}

function lengthText(t: { minLength?: number; maxLength?: number }): string {
  if (t.minLength !== undefined && t.minLength === t.maxLength)
    return `exactly ${t.minLength} items`;
  if (t.minLength !== undefined && t.maxLength !== undefined)
    return `${t.minLength} to ${t.maxLength} items`;
  if (t.minLength !== undefined) return `at least ${t.minLength} items`;
  return `at most ${t.maxLength} items`;
}

/** What a field needs, as a phrase: `an int ≥ 1`, `a boolean`, `one of relu, gelu`. */
function needs(t: FieldType): string {
  switch (t.kind) {
    case "int":
      return `an integer${t.min !== undefined || t.max !== undefined ? ` ${describeRange(t)}` : ""}`;
    case "float":
      return `a number${t.min !== undefined || t.max !== undefined ? ` ${describeRange(t)}` : ""}`;
    case "bool":
      return "true or false";
    case "string":
      return "a string";
    case "enum":
      return `one of ${t.words.join(", ")}`;
    case "list":
      return `a ${describeType(t)}`;
  }
}
