/**
 * `parse` never throws: an exception inside the parser becomes a diagnostic. The shared
 * parser instance is replaced here by one that fails on demand.
 */
import { afterEach, describe, expect, it, vi } from "vitest";

const failure: { error: unknown } = { error: undefined };

vi.mock("../../src/parser/parser.js", async (importOriginal) => {
  const original = await importOriginal<typeof import("../../src/parser/parser.js")>();
  return {
    ...original,
    getParser: () => {
      const real = original.getParser();
      if (failure.error === undefined) return real;
      return new Proxy(real, {
        get(target, key, receiver) {
          if (key === "file") {
            return () => {
              throw failure.error;
            };
          }
          return Reflect.get(target, key, receiver);
        },
      });
    },
  };
});

const { parse } = await import("../../src/parser/index.js");

afterEach(() => {
  failure.error = undefined;
});

describe("internal failures", () => {
  it("become S2S1099 instead of escaping", () => {
    failure.error = new TypeError("boom\nsecond line");
    const { ast, diagnostics } = parse("model m { }\n", "x.s2s");
    expect(diagnostics).toMatchObject([
      { code: "S2S1099", severity: "error", message: "internal error in the parser: boom" },
    ]);
    expect(ast).toMatchObject({ kind: "File", path: "x.s2s", items: [] });
  });

  it("report a stack overflow as nesting too deep, at the deepest bracket", () => {
    failure.error = new RangeError("Maximum call stack size exceeded");
    const { diagnostics } = parse("model m {\n  a { b { } }\n  c { }\n}\n", "x.s2s");
    expect(
      diagnostics.map((d) => `${d.code} ${d.range.start.line}:${d.range.start.column}`),
    ).toEqual(["S2S1014 2:9"]);
  });

  it("leave the parser usable for the next file", () => {
    failure.error = new Error("boom");
    parse("let a = 1\n", "x.s2s");
    failure.error = undefined;
    expect(parse("let a = 1\n", "x.s2s").diagnostics).toEqual([]);
  });

  it("include input that is not even a string", () => {
    const { diagnostics } = parse(undefined as unknown as string, "x.s2s");
    expect(diagnostics.map((d) => d.code)).toEqual(["S2S1099"]);
  });
});
