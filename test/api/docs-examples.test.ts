/**
 * docs/api.md's examples run: its ```js blocks, in order, in one scope (a later block
 * uses what an earlier one made, as a reader does), with `"s2sc"` and `"s2sc/node"`
 * mapped to this checkout's entries.
 */
import { readFileSync } from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { expect, it } from "vitest";
import * as core from "../../src/index.js";
import * as node from "../../src/node/index.js";

const ROOT = path.resolve(import.meta.dirname, "../..");
const MODULES: Record<string, unknown> = {
  s2sc: core,
  "s2sc/node": node,
  "node:os": os,
  "node:path": path,
};

/** One block as statements of an async function: imports read `modules`, `const` is `var`. */
function asStatements(block: string): string {
  return block
    .replace(/^import \{([^}]*)\} from "([^"]+)";/gm, (_, names: string, from: string) => {
      if (!(from in MODULES)) throw new Error(`docs/api.md imports ${from}; add it to MODULES`);
      return `var {${names}} = modules[${JSON.stringify(from)}];`;
    })
    .replace(/^const /gm, "var ");
}

it("every example of docs/api.md runs", async () => {
  const doc = readFileSync(path.resolve(ROOT, "docs/api.md"), "utf8");
  const blocks = [...doc.matchAll(/```js\n([\s\S]*?)```/g)].map((m) => m[1]!);
  expect(blocks.length).toBeGreaterThanOrEqual(9);
  const console = { log: () => {} };
  const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor as new (
    ...args: string[]
  ) => (console: unknown, modules: unknown) => Promise<void>;
  const upTo = (n: number) =>
    new AsyncFunction("console", "modules", blocks.slice(0, n).map(asStatements).join("\n"));
  const all = await upTo(blocks.length)(console, MODULES).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (all === undefined) return;
  // Name the first block that fails, for the message.
  for (let n = 1; n <= blocks.length; n++)
    await expect(
      upTo(n)(console, MODULES),
      `block ${n}:\n${blocks[n - 1]}`,
    ).resolves.toBeUndefined();
  throw all;
}, 120_000);
