/**
 * The public API (`src/index.ts`) over a memory host: every stage returns data and
 * diagnostics, and a spec with problems gives diagnostics with ranges, never a throw.
 */
import { afterAll, describe, expect, it } from "vitest";
import {
  checkText,
  compile,
  createRuntime,
  diff,
  format,
  graph,
  irFromJson,
  loadModel,
  loadText,
  memoryHost,
  optimize,
  parse,
  summarize,
  type IrModule,
  type TfjsRuntime,
} from "../../src/index.js";

const SPEC = `model tiny {
  source { vocab = 12  embed = 8 }
  target { vocab = 12  embed = 8 }
  encoder { gru { hidden = 16 } }
  decoder { gru { hidden = 16 } }
}
`;
const WIDER = SPEC.replace("tiny", "wide").replaceAll("hidden = 16", "hidden = 24");
const BROKEN = "model m {\n  source { vocab = 12 \n}\n";
const UGLY =
  "model tiny {source{vocab=12 embed=8}\n target { vocab = 12  embed = 8 }\n  encoder { gru { hidden = 16 } }\n decoder { gru { hidden = 16 } } }\n";

function loaded(text = SPEC): {
  model: NonNullable<ReturnType<typeof loadText>["model"]>;
  module: IrModule;
} {
  const r = loadText(text);
  expect(r.diagnostics).toEqual([]);
  expect(r.model).toBeDefined();
  expect(r.module).toBeDefined();
  return { model: r.model!, module: r.module! };
}

describe("sources", () => {
  it("memoryHost reads a record or a Map, and a missing file is S2S0001", () => {
    expect(memoryHost({ "a.s2s": "x" }).read("a.s2s")).toEqual({ ok: true, text: "x" });
    expect(memoryHost(new Map([["a.s2s", "y"]])).read("a.s2s")).toEqual({ ok: true, text: "y" });
    const missing = memoryHost({}).read("b.s2s");
    expect(missing.ok ? undefined : missing.code).toBe("S2S0001");
  });

  it("resolves imports between memory files", () => {
    const host = memoryHost({
      "specs/main.s2s": 'import "common.s2s"\nmodel wide = tiny()\n',
      "specs/common.s2s": SPEC.replace("model tiny {", "model tiny() {"),
    });
    const r = loadModel(host, "specs/main.s2s:wide");
    expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
    expect(r.module?.model).toBe("wide");
  });
});

describe("parse and check", () => {
  it("a syntax error is a diagnostic with a range, not a throw", () => {
    const p = parse(BROKEN, "broken.s2s");
    expect(p.diagnostics.length).toBeGreaterThan(0);
    const d = p.diagnostics[0]!;
    expect(d.code).toMatch(/^S2S1/);
    expect(d.range.file).toBe("broken.s2s");
    expect(d.range.start.line).toBeGreaterThanOrEqual(1);
    expect(p.ast.kind).toBe("File");
  });

  it("checkText reports every problem with ranges and counts clean models", () => {
    expect(checkText(SPEC)).toMatchObject({ diagnostics: [], models: 1 });
    const bad = checkText(BROKEN, "broken.s2s");
    expect(bad.models).toBe(0);
    expect(
      bad.diagnostics.some((d) => d.severity === "error" && d.range.file === "broken.s2s"),
    ).toBe(true);
    expect(bad.sources.get("broken.s2s")).toBe(BROKEN);
  });

  it("checkText includes the shape checks (the memory budget here)", () => {
    const r = checkText(SPEC, "model.s2s", { memoryBudgetBytes: 64 });
    expect(r.diagnostics.map((d) => d.code)).toContain("S2S3007");
  });
});

describe("load", () => {
  it("gives the checked model, the verified module and the text", () => {
    const r = loadText(SPEC, { path: "t.s2s" });
    expect(r.model?.name).toBe("tiny");
    expect(r.module?.model).toBe("tiny");
    expect(r.source).toBe(SPEC);
    expect(r.internalErrors).toEqual([]);
  });

  it("a spec with errors gives diagnostics and no module", () => {
    const r = loadText(BROKEN);
    expect(r.module).toBeUndefined();
    expect(r.diagnostics.some((d) => d.severity === "error")).toBe(true);
  });

  it("picks a model by name, and says which models there are", () => {
    const two = SPEC + WIDER;
    expect(loadText(two).diagnostics.map((d) => d.code)).toEqual(["S2S0010"]);
    expect(loadText(two, { model: "wide" }).module?.model).toBe("wide");
    const unknown = loadText(two, { model: "wid" });
    expect(unknown.diagnostics.map((d) => d.code)).toEqual(["S2S0011"]);
    expect(unknown.diagnostics[0]!.hint).toContain("`wide`");
  });
});

