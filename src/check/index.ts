/**
 * The checking stage: parse the entry file and its imports, resolve names, expand
 * `extends` and instantiations, fold expressions and check everything against the
 * language schema.
 *
 * Architecture invariant: checking never throws for bad input; every problem is a
 * diagnostic, and a `CheckedModel` is only returned for a model with no errors.
 * API boundary: `checkProgram` (plus the schema exports for tools).
 */
import {
  dedupeDiagnostics,
  type Diagnostic,
  Diagnostics,
  sortDiagnostics,
} from "../diagnostics/index.js";
import { parse } from "../parser/index.js";
import type { SourceHost } from "../source/index.js";
import { isPoisoned } from "./evaluate.js";
import { expandModel } from "./expand.js";
import { loadProgram, type ParseFn } from "./loader.js";
import type { CheckedModel } from "./model.js";
import { contains, type ModelEntry, type SourceFile } from "./program.js";
import { checkRules } from "./rules.js";
import { validateModel } from "./validate.js";
export * from "./model.js";
export * from "./values.js";
export * from "./suggest.js";

export interface CheckResult {
  /** Models declared in the entry file, in source order, only those without errors. */
  models: CheckedModel[];
  /** Every diagnostic of every loaded file (parse diagnostics included), sorted. */
  diagnostics: Diagnostic[];
  /** Every file text loaded, by the path diagnostics use (for rendering). */
  sources: Map<string, string>;
}

export function checkProgram(
  entryPath: string,
  host: SourceHost,
  parseFn: ParseFn = parse,
): CheckResult {
  const diags = new Diagnostics();
  const program = loadProgram(entryPath, host, parseFn, diags);
  const models: CheckedModel[] = [];
  // Every model of every loaded file is checked, so that an imported file's mistakes
  // are reported in that file even when the entry file does not use the model.
  for (const file of program.files) {
    for (const entry of file.declared.values()) {
      const sink = new Diagnostics();
      const m = checkModel(entry, sink);
      diags.push(...sink.items.map((d) => withContext(d, entry)));
      if (m !== undefined && file === program.entry) models.push(m);
    }
  }
  for (const file of program.files) reportBrokenImports(file, diags);
  return {
    models,
    diagnostics: sortDiagnostics(dedupeDiagnostics(diags.items)),
    sources: new Map(program.files.map((f) => [f.path, f.text])),
  };
}

/** Checks one model; its diagnostics go to `sink`, and it is returned only if none is an error. */
export function checkModel(entry: ModelEntry, sink: Diagnostics): CheckedModel | undefined {
  const { decl, file } = entry;
  const expanded = expandModel(entry, sink);
  if (expanded === undefined) return undefined;
  // The root is the checked model's declaration even when its body came from a parent
  // or an instantiated model: that is where "model `x` has no decoder" belongs.
  const tree = expanded.tree;
  tree.head = { kind: "Ident", name: "model", range: decl.name.range };
  tree.range = decl.range;
  const root = validateModel(tree, decl.name.name, sink);
  checkRules(root, sink);
  if (sink.hasErrors || isPoisoned(sink)) return undefined;
  return {
    name: decl.name.name,
    file: file.path,
    range: decl.range,
    nameRange: decl.name.range,
    params: Object.fromEntries(expanded.params),
    root,
  };
}

/**
 * A problem found while checking `entry` but located outside its declaration — in a
 * parent or an instantiated model, reached with this model's arguments — gets a note
 * pointing at the model that led there. When the parent has the problem on its own it
 * was reported first, without the note, and the de-duplication keeps that one.
 */
function withContext(d: Diagnostic, entry: ModelEntry): Diagnostic {
  if (contains(entry.decl.range, d.range)) return d;
  const note = {
    message: `while checking model \`${entry.decl.name.name}\``,
    range: entry.decl.name.range,
  };
  return { ...d, related: [...(d.related ?? []), note] };
}

/**
 * S2S2011 at an import whose file (or a file it imports) has errors, so that a reader
 * of the importing file — or an editor showing only that file — sees why.
 */
function reportBrokenImports(file: SourceFile, diags: Diagnostics): void {
  for (const link of file.imports) {
    // A cycle is already an error at this import; "has errors" would only repeat it.
    if (link.file === undefined || link.closesCycle) continue;
    // An import cycle through this file is reported where it closes; counting it here
    // again would only say the same thing twice.
    const inCycle = (d: Diagnostic) =>
      d.code === "S2S2006" &&
      (d.range.file === file.path || (d.related ?? []).some((r) => r.range.file === file.path));
    const errors = errorsUnder(link.file, diags.items).filter((d) => !inCycle(d));
    if (errors.length === 0) continue;
    const n = errors.length;
    diags.add(
      "S2S2011",
      link.decl.path.range,
      `${link.file.path} has ${n} error${n === 1 ? "" : "s"}`,
      {
        related: [{ message: errors[0]!.message, range: errors[0]!.range }],
      },
    );
  }
}

/** The errors in `file` and the files it imports, transitively (S2S2011s excluded). */
function errorsUnder(file: SourceFile, all: readonly Diagnostic[]): Diagnostic[] {
  const paths = new Set<string>();
  const visit = (f: SourceFile) => {
    if (paths.has(f.path)) return;
    paths.add(f.path);
    for (const l of f.imports) if (l.file !== undefined) visit(l.file);
  };
  visit(file);
  return dedupeDiagnostics(all).filter(
    (d) => d.severity === "error" && d.code !== "S2S2011" && paths.has(d.range.file),
  );
}
