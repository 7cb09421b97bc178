/**
 * The models of an experiment: `FILE[:MODEL]` plus optional arguments, checked and
 * elaborated like any command's model. Arguments use the language's own instantiation:
 * `{ "h": 8 }` becomes a one-line spec `model x = transformer_tiny(h = 8)` that imports
 * the file, held in memory next to it, so argument errors are ordinary diagnostics
 * (an undeclared parameter is S2S2007 with "did you mean").
 */
import { isAbsolute, join, relative, resolve } from "node:path";
import { loadModel, type LoadResult, parseModelSpec } from "../../api/index.js";
import { diskHost } from "../disk-host.js";
import { diskIsFile } from "../disk-is-file.js";
import type { SourceHost } from "../../source/index.js";
import type { ModelEntry } from "./schema.js";

/** `{h: 8, position: "learned"}` → `h = 8, position = learned` (strings are s2s expressions). */
export function argumentText(args: Record<string, number | boolean | string>): string {
  return Object.entries(args)
    .map(([k, v]) => {
      // A JSON number with no fraction is an int in s2s; 0.5 stays a float.
      const text = typeof v === "string" ? v : String(v);
      return `${k} = ${text}`;
    })
    .join(", ");
}

/** The spec path of an entry as the user should see it: relative to the working directory. */
export function shownSpec(entry: ModelEntry, dir: string, cwd: string): string {
  const { file, model } = parseModelSpec(entry.spec, () => false);
  const abs = isAbsolute(file) ? file : resolve(dir, file);
  const rel = relative(cwd, abs);
  return (rel.startsWith("..") ? abs : rel) + (model !== undefined ? `:${model}` : "");
}

/** A host that serves one in-memory file over the disk. */
function overlayHost(cwd: string, path: string, text: string): SourceHost {
  const disk = diskHost(cwd);
  return {
    read: (p) => (resolve(cwd, p) === resolve(cwd, path) ? { ok: true, text } : disk.read(p)),
    resolve: disk.resolve,
  };
}

/**
 * Checks and elaborates the model of `entry` (paths relative to the experiment's `dir`,
 * shown relative to `cwd`). Nothing is printed: the diagnostics are in the result, and
 * it has a module only when there is no error.
 */
export function loadEntry(entry: ModelEntry, dir: string, cwd: string): LoadResult {
  const shown = shownSpec(entry, dir, cwd);
  const base = loadModel(diskHost(cwd), shown, { isFile: diskIsFile(cwd) });
  if (entry.args === undefined || Object.keys(entry.args).length === 0) return base;
  // The model's name comes from the file (its only model when none is named).
  if (base.module === undefined) return base;
  const { file } = parseModelSpec(shown, () => false);
  const name = `${base.module.model}_${entry.label.replace(/[^A-Za-z0-9_]/g, "_")}`;
  // The in-memory spec sits next to the file it imports, so the import is its base name.
  const virtual = join(relative(cwd, resolve(cwd, file, "..")), `${name}.experiment.s2s`);
  const importPath = resolve(cwd, file).split("/").pop()!;
  const text =
    `// ${entry.label}: ${entry.spec} with ${argumentText(entry.args)}\n` +
    `import "${importPath}"\n` +
    `model ${name} = ${base.module.model}(${argumentText(entry.args)})\n`;
  return loadModel(overlayHost(cwd, virtual, text), `${virtual}:${name}`, {
    isFile: () => false,
  });
}
