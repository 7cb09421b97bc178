/**
 * Rewrites deep cross-stage imports to go through the imported stage's `index.ts`, the
 * rule `no-deep-cross-stage` of .dependency-cruiser.cjs asks for:
 *
 *   npx tsx scripts/index-imports.ts src/check src/elaborate …   (folders or files)
 *
 * A stage is a folder of src (`src/backends/<x>` for the backends). For an import in
 * stage A of a module of stage B (B ≠ A) other than B's index, the specifier becomes B's
 * index, and the index gains `export * from "./module.js"` unless it already names
 * every imported binding; imports of the same index are then merged. Namespace and
 * default imports are listed, not rewritten (an index changes what they mean). After a
 * run, `npx tsc --noEmit` shows any name two `export *` lines export twice.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const SRC = resolve("src");
/** `import … from "./x.js"` and `export … from "./x.js"`, possibly over several lines. */
const DECLARATION = /^(import|export)(\s+type)?\s+([^;]*?)\s+from\s+"(\.{1,2}\/[^"]+)";\n/gm;

function files(path: string): string[] {
  if (statSync(path).isDirectory())
    return readdirSync(path).flatMap((name) => files(join(path, name)));
  return /\.ts$/.test(path) ? [path] : [];
}

/** The stage folder of a file under src, or undefined for files directly in src. */
function stageOf(abs: string): string | undefined {
  const m = /^(backends\/[^/]+|[^/]+)\//.exec(relative(SRC, abs));
  return m === null ? undefined : join(SRC, m[1]!);
}

function specifier(from: string, to: string): string {
  const rel = relative(dirname(from), to).replace(/\.ts$/, ".js");
  return rel.startsWith(".") ? rel : `./${rel}`;
}

/** The bindings a `{ a, type b as c }` clause imports from its module (a, b). */
function bindings(clause: string): string[] | undefined {
  return clauseNames(clause)?.map((b) => b.replace(/^type\s+/, "").split(/\s+as\s+/)[0]!);
}

/** The entries of an import clause `{ a, type b as c }`, undefined for other forms. */
function clauseNames(clause: string): string[] | undefined {
  const m = /^\{([^}]*)\}$/s.exec(clause.trim());
  if (m === null) return undefined;
  return m[1]!
    .split(",")
    .map((b) => b.trim())
    .filter((b) => b !== "");
}

/** Whether a module's text exports `name` (declared, or in an export clause). */
function exportsName(text: string, name: string): boolean {
  const declared = new RegExp(
    `^export\\s+(declare\\s+)?(async\\s+)?(const|let|function\\*?|class|interface|type|enum)\\s+${name}\\b`,
    "m",
  );
  const listed = new RegExp(`^export\\s+(type\\s+)?\\{[^}]*\\b${name}\\b[^}]*\\}`, "m");
  return declared.test(text) || listed.test(text);
}

/** Makes `index` export `names` of `module`. */
function exportFrom(index: string, module: string, names: string[]): void {
  const text = readFileSync(index, "utf8");
  const spec = specifier(index, module);
  if (text.includes(`export * from "${spec}"`)) return;
  if (names.every((n) => exportsName(text, n))) return;
  // After the module's last import or re-export, where a reader looks for its surface.
  let at = 0;
  for (const m of text.matchAll(DECLARATION)) at = m.index + m[0].length;
  if (at === 0) at = text.endsWith("\n") ? text.length : text.length + 1;
  const line = `export * from "${spec}";\n`;
  writeFileSync(index, `${text.slice(0, at).padEnd(at, "\n")}${line}${text.slice(at)}`);
}

/** Merges `import {…} from "x"` declarations of the same specifier and kind. */
function mergeImports(text: string, specs: ReadonlySet<string>): string {
  const seen = new Map<string, string[]>();
  const out = text.replace(DECLARATION, (whole, kw: string, type = "", clause: string, spec) => {
    const names = kw === "import" && specs.has(spec) ? clauseNames(clause) : undefined;
    if (names === undefined) return whole;
    const key = `${type.trim()} ${spec}`;
    const first = seen.get(key);
    if (first !== undefined) {
      first.push(...names);
      return "";
    }
    seen.set(key, [...names]);
    return `\u0000${key}\u0000`;
  });
  return out.replace(/\u0000([^\u0000]*)\u0000/g, (_w, key: string) => {
    const [type, spec] = key.split(" ") as [string, string];
    const names = [...new Set(seen.get(key)!)].sort((a, b) =>
      a.replace(/^type /, "").localeCompare(b.replace(/^type /, "")),
    );
    return `import ${type === "" ? "" : "type "}{ ${names.join(", ")} } from "${spec}";\n`;
  });
}

function rewrite(file: string, skipped: string[]): boolean {
  const own = stageOf(file);
  if (own === undefined) return false;
  const text = readFileSync(file, "utf8");
  const indexSpecs = new Set<string>();
  const out = text.replace(DECLARATION, (whole, kw: string, type = "", clause: string, spec) => {
    const target = resolve(dirname(file), spec.replace(/\.js$/, ".ts"));
    const stage = stageOf(target);
    // Modules directly in src/backends are the backends' shared helpers, imported directly.
    if (stage === undefined || stage === own || stage === join(SRC, "backends")) return whole;
    const index = join(stage, "index.ts");
    if (target === index) return whole;
    const names = bindings(clause);
    if (names === undefined || !existsSync(index)) {
      skipped.push(`${relative(".", file)}: ${kw}${type} ${clause} from "${spec}"`);
      return whole;
    }
    exportFrom(index, target, names);
    const indexSpec = specifier(file, index);
    indexSpecs.add(indexSpec);
    return `${kw}${type} ${clause} from "${indexSpec}";\n`;
  });
  if (out === text) return false;
  writeFileSync(file, mergeImports(out, indexSpecs));
  return true;
}

const skipped: string[] = [];
const targets = process.argv.slice(2).flatMap((p) => files(resolve(p)));
const changed = targets.filter((f) => rewrite(f, skipped));
console.log(`${changed.length} files rewritten`);
for (const s of skipped)
  console.log(`not rewritten (a namespace or default import, or no index.ts): ${s}`);
