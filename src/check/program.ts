/**
 * The loaded program: every file reached from the entry through imports, each parsed
 * once, with its file-level scope and the models it declares and sees.
 */
import type { Diagnostic, SourceRange } from "../diagnostics/index.js";
import type { FileNode, ImportDecl, ModelDecl } from "../parser/index.js";
import type { Scope } from "./scope.js";

export interface ModelEntry {
  decl: ModelDecl;
  file: SourceFile;
}

export interface ImportLink {
  decl: ImportDecl;
  /** Undefined when the file could not be loaded (already reported). */
  file: SourceFile | undefined;
  /** True for the import that closes an import cycle (reported as S2S2006). */
  closesCycle?: boolean;
}

export interface SourceFile {
  /** The path diagnostics and `sources` use. */
  path: string;
  /** The host-normalised path: one file, one key (import once, cycles). */
  key: string;
  text: string;
  ast: FileNode;
  /** Syntax errors of this file (to tell whether a model's text is broken). */
  parseErrors: Diagnostic[];
  imports: ImportLink[];
  /** The file's `let`s. */
  scope: Scope;
  /** Models declared in this file, first declaration of each name. */
  declared: Map<string, ModelEntry>;
  /** Models declared here or in a file this file imports (filled after loading). */
  visible: Map<string, ModelEntry>;
}

export interface Program {
  entry: SourceFile | undefined;
  /** Every loaded file, in load order (the entry first). */
  files: SourceFile[];
}

/** Whether `inner` lies within `outer` (same file). */
export function contains(outer: SourceRange, inner: SourceRange): boolean {
  return (
    outer.file === inner.file &&
    inner.start.offset >= outer.start.offset &&
    inner.end.offset <= outer.end.offset
  );
}

/** The syntax errors inside a declaration's text. */
export function parseErrorsIn(file: SourceFile, range: SourceRange): Diagnostic[] {
  return file.parseErrors.filter((d) => d.severity === "error" && contains(range, d.range));
}
