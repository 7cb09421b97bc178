/**
 * src/backends/tfjs/runtime-lib.generated.ts is the runtime library bundled
 * for compiled packages: it must be what scripts/gen-tfjs-runtime.ts makes from the
 * library as it is now. `UPDATE_DOCS=1 npx vitest run test/tfjs/runtime-compiled.test.ts`
 * rewrites it.
 */
import { readFileSync, writeFileSync } from "node:fs";
import { describe, expect, test } from "vitest";
import { GENERATED_FILE, generatedRuntimeModule } from "../../scripts/gen-tfjs-runtime.js";
import { libraryNames } from "../../src/runtime/core.js";
import { HELPER_NAMES, RUNTIME_SOURCE } from "../../src/backends/tfjs/runtime-lib.generated.js";

describe("the compiled runtime library", () => {
  test("is up to date with src/runtime/lib/", async () => {
    const fresh = await generatedRuntimeModule();
    if (process.env["UPDATE_DOCS"]) writeFileSync(GENERATED_FILE, fresh);
    expect(
      readFileSync(GENERATED_FILE, "utf8") === fresh,
      "runtime-lib.generated.ts is stale: run `npx tsx scripts/gen-tfjs-runtime.ts`",
    ).toBe(true);
  }, 60_000);

  test("the reserved helper names are the library's exports", () => {
    expect([...HELPER_NAMES]).toEqual(libraryNames().sort());
    expect(HELPER_NAMES).toContain("attention");
  });

  test("imports nothing but @tensorflow/tfjs and exports every helper, the API and loading", () => {
    const statics = new Set(
      [...RUNTIME_SOURCE.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]),
    );
    expect(statics).toEqual(new Set(["@tensorflow/tfjs"]));
    const exported = /^export \{([^}]*)\};$/m.exec(RUNTIME_SOURCE)?.[1] ?? "";
    const names = exported.split(",").map((e) =>
      e
        .trim()
        .split(/\s+as\s+/)
        .pop(),
    );
    expect(new Set(names)).toEqual(
      new Set([...HELPER_NAMES, "createModelApi", "loadModel", "disposeModel"]),
    );
  });
});
