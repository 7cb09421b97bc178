/** How the reports shorten repeated changes: layer-number ranges, grouped settings. */
import { describe, expect, it } from "vitest";
import { formatRelative } from "../../src/diff/format.js";
import { delta } from "../../src/diff/delta.js";
import { compressPaths, formatRanges } from "../../src/diff/paths.js";
import { settingLines, whereText } from "../../src/diff/present.js";
import type { SettingChange } from "../../src/diff/index.js";

describe("paths", () => {
  it("writes number runs as ranges", () => {
    expect(formatRanges([0, 1, 2, 4, 6, 7])).toBe("0..2,4,6..7");
    expect(formatRanges([3])).toBe("3");
  });

  it("merges paths that differ only in the layer number, keeping first-appearance order", () => {
    expect(
      compressPaths([
        "model",
        "encoder/layer0/self_attention",
        "encoder/layer1/self_attention",
        "decoder/layer0/self_attention",
        "encoder/layer2/self_attention",
        "encoder/layer0/feed_forward",
      ]),
    ).toEqual([
      "model",
      "encoder/layer{0..2}/self_attention",
      "decoder/layer0/self_attention",
      "encoder/layer0/feed_forward",
    ]);
    expect(compressPaths(["encoder/layer1", "encoder/layer2"])).toEqual(["encoder/layer{1..2}"]);
  });
});

describe("setting lines", () => {
  const v = (text: string, origin: "spec" | "inherited" | "default") => ({
    type: "float" as const,
    value: Number(text),
    text,
    origin,
  });
  const change = (path: string, origin: "spec" | "inherited" | "default"): SettingChange => ({
    path,
    field: "dropout",
    before: v("0.1", origin),
    after: v("0.3", origin),
  });

  it("groups one change by value and says where it is written and where inherited", () => {
    const lines = settingLines([
      change("model", "spec"),
      change("encoder", "inherited"),
      change("encoder/layer0/lstm", "inherited"),
      change("encoder/layer1/lstm", "inherited"),
    ]);
    expect(lines).toHaveLength(1);
    expect(whereText(lines[0]!)).toBe("model; inherited by encoder and 2 layers");
  });

  it("marks a side that is the default on every place, and an absent side", () => {
    const [l] = settingLines([
      {
        path: "model",
        field: "vocab",
        before: null,
        after: { type: "int", value: 9, text: "9", origin: "spec" },
      },
    ]);
    expect([l!.before, l!.after]).toEqual(["—", "9"]);
    const [d] = settingLines([{ ...change("model", "spec"), before: v("0.1", "default") }]);
    expect(d!.before).toBe("0.1 (default)");
  });
});

describe("relative change", () => {
  it("is `new` from zero, and never rounds a change to nothing", () => {
    expect(formatRelative(delta(0, 5))).toBe("new");
    expect(formatRelative(delta(0, 0))).toBe("0%");
    expect(formatRelative(delta(100_000, 100_001))).toBe("+<0.1%");
    expect(formatRelative(delta(200, 100))).toBe("-50.0%");
  });
});
