/** `s2sc graph` run in-process through `main`: formats, levels, output files, errors. */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { recordingIo, type RecordingIo } from "../../src/cli/io.js";
import { main } from "../../src/cli/main.js";
import { toDot } from "../../src/graph/emit/dot.js";
import { irGraph } from "../../src/graph/index.js";
import { loadSpec, ROOT } from "./helpers.js";

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "s2sc-graph-"));
  for (const f of ["tiny/attn_dot.s2s", "tiny/transformer_tiny.s2s", "papers/luong.s2s"])
    copyFileSync(join(ROOT, "specs", f), join(dir, f.split("/")[1]!));
  writeFileSync(join(dir, "bad.s2s"), "model m { source { vocab = 20 embed = 32 } heds = 3 }\n");
});

async function run(...argv: string[]): Promise<{ code: number; io: RecordingIo }> {
  const io = recordingIo(dir);
  const code = await main(["graph", ...argv], io);
  return { code, io };
}

describe("formats", () => {
  it("prints DOT of the architecture by default", async () => {
    const { code, io } = await run("attn_dot.s2s");
    expect(io.err).toBe("");
    expect(code).toBe(0);
    expect(io.out.startsWith('digraph "attn_dot" {\n')).toBe(true);
  });

  it("prints Mermaid and SVG when asked", async () => {
    const mermaid = await run("attn_dot.s2s", "--format", "mermaid");
    expect(mermaid.io.out.startsWith('---\ntitle: "attn_dot"\n---\nflowchart BT\n')).toBe(true);
    const svg = await run("attn_dot.s2s", "--format", "svg");
    expect(svg.code).toBe(0);
    expect(svg.io.out).toMatch(/^<\?xml[^]*<svg[^]*<\/svg>\s*$/);
  });

  it("gives the same bytes every time", async () => {
    const a = await run("transformer_tiny.s2s", "--format", "svg");
    const b = await run("transformer_tiny.s2s", "--format", "svg");
    expect(a.io.out).toBe(b.io.out);
  });

  it("refuses an unknown format (usage, exit 2)", async () => {
    const { code, io } = await run("attn_dot.s2s", "--format", "png");
    expect(code).toBe(2);
    expect(io.err).toContain("Allowed choices are dot, mermaid, svg");
  });
});

describe("-o FILE", () => {
  it("writes the file, creating its directory, and takes the format from the extension", async () => {
    for (const [name, start] of [
      ["out/pic.svg", "<?xml"],
      ["out/pic.dot", "digraph"],
      ["out/pic.gv", "digraph"],
      ["out/pic.mmd", "---\ntitle:"],
    ] as const) {
      const { code, io } = await run("attn_dot.s2s", "-o", name);
      expect(code).toBe(0);
      expect(io.out).toBe("");
      expect(readFileSync(join(dir, name), "utf8").startsWith(start)).toBe(true);
    }
    // Nothing half-written is left behind.
    expect(readdirSync(join(dir, "out")).sort()).toEqual([
      "pic.dot",
      "pic.gv",
      "pic.mmd",
      "pic.svg",
    ]);
  });

  it("lets --format win over the extension", async () => {
    const { code } = await run("attn_dot.s2s", "--format", "dot", "-o", "pic.txt");
    expect(code).toBe(0);
    expect(readFileSync(join(dir, "pic.txt"), "utf8").startsWith("digraph")).toBe(true);
  });

  it("refuses an extension it cannot tell the format from", async () => {
    const { code, io } = await run("attn_dot.s2s", "-o", "pic.png");
    expect(code).toBe(2);
    expect(io.err).toContain("cannot tell the format from `pic.png`");
  });

  it("keeps the previous picture when the spec does not check", async () => {
    writeFileSync(join(dir, "keep.dot"), "previous\n");
    const { code, io } = await run("bad.s2s", "-o", "keep.dot");
    expect(code).toBe(1);
    expect(io.err).toContain("error S2S");
    expect(readFileSync(join(dir, "keep.dot"), "utf8")).toBe("previous\n");
  });

  it("reports a path it cannot write (exit 2)", async () => {
    writeFileSync(join(dir, "plain-file"), "");
    const { code, io } = await run("attn_dot.s2s", "-o", "plain-file/pic.svg");
    expect(code).toBe(2);
    expect(io.err).toMatch(/^s2sc graph: cannot write plain-file\/pic\.svg: E[A-Z]+\n$/);
  });
});

describe("levels", () => {
  it("draws one entry point's op graph with --level ir", async () => {
    const { code, io } = await run("attn_dot.s2s", "--level", "ir", "--entry", "encode");
    expect(code).toBe(0);
    expect(io.out.startsWith('digraph "attn_dot · encode" {\n')).toBe(true);
  });

  it("draws the graph as elaborated with -O0, and the optimised one by default (-O2)", async () => {
    const { module } = loadSpec("specs/tiny/transformer_tiny.s2s");
    const o0 = await run("transformer_tiny.s2s", "--level", "ir", "-O0");
    expect(o0.io.out).toBe(toDot(irGraph(module, "decode")));
    const o2 = await run("transformer_tiny.s2s", "--level", "ir");
    expect(o2.code).toBe(0);
    expect(o2.io.out).not.toBe(o0.io.out);
    const named = await run("transformer_tiny.s2s", "--level", "ir", "--passes", "nonesuch");
    expect(named.code).toBe(2);
    expect(named.io.err).toContain("unknown pass `nonesuch`");
  });

  it("refuses op-graph flags with --level arch", async () => {
    for (const flags of [["--entry", "encode"], ["-O0"], ["--passes", "dce"]]) {
      const { code, io } = await run("attn_dot.s2s", ...flags);
      expect(code).toBe(2);
      expect(io.err).toMatch(/apply to --level ir|applies to --level ir/);
    }
  });
});

describe("choosing a model", () => {
  it("needs :MODEL for a file with several models", async () => {
    const { code, io } = await run("luong.s2s");
    expect(code).toBe(1);
    expect(io.err).toContain("S2S0010");
    const picked = await run("luong.s2s:luong_shallow");
    expect(picked.code).toBe(0);
    expect(picked.io.out.startsWith('digraph "luong_shallow"')).toBe(true);
  });
});
