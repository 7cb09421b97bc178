/** Sequence alignment (align.ts) and the layer pairing built on it (match.ts). */
import { describe, expect, it } from "vitest";
import { align, type Step } from "../../src/diff/align.js";
import { diffModels } from "../../src/diff/index.js";
import { renderText } from "../../src/diff/render-text.js";
import { inlineModels } from "./helpers.js";

/** Equal letters cost 0, a lower/upper-case pair (the "same kind, changed") 2, others 3. */
const cost = (x: string, y: string) => (x === y ? 0 : x.toLowerCase() === y.toLowerCase() ? 2 : 3);
const show = (steps: Step[], a: string, b: string) =>
  steps.map((s) =>
    s.kind === "match" ? `${a[s.a]}${b[s.b]}` : s.kind === "delete" ? `-${a[s.a]}` : `+${b[s.b]}`,
  );

describe("align", () => {
  it("appends extra equal items at the end", () => {
    expect(show(align([..."aaa"], [..."aaaa"], cost, 2), "aaa", "aaaa")).toEqual([
      "aa",
      "aa",
      "aa",
      "+a",
    ]);
    expect(show(align([..."aaaa"], [..."aaa"], cost, 2), "aaaa", "aaa")).toEqual([
      "aa",
      "aa",
      "aa",
      "-a",
    ]);
  });

  it("finds one insertion in the middle", () => {
    expect(show(align([..."abc"], [..."abxc"], cost, 2), "abc", "abxc")).toEqual([
      "aa",
      "bb",
      "+x",
      "cc",
    ]);
  });

  it("pairs changed items in place rather than removing and re-adding them", () => {
    expect(show(align([..."abc"], [..."ABC"], cost, 2), "abc", "ABC")).toEqual(["aA", "bB", "cC"]);
    // Every item changed and one more: still in place, the extra one last.
    expect(show(align([..."aaa"], [..."AAAA"], cost, 2), "aaa", "AAAA")).toEqual([
      "aA",
      "aA",
      "aA",
      "+A",
    ]);
  });

  it("prefers an insertion over a cascade of changes", () => {
    // abc → aXbc: pairing in place would change b→X and c→b and add c.
    expect(show(align([..."abc"], [..."aXbc"], cost, 2), "abc", "aXbc")).toEqual([
      "aa",
      "+X",
      "bb",
      "cc",
    ]);
  });

  it("handles empty sides", () => {
    expect(align([], [..."ab"], cost, 2)).toEqual([
      { kind: "insert", b: 0 },
      { kind: "insert", b: 1 },
    ]);
    expect(align([..."ab"], [], cost, 2).map((s) => s.kind)).toEqual(["delete", "delete"]);
    expect(align([], [], cost, 2)).toEqual([]);
  });
});

const models = inlineModels(`
model six {
  source { vocab = 30  embed = 16 }
  target { vocab = 30  embed = 16 }
  encoder { stack 6 { lstm { hidden = 32 } } }
  decoder { lstm { hidden = 32 }  attention dot { } }
  bridge = zero
}
model middle_gone {
  source { vocab = 30  embed = 16 }
  target { vocab = 30  embed = 16 }
  encoder { stack 5 { lstm { hidden = 32 } } }
  decoder { lstm { hidden = 32 }  attention dot { } }
  bridge = zero
}
model wider_third {
  source { vocab = 30  embed = 16 }
  target { vocab = 30  embed = 16 }
  encoder {
    stack 2 { lstm { hidden = 32 } }
    lstm { hidden = 48 }
    stack 3 { lstm { hidden = 32 } }
  }
  decoder { lstm { hidden = 32 }  attention dot { } }
  bridge = zero
}
model wide_inserted {
  source { vocab = 30  embed = 16 }
  target { vocab = 30  embed = 16 }
  encoder {
    stack 3 { lstm { hidden = 32 } }
    lstm { hidden = 48 }
    stack 3 { lstm { hidden = 32 } }
  }
  decoder { lstm { hidden = 32 }  attention dot { } }
  bridge = zero
}
model gru_third {
  source { vocab = 30  embed = 16 }
  target { vocab = 30  embed = 16 }
  encoder {
    stack 2 { lstm { hidden = 32 } }
    gru { hidden = 32 }
    stack 3 { lstm { hidden = 32 } }
  }
  decoder { lstm { hidden = 32 }  attention dot { } }
  bridge = zero
}
`);
const diff = (a: string, b: string) =>
  diffModels(models.get(a)!, models.get(b)!, { referenceLength: 8 });

describe("layer pairing", () => {
  it("a removed layer is one removal (identical layers: the last one)", () => {
    const d = diff("six", "middle_gone");
    expect(d.layers.map((l) => [l.status, l.path])).toEqual([["removed", "encoder/layer5/lstm"]]);
    expect(d.params.total.delta).toBe(-d.layers[0]!.before!.params);
  });

  it("a layer changed in place is one changed layer, plus the next layer whose input widened", () => {
    const d = diff("six", "wider_third");
    expect(d.layers.map((l) => [l.status, l.path, l.changed])).toEqual([
      ["changed", "encoder/layer2/lstm", ["settings", "outputShape", "params", "macs", "tensors"]],
      ["changed", "encoder/layer3/lstm", ["params", "macs", "tensors"]],
    ]);
    expect(d.settings.map((s) => [s.path, s.field, s.before!.text, s.after!.text])).toEqual([
      ["encoder/layer2/lstm", "hidden", "32", "48"],
    ]);
    expect(d.renumbered).toEqual([]);
  });

  it("a layer of another kind in the same place replaces it without renumbering", () => {
    const d = diff("six", "gru_third");
    expect(d.layers.map((l) => [l.status, l.path])).toEqual([
      ["removed", "encoder/layer2/lstm"],
      ["added", "encoder/layer2/gru"],
    ]);
    expect(d.renumbered).toEqual([]);
  });

  it("a layer after an inserted one is renumbered, and changed when its input width changed", () => {
    const d = diff("six", "wide_inserted");
    expect(d.layers.map((l) => [l.status, l.path, l.before?.path ?? null, l.changed])).toEqual([
      ["added", "encoder/layer3/lstm", null, []],
      ["changed", "encoder/layer4/lstm", "encoder/layer3/lstm", ["params", "macs", "tensors"]],
    ]);
    expect(d.renumbered.map((r) => `${r.before}→${r.after}`)).toEqual([
      "encoder/layer3→encoder/layer4",
      "encoder/layer4→encoder/layer5",
      "encoder/layer5→encoder/layer6",
    ]);
    // Its input matrix W grew from 4·32 × 32 to 4·32 × 48.
    expect(d.layers[1]!.tensors.map((t) => [t.name, t.before, t.after])).toEqual([
      ["W", [1, 128, 32], [1, 128, 48]],
    ]);
    expect(renderText(d)).toMatch(
      /^ {2}~ encoder\/layer4\/lstm \(was encoder\/layer3\/lstm\) +lstm/m,
    );
  });
});
