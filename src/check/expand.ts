/**
 * Expands a model declaration into its pending tree: binds parameters (defaults, or the
 * arguments of an instantiation or `extends` reference), expands the parent of
 * `extends` or the model an instantiation names, and merges.
 *
 * Scoping is lexical: a body sees its own model's parameters and its own file's `let`s,
 * never its parent's, so a parent's settings keep the meaning they had where they were
 * written. Arguments are evaluated where the reference is written. A parameter's default
 * may use the other parameters (`model m(d = 512, ff = 4 * d)`), so `m(d = 1024)` gets
 * `ff = 4096`.
 */
import type { Diagnostics } from "../diagnostics/index.js";
import type { Arg, ModelRef } from "../parser/index.js";
import { evaluate, evaluateBinding } from "./evaluate.js";
import { mergeRoot } from "./merge.js";
import type { Value } from "./model.js";
import { buildBody, warnIfShadowsWord, type PendingSection } from "./pending.js";
import { parseErrorsIn, type ModelEntry } from "./program.js";
import { Scope } from "./scope.js";
import { didYouMean } from "./suggest.js";

export interface Expanded {
  tree: PendingSection;
  /** Every parameter value that went into the model; a model's own shadow its parent's. */
  params: Map<string, Value>;
}

/** A reference being followed: which model wrote it, and where its arguments are evaluated. */
interface Call {
  from: ModelEntry;
  ref: ModelRef;
  scope: Scope;
}

export function expandModel(entry: ModelEntry, diags: Diagnostics): Expanded | undefined {
  return expand(entry, undefined, [], diags);
}

function expand(
  entry: ModelEntry,
  call: Call | undefined,
  chain: Call[],
  diags: Diagnostics,
): Expanded | undefined {
  const { decl, file } = entry;
  // A model whose text has syntax errors is not checked further (the parser reported
  // them), but everything built on it fails too: replay the errors into this sink.
  const broken = parseErrorsIn(file, decl.range);
  if (broken.length > 0) {
    diags.push(...broken);
    return undefined;
  }
  if (decl.instance !== undefined) {
    if (call !== undefined) rejectArgs(call, entry, diags);
    return follow(entry, { from: entry, ref: decl.instance, scope: file.scope }, chain, diags);
  }

  const scope = new Scope(file.scope, "model");
  const params = new Map<string, Value>();
  bindParams(entry, call, scope, diags);
  let parent: Expanded | undefined;
  if (decl.extends !== undefined) {
    parent = follow(entry, { from: entry, ref: decl.extends, scope }, chain, diags);
    if (parent === undefined) return undefined;
    for (const [k, v] of parent.params) params.set(k, v);
  }
  for (const b of scope.own()) {
    const f = evaluateBinding(b, diags);
    if (f !== undefined) params.set(b.name.name, f.value);
  }
  const own: PendingSection = {
    kind: "section",
    head: { kind: "Ident", name: "model", range: decl.name.range },
    variant: undefined,
    range: decl.range,
    settings: new Map(),
    children: [],
  };
  if (decl.body !== undefined) buildBody(decl.body, scope, own, diags);
  return { tree: parent === undefined ? own : mergeRoot(parent.tree, own), params };
}

/** Expands the model `call.ref` names, unless that closes a cycle. */
function follow(
  entry: ModelEntry,
  call: Call,
  chain: Call[],
  diags: Diagnostics,
): Expanded | undefined {
  const name = call.ref.name.name;
  const target = entry.file.visible.get(name);
  if (target === undefined) {
    diags.add("S2S2003", call.ref.name.range, `unknown model \`${name}\``, {
      ...hintOf(didYouMean(name, entry.file.visible.keys())),
    });
    return undefined;
  }
  const path = [...chain, call];
  const at = path.findIndex((c) => c.from === target);
  if (at >= 0) {
    reportCycle(path.slice(at), diags);
    return undefined;
  }
  return expand(target, call, path, diags);
}

