/** What a diagnostic prints stays screen-sized whatever the input (#20). */
import { describe, expect, it } from "vitest";
import {
  boundMessage,
  MAX_MESSAGE,
  shorten,
  SNIPPET_COLUMNS,
  snippetWindow,
} from "../../src/diagnostics/bound.js";
import { Diagnostics } from "../../src/diagnostics/diagnostic.js";
import { rangeOf } from "../../src/diagnostics/range.js";
import { renderDiagnostic, toJson } from "../../src/diagnostics/render.js";

describe("shorten and boundMessage", () => {
  it("keep short text as it is", () => {
    expect(shorten("abc")).toBe("abc");
    expect(boundMessage("undefined name `hidden`")).toBe("undefined name `hidden`");
  });

  it("shorten a long quoted name to its two ends", () => {
    const m = boundMessage(
      `undefined name \`${"a".repeat(10) + "b".repeat(1000) + "c".repeat(10)}\``,
    );
    expect(m).toMatch(/^undefined name `a{10}b+…b+c{10}`$/);
    expect(m.length).toBeLessThan(80);
  });

  it("cut a message that is long even so", () => {
    const m = boundMessage("word ".repeat(1000));
    expect(m.length).toBe(MAX_MESSAGE);
    expect(m.endsWith("…")).toBe(true);
  });

  it("apply to what Diagnostics.add records, so JSON is bounded too", () => {
    const ds = new Diagnostics();
    const name = "n".repeat(100_000);
    const text = `let a = ${name}\n`;
    const d = ds.add(
      "S2S2001",
      rangeOf("f.s2s", text, 8, 8 + name.length),
      `undefined name \`${name}\``,
      {
        hint: `did you mean \`${name}\`?`,
      },
    );
    expect(JSON.stringify(toJson(d)).length).toBeLessThan(400);
  });
});

describe("snippet windows", () => {
  it("show a short line whole", () => {
    expect(snippetWindow("let a = b", 8, 1)).toEqual({ text: "let a = b", caret: 8, width: 1 });
  });

  it("cut a long line around the caret, with the caret on the same character", () => {
    const line = Array.from({ length: 1000 }, (_, i) => String.fromCharCode(97 + (i % 26))).join(
      "",
    );
    for (const at of [0, 5, 39, 40, 500, 960, 999, 1000]) {
      const w = snippetWindow(line, at, 3);
      expect(w.text.length).toBeLessThanOrEqual(SNIPPET_COLUMNS + 2);
      if (at < line.length) expect(w.text[w.caret]).toBe(line[at]);
      expect(w.text.startsWith("…")).toBe(at > 40);
      expect(w.text.endsWith("…")).toBe(at < line.length - SNIPPET_COLUMNS + 40);
    }
  });

  it("clip an underline at the window's end", () => {
    const w = snippetWindow("x".repeat(10_000), 20, 9_000);
    expect(w.caret + w.width).toBe(SNIPPET_COLUMNS);
  });

  it("line up the rendered caret with the name in a long line", () => {
    const text = `let a = ${"1 + ".repeat(200)}zz + 1\n`;
    const at = text.indexOf("zz");
    const ds = new Diagnostics();
    const d = ds.add("S2S2001", rangeOf("f.s2s", text, at, at + 2), "undefined name `zz`");
    const [, shown, carets] = renderDiagnostic(d, new Map([["f.s2s", text]])).split("\n");
    expect(shown!.length).toBeLessThan(SNIPPET_COLUMNS + 10);
    expect(carets!.indexOf("^^")).toBe(shown!.indexOf("zz"));
    expect(carets).toMatch(/^ +\| +\^\^$/);
  });
});
