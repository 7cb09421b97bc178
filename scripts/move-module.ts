/**
 * Moves a TypeScript module and rewrites every relative import of it (in src, test,
 * bench and scripts) and its own relative imports, so a refactor that moves a file is
 * one command:
 *
 *   npx tsx scripts/move-module.ts src/old/place.ts src/new/place.ts
 *
 * Imports are matched by resolving their specifiers (`./x.js` → `./x.ts`), not by text,
 * so `../x.js` from one folder and `./x.js` from another are both found.
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const ROOTS = ["src", "test", "bench", "scripts"];
const SPECIFIER =
  /(\bfrom\s+|\bimport\s*\(\s*|\bimport\s+|vi\.mock\(\s*)(["'])(\.{1,2}\/[^"']+)\2/g;

function files(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === "node_modules") return [];
    if (statSync(path).isDirectory()) return files(path);
    return /\.(ts|mts|tsx)$/.test(name) ? [path] : [];
  });
}

/** The file a relative specifier names (`.js` written for a `.ts` file). */
function target(from: string, spec: string): string {
  return resolve(dirname(from), spec.replace(/\.js$/, ".ts"));
}

function specifier(from: string, to: string): string {
  let rel = relative(dirname(from), to).replace(/\.ts$/, ".js");
  if (!rel.startsWith(".")) rel = `./${rel}`;
  return rel;
}

function rewrite(file: string, map: (abs: string) => string | undefined, self: string): void {
  const text = readFileSync(file, "utf8");
  const out = text.replace(SPECIFIER, (whole, lead: string, q: string, spec: string) => {
    const abs = target(file, spec);
    const moved = map(abs);
    if (moved === undefined) return whole;
    return `${lead}${q}${specifier(self, moved)}${q}`;
  });
  if (out !== text) writeFileSync(self === file ? file : file, out);
}

const [oldArg, newArg] = process.argv.slice(2);
if (oldArg === undefined || newArg === undefined) {
  console.error("usage: tsx scripts/move-module.ts OLD.ts NEW.ts");
  process.exit(2);
}
const oldAbs = resolve(oldArg);
const newAbs = resolve(newArg);
if (!existsSync(oldAbs) || existsSync(newAbs)) {
  console.error(`cannot move ${oldArg} to ${newArg} (missing source or existing target)`);
  process.exit(2);
}
// The moved file's own imports: same targets, new location.
const own = readFileSync(oldAbs, "utf8").replace(
  SPECIFIER,
  (_w, lead: string, q: string, spec: string) =>
    `${lead}${q}${specifier(newAbs, target(oldAbs, spec))}${q}`,
);
mkdirSync(dirname(newAbs), { recursive: true });
execFileSync("git", ["mv", oldAbs, newAbs]);
writeFileSync(newAbs, own);
for (const file of ROOTS.flatMap(files)) {
  const abs = resolve(file);
  if (abs === newAbs) continue;
  rewrite(abs, (t) => (t === oldAbs ? newAbs : undefined), abs);
}
console.log(`moved ${oldArg} → ${newArg}`);
