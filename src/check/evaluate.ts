/**
 * Constant folding: an expression and its scope to a value. Every expression of a spec
 * is a constant, so folding is complete; what is left for the schema check is whether
 * the value suits the field it is written in.
 *
 * A failed evaluation returns undefined after reporting; an `ErrorExpr` (a syntax error
 * the parser already reported) returns undefined silently. Either way the caller stays
 * silent about the missing value, so one mistake gives one diagnostic.
 */
import { Diagnostics } from "../diagnostics/index.js";
import type { Expr } from "../parser/index.js";
import { binary, negate, type OpResult } from "./arith.js";
import { BUILTINS } from "./builtins.js";
import { ENUM_WORDS } from "./schema-query.js";
import type { Binding, Folded, Scope } from "./scope.js";
import { didYouMean } from "./suggest.js";
import { describeValue } from "./values.js";

/**
 * Sinks that met an `ErrorExpr`. Such an evaluation fails without a diagnostic of its
 * own (the syntax error is already reported), yet the model must not be accepted: the
 * checker rejects a model whose sink is poisoned as it rejects one with errors.
 */
const poisoned = new WeakSet<Diagnostics>();

export function isPoisoned(diags: Diagnostics): boolean {
  return poisoned.has(diags);
}

export function evaluate(expr: Expr, scope: Scope, diags: Diagnostics): Folded | undefined {
  switch (expr.kind) {
    case "Number":
      return {
        value: expr.isInt
          ? { type: "int", value: expr.value }
          : { type: "float", value: expr.value },
        range: expr.range,
      };
    case "String":
      return { value: { type: "string", value: expr.value }, range: expr.range };
    case "Bool":
      return { value: { type: "bool", value: expr.value }, range: expr.range };
    case "Paren":
      return evaluate(expr.expr, scope, diags);
    case "ErrorExpr":
      poisoned.add(diags);
      return undefined;
    case "Name": {
      const b = scope.lookup(expr.name);
      if (b === undefined) {
        // Not a let or parameter: an enum word, judged by the field it ends up in.
        return {
          value: { type: "enum", value: expr.name },
          range: expr.range,
          word: { range: expr.range, scope },
        };
      }
      return evaluateBinding(b, diags, expr.range);
    }
    case "List": {
      const items: Folded[] = [];
      let failed = false;
      for (const item of expr.items) {
        const f = evaluate(item, scope, diags);
        if (f === undefined) failed = true;
        else items.push(f);
      }
      if (failed) return undefined;
      return {
        value: { type: "list", items: items.map((i) => i.value) },
        range: expr.range,
        items,
      };
    }
    case "Unary": {
      const a = operand(evaluate(expr.operand, scope, diags), "-", diags);
      if (a === undefined) return undefined;
      return result(negate(a.value), expr.range, expr.range, expr.range, diags);
    }
    case "Binary": {
      const a = operand(evaluate(expr.left, scope, diags), expr.op, diags);
      const b = operand(evaluate(expr.right, scope, diags), expr.op, diags);
      if (a === undefined || b === undefined) return undefined;
      return result(
        binary(expr.op, a.value, b.value),
        expr.range,
        expr.left.range,
        expr.right.range,
        diags,
      );
    }
    case "Call": {
      const name = expr.callee.name;
      const args = expr.args.map((a) => operand(evaluate(a, scope, diags), `${name}(...)`, diags));
      const fn = Object.prototype.hasOwnProperty.call(BUILTINS, name) ? BUILTINS[name] : undefined;
      if (fn === undefined) {
        const isName = scope.lookup(name) !== undefined;
        diags.add(
          "S2S2042",
          expr.callee.range,
          isName ? `\`${name}\` is not a function` : `unknown function \`${name}\``,
          withHint(
            didYouMean(name, Object.keys(BUILTINS)) ??
              `the built-in functions are ${Object.keys(BUILTINS).join(", ")}`,
          ),
        );
        return undefined;
      }
      const [lo, hi] = fn.arity;
      if (expr.args.length < lo || expr.args.length > hi) {
        const want =
          lo === hi
            ? `${lo} argument${lo === 1 ? "" : "s"}`
            : `at least ${lo} argument${lo === 1 ? "" : "s"}`;
        diags.add("S2S2042", expr.range, `\`${name}\` takes ${want}, not ${expr.args.length}`, {
          hint: `call it as ${fn.signature}`,
        });
        return undefined;
      }
      if (args.some((a) => a === undefined)) return undefined;
      return result(fn.apply(args.map((a) => a!.value)), expr.range, expr.range, expr.range, diags);
    }
  }
}

function withHint(hint: string | undefined): { hint?: string } {
  return hint === undefined ? {} : { hint };
}

/**
 * An operand of an operator or function. A bare word there is never an enum word (no
 * operator applies to one), so it is reported as an undefined name.
 */
function operand(f: Folded | undefined, op: string, diags: Diagnostics): Folded | undefined {
  if (f === undefined || f.word === undefined) return f;
  const name = f.value.type === "enum" ? f.value.value : "";
  if (ENUM_WORDS.has(name)) {
    diags.add("S2S2041", f.word.range, `\`${op}\` does not apply to ${describeValue(f.value)}`);
  } else {
    reportUndefinedName(name, f.word.range, f.word.scope, diags);
  }
  return undefined;
}

export function reportUndefinedName(
  name: string,
  range: Folded["range"],
  scope: Scope,
  diags: Diagnostics,
  /** What the value was for, when that says more than a similar name would. */
  expected?: string,
): void {
  diags.add(
    "S2S2001",
    range,
    `undefined name \`${name}\``,
    withHint(expected ?? didYouMean(name, scope.visibleNames())),
  );
}

function result(
  r: OpResult,
  whole: Folded["range"],
  left: Folded["range"],
  right: Folded["range"],
  diags: Diagnostics,
): Folded | undefined {
  if (r.ok) return { value: r.value, range: whole };
  const at = r.at === "left" ? left : r.at === "right" ? right : whole;
  diags.add(r.code, at, r.message);
  return undefined;
}

/**
 * The value of a `let` or parameter, evaluated on first use. The diagnostics of that
 * evaluation are kept with the binding and replayed into every user's sink.
 */
export function evaluateBinding(
  b: Binding,
  diags: Diagnostics,
  use?: Folded["range"],
): Folded | undefined {
  if (b.state === "evaluating") {
    diags.add("S2S2012", b.name.range, `\`${b.name.name}\` is defined in terms of itself`, {
      ...(use === undefined ? {} : { related: [{ message: "used here", range: use }] }),
    });
    return undefined;
  }
  if (b.state === "pending") {
    b.state = "evaluating";
    const own = new Diagnostics();
    b.value = b.expr === undefined ? undefined : evaluate(b.expr, b.scope, own);
    b.diagnostics = own.items;
    b.poisoned = isPoisoned(own);
    b.state = "done";
  }
  diags.push(...b.diagnostics);
  if (b.poisoned) poisoned.add(diags);
  return b.value;
}
