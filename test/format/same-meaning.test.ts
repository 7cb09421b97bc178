/**
 * `sameMeaning`, the check `s2sc fmt` makes before it writes: layout and source ranges
 * do not count; a value, a name, a comment or a missing block does.
 */
import { describe, expect, it } from "vitest";
import { sameMeaning } from "../../src/format/massage.js";
import { parse } from "../../src/parser/index.js";

const BASE = `// a comment
model m {
  source { vocab = 20  embed = 32 }
  target { vocab = 20  embed = 32 }
  encoder { lstm { hidden = 64 } }
  decoder { lstm { hidden = 64 } }
}
`;

function same(a: string, b: string): boolean {
  return sameMeaning(parse(a, "a.s2s").ast, parse(b, "b.s2s").ast);
}

describe("sameMeaning", () => {
  it("ignores layout, ranges and the file path", () => {
    expect(same(BASE, BASE.replace(/\n {2}/g, "\n      ").replace("{ lstm", "{\n lstm"))).toBe(
      true,
    );
  });

  it.each([
    ["a value", BASE.replace("hidden = 64 } }\n  decoder", "hidden = 65 } }\n  decoder")],
    ["a name", BASE.replace("model m", "model n")],
    ["a comment", BASE.replace("a comment", "another comment")],
    ["a dropped comment", BASE.replace("// a comment\n", "")],
    ["a block", BASE.replace("  encoder { lstm { hidden = 64 } }\n", "")],
  ])("sees %s changed", (_what, changed) => {
    expect(changed).not.toBe(BASE);
    expect(same(BASE, changed)).toBe(false);
  });
});
