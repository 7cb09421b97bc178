/**
 * Loads the entry file and everything it imports. An import path is relative to the
 * importing file; the host normalises it, so a file reached twice is loaded once. A
 * missing file is reported at the import's string, an import cycle at the import that
 * closes it. Models of an imported file become visible in the importing file (only those
 * the imported file declares: imports are not re-exported).
 */
import type { Diagnostic, Diagnostics } from "../diagnostics/index.js";
import { fileStart } from "../diagnostics/index.js";
import type { FileNode, ImportDecl, LetDecl, ModelDecl } from "../parser/index.js";
import type { SourceHost } from "../source/index.js";
import { defineLets } from "./pending.js";
import type { ImportLink, Program, SourceFile } from "./program.js";
import { Scope } from "./scope.js";

export type ParseFn = (text: string, path: string) => { ast: FileNode; diagnostics: Diagnostic[] };

export function loadProgram(
  entryPath: string,
  host: SourceHost,
  parse: ParseFn,
  diags: Diagnostics,
): Program {
  const byKey = new Map<string, SourceFile>();
  const files: SourceFile[] = [];
  /** Files whose imports are being followed, with the import taken out of each. */
  const loading: { file: SourceFile; via: ImportDecl | undefined }[] = [];

  const open = (path: string, key: string, text: string): SourceFile => {
    const { ast, diagnostics } = parse(text, path);
    diags.push(...diagnostics);
    const file: SourceFile = {
      path,
      key,
      text,
      ast,
      parseErrors: diagnostics.filter((d) => d.severity === "error"),
      imports: [],
      scope: new Scope(undefined, "file"),
      declared: new Map(),
      visible: new Map(),
    };
    byKey.set(key, file);
    files.push(file);
    declare(file, diags);
    return file;
  };

  const follow = (file: SourceFile): void => {
    loading.push({ file, via: undefined });
    for (const item of file.ast.items) {
      if (item.kind !== "Import") continue;
      loading[loading.length - 1]!.via = item;
      file.imports.push(importOne(file, item));
    }
    loading.pop();
  };

  const importOne = (from: SourceFile, decl: ImportDecl): ImportLink => {
    const key = host.resolve(from.path, decl.path.value);
    const known = byKey.get(key);
    if (known !== undefined) {
      const at = loading.findIndex((l) => l.file === known);
      if (at >= 0) {
        reportCycle(loading.slice(at), decl, diags);
        return { decl, file: known, closesCycle: true };
      }
      return { decl, file: known };
    }
    const read = host.read(key);
    if (!read.ok) {
      const notFound = read.code === "S2S0001";
      diags.add(
        notFound ? "S2S2005" : read.code,
        decl.path.range,
        notFound ? `imported file not found: ${key}` : read.message,
        read.hint === undefined ? {} : { hint: read.hint },
      );
      return { decl, file: undefined };
    }
    const file = open(key, key, read.text);
    follow(file);
    return { decl, file };
  };

  const read = host.read(entryPath);
  if (!read.ok) {
    diags.add(
      read.code,
      fileStart(entryPath),
      read.message,
      read.hint === undefined ? {} : { hint: read.hint },
    );
    return { entry: undefined, files: [] };
  }
  const entry = open(entryPath, host.resolve("", entryPath), read.text);
  follow(entry);
  for (const f of files) computeVisible(f, diags);
  return { entry, files };
}

/** S2S2006 at the import that closes the cycle, with the other imports of the cycle. */
function reportCycle(
  cycle: { file: SourceFile; via: ImportDecl | undefined }[],
  closing: ImportDecl,
  diags: Diagnostics,
): void {
  const names = [...cycle.map((l) => l.file.path), cycle[0]!.file.path];
  const related = cycle
    .slice(0, -1)
    .filter((l) => l.via !== undefined)
    .map((l) => ({
      message: `${l.file.path} imports ${l.via!.path.value}`,
      range: l.via!.path.range,
    }));
  diags.add("S2S2006", closing.path.range, `import cycle: ${names.join(" → ")}`, {
    related,
    hint:
      cycle.length === 1
        ? "a file sees its own models without importing itself: remove the import"
        : "move what both files need into a third file that both import",
  });
}

/** The file's `let`s and model names (S2S2002 for a model declared twice). */
function declare(file: SourceFile, diags: Diagnostics): void {
  const lets = file.ast.items.filter((i): i is LetDecl => i.kind === "Let");
  defineLets(lets, file.scope, diags);
  for (const item of file.ast.items) {
    if (item.kind !== "Model") continue;
    const first = file.declared.get(item.name.name);
    if (first !== undefined) {
      diags.add("S2S2002", item.name.range, `model \`${item.name.name}\` is declared twice`, {
        related: [{ message: "first declared here", range: first.decl.name.range }],
      });
      continue;
    }
    file.declared.set(item.name.name, { decl: item as ModelDecl, file });
  }
}

/**
 * The models a file can name: its own, then those of each import in order. A name that
 * two of them declare is an error; the local model (or the first import) wins.
 */
function computeVisible(file: SourceFile, diags: Diagnostics): void {
  for (const [name, e] of file.declared) file.visible.set(name, e);
  for (const link of file.imports) {
    if (link.file === undefined) continue;
    for (const [name, e] of link.file.declared) {
      const had = file.visible.get(name);
      if (had === undefined) {
        file.visible.set(name, e);
      } else if (had !== e) {
        const local = had.file === file;
        diags.add(
          "S2S2002",
          local ? had.decl.name.range : link.decl.path.range,
          local
            ? `model \`${name}\` is also declared in the imported ${link.file.path}`
            : `${link.file.path} declares \`${name}\`, which ${had.file.path} already provides`,
          {
            related: [
              local
                ? { message: "imported here", range: link.decl.path.range }
                : { message: "first declared here", range: had.decl.name.range },
            ],
            hint: "rename one of the models",
          },
        );
      }
    }
  }
}
