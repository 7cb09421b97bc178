// `import`: paths relative to the importing file, load once, cycles, missing files,
// errors reported in the file that has them.
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../src/check/index.js";
import { memoryHost } from "../../src/source/host.js";
import {
  check,
  checkedModel,
  codes,
  expectDiagnostics,
  model,
  section,
  setting,
} from "./helpers.js";

const LIB = model({ head: "base(w = 32)", source: "source { vocab = 16  embed = w }" });

describe("import", () => {
  it("makes the imported file's models visible", () => {
    const m = checkedModel('import "lib/base.s2s"\nmodel big = base(w = 64)\n', "big", {
      "lib/base.s2s": LIB,
    });
    expect(setting(section(m.root, "source"), "embed")).toBe("64 spec");
    expect(section(m.root, "source").settings["embed"]!.range!.file).toBe("lib/base.s2s");
  });

  it("returns only the entry file's models, and every loaded text", () => {
    const r = check('import "lib/base.s2s"\nmodel big = base(w = 64)\n', { "lib/base.s2s": LIB });
    expect(r.models.map((m) => m.name)).toEqual(["big"]);
    expect([...r.sources.keys()]).toEqual(["example.s2s", "lib/base.s2s"]);
  });

  it("resolves paths relative to the importing file", () => {
    const files = {
      "a/one.s2s": 'import "../b/two.s2s"\nmodel one extends two { }\n',
      "b/two.s2s": model({ head: "two" }),
    };
    checkedModel('import "a/one.s2s"\nmodel top extends one { }\n', "top", files);
  });

  it("does not re-export: a file sees only the models of the files it imports", () => {
    const files = {
      "a.s2s": 'import "b.s2s"\n',
      "b.s2s": model({ head: "deep" }),
    };
    expectDiagnostics('import "a.s2s"\nmodel m extends deep { }\n', ["S2S2003@2:17"], files);
  });

  it("does not make the imported file's lets visible", () => {
    const r = check('import "lib.s2s"\n' + model({ source: "source { vocab = 16  embed = w }" }), {
      "lib.s2s": "let w = 8\n",
    });
    expect(codes(r)).toEqual(["S2S2001@3:32"]);
  });

  it("loads a file imported twice once", () => {
    let reads = 0;
    const host = memoryHost({
      "example.s2s": 'import "a.s2s"\nimport "b.s2s"\nmodel m extends shared { }\n',
      "a.s2s": 'import "shared.s2s"\n',
      "b.s2s": 'import "./shared.s2s"\nimport "shared.s2s"\n',
      "shared.s2s": model({ head: "shared" }),
    });
    const counting = {
      ...host,
      read: (p: string) => (p === "shared.s2s" && reads++, host.read(p)),
    };
    // `shared` is not visible in example.s2s (no re-export), but the file is read once.
    const r = checkProgram("example.s2s", counting);
    expect(reads).toBe(1);
    expect(codes(r)).toEqual(["S2S2003@3:17"]);
  });

  it("reports a missing file at the import's string", () => {
    const r = expectDiagnostics('import "nope.s2s"\n', ["S2S2005@1:8"]);
    expect(r.diagnostics[0]!.range.end.column).toBe(18);
  });

  it("reports an import cycle once, at the import that closes it", () => {
    const r = expectDiagnostics('import "a.s2s"\n', ["S2S2006@a.s2s:1:8"], {
      "a.s2s": 'import "example.s2s"\n',
    });
    expect(r.diagnostics[0]!.message).toBe("import cycle: example.s2s → a.s2s → example.s2s");
    expect(r.diagnostics[0]!.related?.[0]?.range.file).toBe("example.s2s");
  });

  it("keeps models visible across a cycle (the cycle itself is the error)", () => {
    const r = check('import "a.s2s"\n' + model({ head: "top" }), {
      "a.s2s": 'import "example.s2s"\nmodel child extends top { }\n',
    });
    expect(codes(r)).toEqual(["S2S2006@a.s2s:1:8"]);
    expect(r.models.map((m) => m.name)).toEqual(["top"]);
  });

  it("reports errors inside an imported file in that file, plus S2S2011 at the import", () => {
    const r = check('import "lib.s2s"\n' + model(), {
      "lib.s2s": model({ head: "broken", encoder: "encoder { lstm { hidden = -1 } }" }),
    });
    expect(codes(r)).toEqual(["S2S2011@1:8", "S2S2025@lib.s2s:4:29"]);
    expect(r.diagnostics[0]!.related?.[0]?.range.file).toBe("lib.s2s");
    // The entry's own model does not depend on the broken one.
    expect(r.models.map((m) => m.name)).toEqual(["m"]);
  });

  it("reports parse errors of an imported file in that file", () => {
    const r = check('import "lib.s2s"\n', { "lib.s2s": "model { }\n" });
    expect(r.diagnostics.some((d) => d.range.file === "lib.s2s" && d.code.startsWith("S2S1"))).toBe(
      true,
    );
    expect(codes(r)).toContain("S2S2011@1:8");
  });

  it("reports two visible models with one name", () => {
    expectDiagnostics('import "lib.s2s"\n' + model({ head: "base" }), ["S2S2002@2:7"], {
      "lib.s2s": LIB,
    });
    expectDiagnostics('import "a.s2s"\nimport "b.s2s"\n', ["S2S2002@2:8"], {
      "a.s2s": model({ head: "x" }),
      "b.s2s": model({ head: "x" }),
    });
  });

  it("turns a failed read of the entry file into a diagnostic at its start", () => {
    const r = checkProgram("missing.s2s", memoryHost({}));
    expect(codes(r)).toEqual(["S2S0001@missing.s2s:1:1"]);
    expect(r.models).toEqual([]);
    expect(r.sources.size).toBe(0);
  });

  it("uses the host's code for other read failures of an import", () => {
    const host = memoryHost({ "example.s2s": 'import "bin.s2s"\n' });
    const r = checkProgram("example.s2s", {
      ...host,
      read: (p) =>
        p === "bin.s2s"
          ? { ok: false, code: "S2S0003", message: "bin.s2s is a binary file" }
          : host.read(p),
    });
    expect(codes(r)).toEqual(["S2S0003@1:8"]);
  });
});
