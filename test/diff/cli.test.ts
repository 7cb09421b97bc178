/** `s2sc diff`, run in-process through `main` with a recording Io. */
import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { runCli } from "./helpers.js";

const schema = JSON.parse(
  readFileSync(new URL("../../schema/diff.schema.json", import.meta.url), "utf8"),
);
const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);

const BASE = "transformer.s2s:transformer_base";
const BIG = "transformer.s2s:transformer_big";
const ANSI = /\u001b\[/;

describe("exit codes", () => {
  it("0 when the architectures are equal", async () => {
    const { code, io } = await runCli(["diff", "luong.s2s", "luong_reformatted.s2s"]);
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(io.out).toContain("No differences: the two models resolve to the same architecture.");
  });

  it("1 when they differ", async () => {
    const { code, io } = await runCli(["diff", BASE, BIG]);
    expect(io.err).toBe("");
    expect(code).toBe(1);
  });

  it("2 when a spec does not check, with both sides' diagnostics and nothing on stdout", async () => {
    const { code, io } = await runCli(["diff", "broken.s2s", "missing.s2s"]);
    expect(code).toBe(2);
    expect(io.out).toBe("");
    expect(io.err).toContain(
      "broken.s2s:5:30: error S2S2020: `self_attention` has no field `heds`",
    );
    expect(io.err).toContain("error S2S0001: file not found: missing.s2s");
  });

  it("2 for a file of several models without :MODEL", async () => {
    const { code, io } = await runCli(["diff", "attention.s2s", "luong.s2s"]);
    expect(code).toBe(2);
    expect(io.err).toContain("S2S0010");
  });

  it("2 for usage errors", async () => {
    expect((await runCli(["diff", "luong.s2s"])).code).toBe(2);
    expect((await runCli(["diff", "luong.s2s", "luong.s2s", "--json", "--markdown"])).code).toBe(2);
    expect((await runCli(["diff", "--canonical", "luong.s2s", "luong.s2s"])).code).toBe(2);
    expect((await runCli(["diff", "luong.s2s", "luong.s2s", "--length", "0"])).code).toBe(2);
  });
});

describe("the text report", () => {
  it("has a git-style header, the settings grouped by value, and repeated layer changes folded", async () => {
    const { io } = await runCli(["diff", BASE, BIG]);
    const out = io.out;
    expect(out.startsWith(`--- ${BASE}\n+++ ${BIG}\n`)).toBe(true);
    expect(out).toContain(
      "4 setting changes in 66 places; layers: 34 changed; parameters 63,119,496 → 214,282,376",
    );
    expect(out).toMatch(
      /^ {2}dropout +0\.1 +→ +0\.3 +model; inherited by encoder, decoder, train and 30 layers$/m,
    );
    expect(out).toMatch(
      /^ {2}heads +8 +→ +16 +encoder\/layer\{0\.\.5\}\/self_attention, decoder\/layer\{0\.\.5\}\/self_attention, decoder\/layer\{0\.\.5\}\/cross_attention$/m,
    );
    expect(out).toMatch(
      /^ {2}~ encoder\/layer\{0\.\.5\}\/feed_forward ×6 +feed_forward +\[B, S, 512\] → \[B, S, 1024\] +2,100,736 → 8,395,776 \(\+6,295,040, \+299\.7%\)/m,
    );
    expect(out).toMatch(/^ {2}total +63,119,496 +214,282,376 +\+151,162,880 +\+239\.5%$/m);
    expect(out).toContain("MACs at batch 1, source and target length L = 64");
    expect(out).not.toMatch(ANSI);
  });

  it("shows an added tensor under a changed layer, and renumbered layers", async () => {
    const att = (await runCli(["diff", "attention.s2s:dot_scores", "attention.s2s:general_scores"]))
      .io.out;
    expect(att).toMatch(
      /^ {2}~ decoder\/layer1\/attention +attention\/dot → attention\/general +\[B, T, 64\] +8,192 → 12,288 \(\+4,096, \+50\.0%\)/m,
    );
    expect(att).toContain("      + tensor score_proj/weight [64, 64] (+4,096 params)");
    const ins = (await runCli(["diff", "stacks.s2s:stack6", "stacks.s2s:inserted"])).io.out;
    expect(ins).toMatch(/^ {2}\+ encoder\/layer3\/gru +gru +\[B, S, 64\] +24,768/m);
    expect(ins).toContain("  encoder depth 6 → 7 numbered layers");
    expect(ins).toContain("  renumbered encoder/layer{3..5} → encoder/layer{4..6}");
  });

  it("is coloured like git diff on a terminal, and plain with NO_COLOR or when piped", async () => {
    const tty = await runCli(["diff", "stacks.s2s:stack6", "stacks.s2s:stack7"], {}, true);
    expect(tty.io.out).toMatch(ANSI);
    expect(tty.io.out).toContain(
      "\u001b[32m  + encoder/layer6/lstm  lstm  [B, S, 64]    33,024  32.8K\u001b[39m",
    ); // green
    expect(
      (await runCli(["diff", "stacks.s2s:stack6", "stacks.s2s:stack7"], { NO_COLOR: "1" }, true)).io
        .out,
    ).not.toMatch(ANSI);
    expect(
      (await runCli(["diff", "stacks.s2s:stack6", "stacks.s2s:stack7"], { FORCE_COLOR: "1" })).io
        .out,
    ).toMatch(ANSI);
  });

  it("--ir adds the op graphs after -O2 by default, or as elaborated with -O 0", async () => {
    const { code, io } = await runCli(["diff", "stacks.s2s:stack6", "stacks.s2s:inserted", "--ir"]);
    expect(code).toBe(1);
    expect(io.out).toMatch(/Op graphs after fold-constants, .*, dce/);
    const raw = await runCli([
      "diff",
      "stacks.s2s:stack6",
      "stacks.s2s:inserted",
      "--ir",
      "-O",
      "0",
    ]);
    expect(raw.io.out).toContain("Op graphs, as elaborated (no optimisation passes applied)");
    expect(io.out).toMatch(/^ {2}\+ encode encoder\/layer3\/gru: .*GRU \+1/m);
    expect(io.out).toMatch(/^ {2}decode +nodes \d+ +same op counts$/m);
  });
});

describe("--json", () => {
  const pairs: [string, string, ...string[]][] = [
    [BASE, BIG],
    [BASE, BIG, "--ir"],
    ["luong.s2s", "luong_rewritten.s2s:luong_again"],
    ["stacks.s2s:stack6", "stacks.s2s:inserted", "--ir"],
    ["attention.s2s:dot_scores", "attention.s2s:general_scores"],
    ["transformer.s2s:transformer_base", "transformer.s2s:transformer_pre", "--length", "16"],
  ];

  it.each(pairs)(
    "validates against schema/diff.schema.json: %s vs %s %s",
    async (a, b, ...flags) => {
      const { io } = await runCli(["diff", a, b, "--json", ...flags]);
      const j = JSON.parse(io.out);
      const ok = validate(j);
      expect(validate.errors ?? []).toEqual([]);
      expect(ok).toBe(true);
      expect(Object.keys(j).slice(0, 4)).toEqual(["version", "equal", "before", "after"]);
    },
  );

  it("has deltas equal to the difference of the two `summary --json` outputs", async () => {
    const diff = JSON.parse((await runCli(["diff", BASE, BIG, "--json"])).io.out);
    const a = JSON.parse((await runCli(["summary", BASE, "--json"])).io.out);
    const b = JSON.parse((await runCli(["summary", BIG, "--json"])).io.out);
    expect(diff.params.total).toMatchObject({
      before: a.params.total,
      after: b.params.total,
      delta: b.params.total - a.params.total,
    });
    for (const s of Object.keys(b.params.bySection)) {
      expect(diff.params.bySection[s].delta).toBe(
        b.params.bySection[s] - (a.params.bySection[s] ?? 0),
      );
    }
    expect(diff.params.weightBytes.delta).toBe(b.weightBytes - a.weightBytes);
    for (const f of ["perSourceToken", "perTargetToken", "perGeneratedToken", "perSequencePair"]) {
      expect(diff.compute.flops[f].delta).toBe(b.flops[f] - a.flops[f]);
      expect(diff.compute.macs[f].delta).toBe(b.flops.macs[f] - a.flops.macs[f]);
    }
    for (const f of ["perSourceToken", "perTargetToken", "perGeneratedToken"]) {
      expect(diff.compute.macs[f].delta).toBe(b.flops.macs[f] - a.flops.macs[f]);
      for (const s of Object.keys(b.flops.bySection)) {
        expect(diff.compute.flops.bySection[s][f].delta).toBe(
          b.flops.bySection[s][f] - a.flops.bySection[s][f],
        );
      }
    }
    // Layer rows carry the summary's rows on each side.
    const row = diff.layers.find(
      (l: { path: string }) => l.path === "decoder/layer2/cross_attention",
    );
    const rowA = a.layers.find(
      (l: { path: string }) => l.path === "decoder/layer2/cross_attention",
    );
    expect(row.before).toMatchObject({
      kind: rowA.kind,
      outputShape: rowA.outputShape,
      params: rowA.params,
    });
    expect(2 * row.before.macsPerToken).toBe(rowA.flopsPerToken);
  });

  it("states the reference length it used", async () => {
    const j = JSON.parse((await runCli(["diff", BASE, BIG, "--json", "--length", "16"])).io.out);
    expect(j.compute).toMatchObject({ batch: 1, referenceLength: 16 });
  });

  it("for equal models: equal, no changes, and exit 0", async () => {
    const { code, io } = await runCli(["diff", "luong.s2s", "luong_reformatted.s2s", "--json"]);
    expect(code).toBe(0);
    expect(JSON.parse(io.out)).toMatchObject({
      equal: true,
      settings: [],
      layers: [],
      renumbered: [],
    });
  });
});

describe("--markdown", () => {
  it("prints tables for a pull request", async () => {
    const { code, io } = await runCli([
      "diff",
      "attention.s2s:dot_scores",
      "attention.s2s:general_scores",
      "--markdown",
    ]);
    expect(code).toBe(1);
    const md = io.out;
    expect(md.startsWith("### Architecture diff: `dot_scores` → `general_scores`\n")).toBe(true);
    expect(md).toContain(
      "| | Layer | Kind | Output shape | Params | MACs/token |".replace("| |", "|  |"),
    );
    expect(md).toContain(
      "| ✏️ | `decoder/layer1/attention` (added tensor `score_proj/weight` [64, 64]) | attention/dot → attention/general | [B, T, 64] | 8,192 → 12,288 (+4,096, +50.0%) |",
    );
    expect(md).toContain("| **total** | **70,756** | **74,852** | **+4,096** | **+5.8%** |");
    expect(md).not.toMatch(ANSI);
  });

  it("folds a long layer table into <details>", async () => {
    const { io } = await runCli([
      "diff",
      "transformer.s2s:transformer_base",
      "transformer.s2s:transformer_7",
      "--markdown",
    ]);
    expect(io.out).not.toContain("<details>");
    const big = (
      await runCli(["diff", "stacks.s2s:stack6", "transformer.s2s:transformer_big", "--markdown"])
    ).io.out;
    expect(big).toMatch(/<details><summary>\d+ layer rows<\/summary>/);
    expect(big).toContain("| `embed` | 32 | 1024 | source, target |");
  });

  it("says so when nothing differs", async () => {
    const { code, io } = await runCli([
      "diff",
      "luong.s2s",
      "luong_rewritten.s2s:luong_again",
      "--markdown",
    ]);
    expect(code).toBe(0);
    expect(io.out).toContain(
      "**No differences: the two models resolve to the same architecture.**",
    );
  });
});

describe("--canonical", () => {
  it("prints every model of a file in resolved form, and exits 0", async () => {
    const { code, io } = await runCli(["diff", "--canonical", "stacks.s2s"]);
    expect(code).toBe(0);
    expect(io.err).toBe("");
    expect(io.out.match(/^model \w+ \{$/gm)).toEqual([
      "model deep {",
      "model stack6 {",
      "model stack7 {",
      "model inserted {",
    ]);
    expect(io.out).toContain("    stack 7 {\n      lstm {\n        bidirectional = false\n");
  });

  it("prints one model with FILE:MODEL", async () => {
    const { io } = await runCli(["diff", "--canonical", "transformer.s2s:transformer_big"]);
    expect(io.out.match(/^model \w+/gm)).toEqual(["model transformer_big"]);
    const encoderAttention = /^ {6}self_attention scaled_dot \{\n((?: {8}.*\n)+) {6}\}$/m.exec(
      io.out,
    )![1]!;
    expect(encoderAttention).toContain("        causal = false\n");
    expect(encoderAttention).toContain("        dropout = 0.3\n");
    expect(encoderAttention).toContain("        heads = 16\n");
  });

  it("prints nothing on stdout and exits 2 for a spec with errors (so a textconv can fall back)", async () => {
    const { code, io } = await runCli(["diff", "--canonical", "broken.s2s"]);
    expect(code).toBe(2);
    expect(io.out).toBe("");
    expect(io.err).toContain("S2S2020");
  });
});
