/**
 * The whole check of a set of files: parse, names and schema (`checkProgram`), then the
 * shape and resource checks of elaboration (S2S3xxx) for every model that passed, so a
 * file `check` calls clean also elaborates. Nothing is printed and nothing is allocated:
 * elaboration builds shapes only, never weights.
 *
 * Every model is elaborated once, wherever it is declared: in a listed file or in a file
 * one of them imports (an imported file's shape errors belong to that file, as its schema
 * errors already do). Instantiations and `extends` are checked models like any other.
 */
import { checkProgram, type CheckedModel } from "../check/index.js";
import {
  dedupeDiagnostics,
  Diagnostics,
  fileStart,
  sortDiagnostics,
  type Diagnostic,
} from "../diagnostics/index.js";
import { elaborate } from "../elaborate/index.js";
import type { SourceHost } from "../source/index.js";

export interface CheckFilesOptions {
  /** The weight budget in bytes (S2S3007); the elaborator's default (4 GiB) when absent. */
  memoryBudgetBytes?: number;
}

export interface CheckFilesResult {
  /** Every diagnostic of every file, each once, errors and warnings alike. */
  diagnostics: Diagnostic[];
  /** Every file text read, by the path diagnostics use (for rendering). */
  sources: Map<string, string>;
  /** How many models of the listed files pass the schema check (imported files' not counted). */
  models: number;
}

export function checkFiles(
  host: SourceHost,
  files: readonly string[],
  options: CheckFilesOptions = {},
): CheckFilesResult {
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, string>();
  const checkedFiles = new Set<string>();
  const elaborated = new Set<string>();
  const counted = new Set<string>();

  const checkFile = (file: string): CheckedModel[] => {
    checkedFiles.add(file);
    const result = checkProgram(file, host);
    for (const [path, text] of result.sources) sources.set(path, text);
    const found = [...result.diagnostics];
    for (const model of result.models) {
      const key = modelKey(model);
      if (elaborated.has(key)) continue;
      elaborated.add(key);
      found.push(...shapeDiagnostics(model, options));
    }
    diagnostics.push(...found);
    return result.models;
  };

  for (const file of files) {
    for (const model of checkFile(file)) counted.add(modelKey(model));
    if (sources.get(file)?.trim() === "") diagnostics.push(emptyFile(file));
  }
  // A listed file's imports are loaded with it, so one round over them is all of them.
  for (const path of [...sources.keys()]) if (!checkedFiles.has(path)) checkFile(path);

  // Two listed files importing the same third replay its problems: each is kept once.
  const unique = dedupeDiagnostics(diagnostics);
  return { diagnostics: inFileOrder(unique), sources, models: counted.size };
}

/**
 * Files in the order they were first reported (the command line's, then imports), each
 * file's diagnostics by position: an imported file's shape errors, found last, join its
 * other problems instead of trailing after every other file's.
 */
function inFileOrder(ds: readonly Diagnostic[]): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of ds) {
    const list = byFile.get(d.range.file);
    if (list === undefined) byFile.set(d.range.file, [d]);
    else list.push(d);
  }
  return [...byFile.values()].flatMap((list) => sortDiagnostics(list));
}

function modelKey(model: CheckedModel): string {
  return `${model.file}\u0000${model.name}`;
}

/**
 * Elaboration's diagnostics for one model. A shape problem is the user's and comes back
 * as a diagnostic; anything else elaboration throws is a bug in s2sc, and is rethrown
 * (as `summary` and `compile` do) naming the model, for the caller's internal-error path.
 */
function shapeDiagnostics(model: CheckedModel, options: CheckFilesOptions): Diagnostic[] {
  try {
    const { diagnostics } = elaborate(model, { memoryBudgetBytes: options.memoryBudgetBytes });
    return diagnostics.map((d) => withModelNote(d, model));
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new Error(`elaborating model \`${model.name}\` of ${model.file}: ${message}`, {
      cause: e,
    });
  }
}

/**
 * A problem found in a parent's or an instantiated model's text while elaborating a
 * child says which model it was found in, as `checkProgram` does for schema errors:
 * the parent itself may be fine.
 */
function withModelNote(d: Diagnostic, model: CheckedModel): Diagnostic {
  const inside =
    d.range.file === model.file &&
    d.range.start.offset >= model.range.start.offset &&
    d.range.end.offset <= model.range.end.offset;
  if (inside) return d;
  const note = { message: `while checking model \`${model.name}\``, range: model.nameRange };
  return { ...d, related: [...(d.related ?? []), note] };
}

function emptyFile(file: string): Diagnostic {
  const d = new Diagnostics();
  d.add("S2S0005", fileStart(file), `${file} is empty`, {
    hint: "a spec declares at least one `model`",
  });
  return d.items[0]!;
}
