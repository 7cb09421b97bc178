/**
 * Limits (docs/language.md, "Limits"): each is a schema range or a rule of the checker,
 * so a hostile size is refused with its range before anything is built, and a model far
 * over the memory budget is refused from the checked model's arithmetic (S2S3007) before
 * elaboration plans a layer. Before these, `hidden = 1000000000` aborted V8 and
 * `stack 100000` built the whole graph.
 */
import { describe, expect, it } from "vitest";
import { checkFiles } from "../../src/api/check.js";
import { MAX_HEADS, MAX_LAYERS, MAX_LENGTH, MAX_VOCAB, MAX_WIDTH } from "../../src/check/schema.js";
import { mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { recordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { checkProgram } from "../../src/check/index.js";
import { elaborate, weightBytes } from "../../src/elaborate/index.js";
import { estimateWeightBytes } from "../../src/elaborate/estimate.js";
import { diskHost } from "../../src/node/disk-host.js";
import { formatCount } from "../../src/summary/units.js";
import { memoryHost } from "../../src/source/host.js";
import { check } from "./helpers.js";

/** A small valid Transformer with one field replaced by `X`. */
const transformer = (slot: Record<string, string>) => `model m {
  max_length = ${slot.maxLength ?? "64"}
  source { vocab = ${slot.vocab ?? "16"}  embed = ${slot.embed ?? "8"} }
  target { vocab = 16  embed = 8 }
  encoder { self_attention { heads = ${slot.heads ?? "2"}  key_dim = ${slot.keyDim ?? "4"} } feed_forward { hidden = ${slot.ffHidden ?? "16"} } }
  decoder { lstm { hidden = ${slot.hidden ?? "8"} } attention general { } }
}
`;

const LIMITS: [string, string, number, string][] = [
  ["hidden", "hidden", MAX_WIDTH, `in [1, ${MAX_WIDTH}]`],
  ["feed_forward hidden", "ffHidden", MAX_WIDTH, `in [1, ${MAX_WIDTH}]`],
  ["embed", "embed", MAX_WIDTH, `in [1, ${MAX_WIDTH}]`],
  ["key_dim", "keyDim", MAX_WIDTH, `in [1, ${MAX_WIDTH}]`],
  ["heads", "heads", MAX_HEADS, `in [1, ${MAX_HEADS}]`],
  ["vocab", "vocab", MAX_VOCAB, `in [4, ${MAX_VOCAB}]`],
  ["max_length", "maxLength", MAX_LENGTH, `in [1, ${MAX_LENGTH}]`],
];

const errors = (source: string) => check(source).diagnostics.filter((d) => d.severity === "error");

describe("size limits are schema ranges (S2S2025)", () => {
  it.each(LIMITS)(
    "%s: the limit passes, one more fails with the range",
    (_, slot, limit, range) => {
      expect(errors(transformer({ [slot]: String(limit) }))).toEqual([]);
      const over = errors(transformer({ [slot]: String(limit + 1) }));
      expect(over.map((d) => d.code)).toEqual(["S2S2025"]);
      expect(over[0]!.message).toContain(range);
      expect(over[0]!.hint).toContain("a limit of s2sc");
    },
  );
});

const lstm = (encoder: string) => `model m {
  source { vocab = 16  embed = 8 }
  target { vocab = 16  embed = 8 }
  encoder { ${encoder} }
  decoder { lstm { hidden = 8 } }
}
`;

describe("layer count (S2S2053)", () => {
  it("allows the limit of layer sections and refuses one more, at the stack", () => {
    expect(errors(lstm(`stack ${MAX_LAYERS - 1} { lstm { hidden = 8 } }`))).toEqual([]);
    const over = errors(lstm(`stack ${MAX_LAYERS} { lstm { hidden = 8 } }`));
    expect(over.map((d) => [d.code, d.range.start.line, d.range.start.column])).toEqual([
      ["S2S2053", 4, 13],
    ]);
    expect(over[0]!.message).toBe(
      "the model expands to 10,001 layer sections, over the limit of 10,000",
    );
  });

  it("multiplies nested stacks without expanding them", () => {
    const over = errors(lstm("stack 4294967296 { stack 4294967296 { lstm { hidden = 8 } } }"));
    expect(over.map((d) => d.code)).toEqual(["S2S2053"]);
    expect(over[0]!.message).toContain("~1.8e19 layer sections");
  });

  it("counts an empty stack body once per iteration", () => {
    expect(errors(lstm("lstm { hidden = 8 } stack 100_000 { }")).map((d) => d.code)).toEqual([
      "S2S2053",
    ]);
  });
});

/** The whole check (schema, then elaboration) in-process, with its time. */
function fullCheck(source: string) {
  const start = performance.now();
  const r = checkFiles(memoryHost({ "a.s2s": source }), ["a.s2s"]);
  return { codes: r.diagnostics.map((d) => d.code), ms: performance.now() - start, r };
}

describe("hostile sizes are refused by `check` before anything is built", () => {
  it.each([
    ["hidden = 1000000000", lstm("lstm { hidden = 1000000000 }"), "S2S2025"],
    ["hidden = 2147483648", lstm("lstm { hidden = 2147483648 }"), "S2S2025"],
    ["stack 100000", lstm("stack 100000 { lstm { hidden = 8 } }"), "S2S2053"],
  ])("%s", (_, source, code) => {
    const { codes, ms } = fullCheck(source);
    expect(codes).toEqual([code]);
    expect(ms).toBeLessThan(1000);
  });

  it("refuses a model far over the memory budget from its arithmetic, without building it", () => {
    // 5,000 feed-forward layers of 2·8·2²⁰ weights each: ~320 GB; building the graph
    // first took seconds, the estimate takes microseconds.
    const source = `model m {
  source { vocab = 16  embed = 8 }
  target { vocab = 16  embed = 8 }
  encoder { stack 5000 { feed_forward { hidden = ${MAX_WIDTH} } } self_attention { } }
  decoder { self_attention { } cross_attention { } feed_forward { hidden = 16 } }
}
`;
    const { codes, ms, r } = fullCheck(source);
    expect(codes).toEqual(["S2S3007"]);
    expect(r.diagnostics[0]!.message).toMatch(/^the weights need at least 312\.\d\d GiB \(/);
    expect(ms).toBeLessThan(1000);
  });

  it("never overestimates: the bound is at most the built module's bytes, for every spec", () => {
    const dirs = ["specs/papers", "specs/tiny"];
    const files = dirs.flatMap((d) => readdirSync(d).map((f) => join(d, f)));
    let models = 0;
    for (const file of files) {
      for (const m of checkProgram(file, diskHost()).models) {
        const { module } = elaborate(m, { memoryBudgetBytes: Infinity });
        expect(module, `${file}:${m.name}`).toBeDefined();
        const bound = estimateWeightBytes(m.root);
        expect(bound, `${file}:${m.name}`).toBeLessThanOrEqual(weightBytes(module!));
        expect(bound, `${file}:${m.name}`).toBeGreaterThan(weightBytes(module!) / 2);
        models++;
      }
    }
    expect(models).toBeGreaterThan(10);
  });
});

describe("counts beyond 2^53 print as estimates", () => {
  it("prints exact digits below 2^53 and an estimate from it on", () => {
    expect(formatCount(2 ** 53 - 1)).toBe("9,007,199,254,740,991");
    expect(formatCount(2 ** 53)).toBe("~9.0e15");
    expect(formatCount(1.23e16)).toBe("~1.2e16");
  });
});

describe("`summary` of a model beyond 2^53 bytes", () => {
  it("refuses it at once and prints the byte count as an estimate, not false digits", async () => {
    // Every size within its limit; 1,100 feed-forward layers of 2·2²⁰·2²⁰ weights are
    // ~1e16 bytes, past what any --memory-budget (at most 2⁵³ − 1) allows.
    const dir = mkdtempSync(join(tmpdir(), "s2sc-limits-"));
    writeFileSync(
      join(dir, "big.s2s"),
      `model big {
  source { vocab = 16  embed = ${MAX_WIDTH} }
  target { vocab = 16  embed = 8 }
  encoder { stack 1100 { feed_forward { hidden = ${MAX_WIDTH} } } }
  decoder { self_attention { } cross_attention { } feed_forward { hidden = 16 } }
}
`,
    );
    const io = recordingIo(dir);
    const start = performance.now();
    const code = await main(["summary", "big.s2s", "--memory-budget", String(2 ** 53 - 1)], io);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(code).toBe(1);
    expect(io.err).toContain("S2S3007: the weights need at least 8.59 PiB (~9.7e15 bytes), over");
  });
});
