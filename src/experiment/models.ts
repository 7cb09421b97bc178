/**
 * The models of an experiment: `FILE[:MODEL]` plus optional arguments, checked and
 * elaborated like any command's model. Arguments use the language's own instantiation:
 * `{ "h": 8 }` becomes a one-line spec `model x = transformer_tiny(h = 8)` that imports
 * the file, held in memory next to it, so argument errors are ordinary diagnostics
 * (an undeclared parameter is S2S2007 with "did you mean").
 */
import { isAbsolute, join, relative, resolve } from "node:path";
import type { CheckedModel } from "../check/model.js";
import type { Io } from "../cli/io.js";
import { EXIT } from "../cli/io.js";
import { loadModule, type Loaded } from "../cli/load-module.js";
import { reportDiagnostics } from "../cli/report.js";
import { parseModelSpec, selectModel } from "../cli/select-model.js";
import { elaborate } from "../elaborate/index.js";
import { verifyModule } from "../ir/verify.js";
import { diskHost } from "../node/disk-host.js";
import type { SourceHost } from "../source/host.js";
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
 * Checks and elaborates the model of `entry` (paths relative to the experiment's `dir`);
 * diagnostics go to io.stderr as for any command.
 */
export function loadEntry(io: Io, entry: ModelEntry, dir: string): Loaded {
  const shown = shownSpec(entry, dir, io.cwd);
  if (entry.args === undefined || Object.keys(entry.args).length === 0)
    return loadModule(io, shown);
  // Find the model's name first (the file's only model when none is named).
  const base = loadModule(io, shown);
  if ("exitCode" in base) return base;
  const { file } = parseModelSpec(shown, () => false);
  const name = `${base.module.model}_${entry.label.replace(/[^A-Za-z0-9_]/g, "_")}`;
  // The in-memory spec sits next to the file it imports, so the import is its base name.
  const virtual = join(relative(io.cwd, resolve(io.cwd, file, "..")), `${name}.experiment.s2s`);
  const importPath = resolve(io.cwd, file).split("/").pop()!;
  const text =
    `// ${entry.label}: ${entry.spec} with ${argumentText(entry.args)}\n` +
    `import "${importPath}"\n` +
    `model ${name} = ${base.module.model}(${argumentText(entry.args)})\n`;
  return loadVirtual(io, `${virtual}:${name}`, overlayHost(io.cwd, virtual, text));
}

/** loadModule (cli/load-module.ts) over another source host. */
function loadVirtual(io: Io, spec: string, host: SourceHost): Loaded {
  const sel = selectModel(spec, host, () => false);
  const elaborated = sel.model !== undefined ? elaborate(sel.model) : undefined;
  const diagnostics = [...sel.diagnostics, ...(elaborated?.diagnostics ?? [])];
  reportDiagnostics(io, diagnostics, sel.sources, "text");
  const module = elaborated?.module;
  if (
    sel.model === undefined ||
    module === undefined ||
    diagnostics.some((d) => d.severity === "error")
  )
    return { exitCode: EXIT.input };
  const problems = verifyModule(module);
  if (problems.length > 0) {
    io.stderr(
      `s2sc: internal error: the IR of model \`${module.model}\` is malformed: ${problems[0]}\n`,
    );
    return { exitCode: EXIT.usage };
  }
  return { module, model: sel.model, source: sel.sources.get(sel.model.file) ?? "" };
}

export type { CheckedModel };