describe("passes, summary, diff, graph", () => {
  it("optimize runs a level or named passes, and an unknown pass is an error", () => {
    const { module } = loaded();
    expect(optimize(module, { level: 0 })).toMatchObject({ ran: [] });
    expect(optimize(module).ran.length).toBeGreaterThan(0);
    const r = optimize(module, { passes: "dce,nonesuch" });
    expect(r.module).toBeUndefined();
    expect(r.error).toContain("nonesuch");
  });

  it("summarize counts every trainable parameter", () => {
    const { module } = loaded();
    const s = summarize(module, { referenceLength: 10 });
    const trainable = module.params
      .filter((p) => p.trainable)
      .reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
    expect(s.model).toBe("tiny");
    expect(s.params.trainable).toBe(trainable);
    expect(s.layers.length).toBeGreaterThan(0);
  });

  it("diff tells equal models from different ones", () => {
    const a = loaded();
    const b = loaded(WIDER);
    expect(diff(a, a).diff?.equal).toBe(true);
    const d = diff(a, b, { ir: { level: 0 } }).diff!;
    expect(d.equal).toBe(false);
    expect(diff(a, b, { ir: { passes: "nonesuch" } }).error).toContain("nonesuch");
  });

  it("graph draws DOT, Mermaid and SVG", async () => {
    const m = loaded();
    expect((await graph(m)).text).toMatch(/^digraph/);
    expect((await graph(m, { format: "svg" })).text).toContain("<svg");
    expect((await graph(m, { level: "ir", pipeline: { passes: "nonesuch" } })).error).toContain(
      "nonesuch",
    );
    expect((await graph(m, { format: "mermaid", level: "ir", entry: "encode" })).text).toMatch(
      /^flowchart /m,
    );
  });
});

describe("format", () => {
  it("formats, is idempotent, and refuses text with syntax errors", async () => {
    const once = await format(UGLY);
    expect(once.diagnostics).toEqual([]);
    expect(once.changed).toBe(true);
    expect(await format(once.text)).toMatchObject({ changed: false, text: once.text });
    const bad = await format(BROKEN);
    expect(bad).toMatchObject({ changed: false, text: BROKEN });
    expect(bad.diagnostics.length).toBeGreaterThan(0);
  });
});

describe("compile", () => {
  it("compiles to tfjs, onnx and ir in memory", async () => {
    const { module } = loaded();
    const tfjs = await compile(module, { target: "tfjs", specText: SPEC });
    expect(tfjs.error).toBeUndefined();
    expect([...tfjs.files.keys()]).toEqual(
      expect.arrayContaining(["model.js", "model.json", "weights_manifest.json", "package.json"]),
    );
    expect(String(tfjs.files.get("model.js"))).toContain("@tensorflow/tfjs");
    const onnx = await compile(module, { target: "onnx" });
    expect(onnx.files.get("encoder.onnx")).toBeInstanceOf(Uint8Array);
    const ir = await compile(module, { target: "ir", pipeline: { level: 0 } });
    const back = irFromJson(String(ir.files.get("model.ir.json")));
    expect(back.errors).toEqual([]);
    expect(back.module?.params.map((p) => p.name)).toEqual(module.params.map((p) => p.name));
  });

  it("a bad target or pipeline is an error, not a throw", async () => {
    const { module } = loaded();
    expect((await compile(module, { target: "wasm" as never })).error).toContain("unknown target");
    expect((await compile(module, { pipeline: { passes: ["nonesuch"] } })).error).toContain(
      "nonesuch",
    );
    expect((await compile(module, { weights: new Map() })).error).toContain(
      "no weights for parameter",
    );
  });
});

describe("runtime (tfjs, cpu)", () => {
  const started: TfjsRuntime[] = [];
  afterAll(() => started.forEach((r) => r.dispose()));
  async function runtime(seed = 0): Promise<TfjsRuntime> {
    const { runtime, error } = await createRuntime(loaded().module, { seed });
    expect(error).toBeUndefined();
    started.push(runtime!);
    return runtime!;
  }

  it("runs a forward pass, greedy and beam decoding, and a training step", async () => {
    const rt = await runtime();
    const { logits, shape } = await rt.forward([[4, 5, 6]], [[1, 4, 5]]);
    expect(shape).toEqual([1, 3, 12]);
    expect(logits.every(Number.isFinite)).toBe(true);
    const [g] = await rt.greedy([[4, 5, 6]], { maxLength: 5 });
    expect(g!.tokens.length).toBeLessThanOrEqual(5);
    const [b] = await rt.beam([[4, 5, 6]], { beam: 3, maxLength: 5 });
    expect(b!.logProb).toBeGreaterThanOrEqual(g!.logProb - 1e-4);
    const batch = { src: [[4, 5, 6]], tgt: [[6, 5, 4]] };
    const first = rt.trainStep(batch, { learningRate: 0.05 });
    let last = first;
    for (let i = 0; i < 5; i++) last = rt.trainStep(batch);
    expect(Number.isFinite(first)).toBe(true);
    expect(last).toBeLessThan(first);
  });

  it("loadWeights replaces every weight, and refuses weights that do not fit", async () => {
    const a = await runtime(1);
    const b = await runtime(2);
    const src = [[4, 5, 6, 7]];
    const tgt = [[1, 7, 6]];
    const before = (await b.forward(src, tgt)).logits;
    const { module } = loaded();
    const { initWeights } = await import("../../src/index.js");
    expect(b.loadWeights(new Map())).toEqual({ error: expect.stringContaining("no weights") });
    expect((await b.forward(src, tgt)).logits).toEqual(before);
    expect(b.loadWeights(initWeights(module, 1))).toEqual({});
    expect((await b.forward(src, tgt)).logits).toEqual((await a.forward(src, tgt)).logits);
  });

  it("weights that do not fit the module are an error, not a throw", async () => {
    const { error } = await createRuntime(loaded().module, { weights: new Map() });
    expect(error).toContain("no weights");
  });
});