/**
 * S2S2004, reported the same way whichever model of the cycle is checked (so the final
 * de-duplication keeps one): at the reference written by the model declared first.
 */
function reportCycle(cycle: Call[], diags: Diagnostics): void {
  const key = (c: Call) =>
    `${c.from.file.path}\u0000${String(c.from.decl.range.start.offset).padStart(12, "0")}`;
  let first = 0;
  cycle.forEach((c, i) => {
    if (key(c) < key(cycle[first]!)) first = i;
  });
  const ordered = [...cycle.slice(first), ...cycle.slice(0, first)];
  const verb = (c: Call) => (c.ref === c.from.decl.extends ? "extends" : "instantiates");
  const names = ordered.map((c) => c.from.decl.name.name);
  diags.add(
    "S2S2004",
    ordered[0]!.ref.name.range,
    `cycle through extends or instantiation: ${[...names, names[0]].join(" → ")}`,
    {
      related: ordered.slice(1).map((c) => ({
        message: `\`${c.from.decl.name.name}\` ${verb(c)} \`${c.ref.name.name}\` here`,
        range: c.ref.name.range,
      })),
    },
  );
}

function hintOf(hint: string | undefined): { hint?: string } {
  return hint === undefined ? {} : { hint };
}

/** S2S2009 for arguments given to a model that has no parameter list. */
function rejectArgs(call: Call, target: ModelEntry, diags: Diagnostics): void {
  const args = call.ref.args ?? [];
  if (args.length === 0) return;
  const name = target.decl.name.name;
  diags.add("S2S2009", args[0]!.name.range, `model \`${name}\` takes no parameters`, {
    hint:
      target.decl.instance !== undefined
        ? `\`${name}\` is an instantiation; pass arguments to \`${target.decl.instance.name.name}\` instead`
        : `declare them: model ${name}(${args[0]!.name.name} = ...) { ... }`,
  });
}

/**
 * Defines the model's parameters in `scope`: the argument's value where one is given,
 * the default otherwise. Reports unknown (S2S2007) and repeated (S2S2008) arguments and
 * parameters declared twice (S2S2002).
 */
function bindParams(
  entry: ModelEntry,
  call: Call | undefined,
  scope: Scope,
  diags: Diagnostics,
): void {
  const { decl } = entry;
  if (decl.params === undefined) {
    if (call !== undefined) rejectArgs(call, entry, diags);
    return;
  }
  const given = new Map<string, Arg>();
  for (const a of call?.ref.args ?? []) {
    const first = given.get(a.name.name);
    if (first !== undefined) {
      diags.add("S2S2008", a.name.range, `argument \`${a.name.name}\` is given twice`, {
        related: [{ message: "first given here", range: first.name.range }],
      });
      continue;
    }
    if (!decl.params.some((p) => p.name.name === a.name.name)) {
      const names = decl.params.map((p) => p.name.name);
      diags.add(
        "S2S2007",
        a.name.range,
        `model \`${decl.name.name}\` has no parameter \`${a.name.name}\``,
        {
          hint:
            didYouMean(a.name.name, names) ?? `its parameters are ${names.join(", ") || "none"}`,
        },
      );
      continue;
    }
    given.set(a.name.name, a);
  }
  for (const p of decl.params) {
    const arg = given.get(p.name.name);
    const binding = {
      kind: "param" as const,
      name: p.name,
      expr: p.default,
      scope,
      state: "pending" as const,
      value: undefined,
      diagnostics: [],
    };
    const existing = scope.define(binding);
    if (existing !== undefined) {
      diags.add("S2S2002", p.name.range, `parameter \`${p.name.name}\` is declared twice`, {
        related: [{ message: "first declared here", range: existing.name.range }],
      });
      continue;
    }
    warnIfShadowsWord(p.name, diags);
    if (arg !== undefined && call !== undefined) {
      // The argument is evaluated where the reference is written; its diagnostics land
      // in this sink once, so the binding itself carries none.
      scope.defineValue("param", p.name, evaluate(arg.value, call.scope, diags));
    }
  }
}
