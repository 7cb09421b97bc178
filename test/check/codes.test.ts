// Table-driven: every S2S2xxx code has an example in the code table, and checking it
// through checkProgram reports that code at the example's position.
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../src/check/index.js";
import { CODES, type CodeExample } from "../../src/diagnostics/codes.js";
import { memoryHost } from "../../src/source/host.js";

const all = Object.entries(CODES) as [string, { severity: string; example?: CodeExample }][];
const checking = all.filter(([c]) => c.startsWith("S2S2"));

function run(e: CodeExample) {
  return checkProgram("example.s2s", memoryHost({ "example.s2s": e.source, ...(e.files ?? {}) }));
}

describe("S2S2xxx examples", () => {
  it.each(checking.map(([c, info]) => [c, info] as const))(
    "%s has an example that reports it",
    (code, info) => {
      expect(info.example, `${code} needs an example`).toBeDefined();
      const e = info.example!;
      const r = run(e);
      const hit = r.diagnostics.find(
        (d) =>
          d.code === code &&
          d.range.file === "example.s2s" &&
          d.range.start.line === e.line &&
          d.range.start.column === e.column,
      );
      expect(
        hit,
        JSON.stringify(r.diagnostics.map((d) => [d.code, d.range.start, d.message])),
      ).toBeDefined();
      expect(hit!.severity).toBe(info.severity);
      expect(hit!.message).not.toMatch(/\.$/);
      expect(hit!.message).not.toContain("\n");
      // The example shows its own code: other problems may only be consequences of it
      // (an import's S2S2011 next to its cause), never unrelated mistakes in the example.
      for (const d of r.diagnostics) {
        if (d === hit) continue;
        expect([code, "S2S2011", "S2S2040"]).toContain(d.code);
      }
    },
  );

  it("keeps every later-stage example free of checking errors", () => {
    for (const [code, info] of all) {
      if (!code.startsWith("S2S3") || info.example === undefined) continue;
      const r = run(info.example);
      expect(
        r.diagnostics
          .filter((d) => d.severity === "error")
          .map((d) => `${code}: ${d.code} ${d.message}`),
      ).toEqual([]);
    }
  });
});
