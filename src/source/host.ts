/**
 * Where source text comes from. The CLI reads the disk; tests use an in-memory map.
 * Reading never throws: a file that cannot be used as source is an `SourceError`
 * carrying an S2S0xxx code.
 */
import type { Code } from "../diagnostics/index.js";

export type ReadResult =
  { ok: true; text: string } | { ok: false; code: Code; message: string; hint?: string };

export interface SourceHost {
  /** Reads `path` (absolute or relative to the working directory). */
  read(path: string): ReadResult;
  /** Normalises a path so that one file has one name (for "import once" and cycles). */
  resolve(fromFile: string, relative: string): string;
}

/** A host over an in-memory map of path → text (paths are POSIX-style). */
export function memoryHost(files: Record<string, string>): SourceHost {
  return {
    read(path) {
      const text = files[path];
      if (text === undefined)
        return { ok: false, code: "S2S0001", message: `file not found: ${path}` };
      return { ok: true, text };
    },
    resolve(fromFile, relative) {
      const base = fromFile.includes("/") ? fromFile.slice(0, fromFile.lastIndexOf("/") + 1) : "";
      const parts: string[] = [];
      for (const p of (relative.startsWith("/") ? relative : base + relative).split("/")) {
        if (p === "..") parts.pop();
        else if (p !== "." && p !== "") parts.push(p);
      }
      return (relative.startsWith("/") ? "/" : "") + parts.join("/");
    },
  };
}
