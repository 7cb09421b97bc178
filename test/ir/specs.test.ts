/**
 * Every spec in specs/ goes through the whole front end: check → elaborate → verify →
 * JSON → schema → load back unchanged, and its costs are well defined.
 */
import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { checkProgram } from "../../src/check/index.js";
import { elaborate } from "../../src/elaborate/index.js";
import { paramCounts, tokenCosts } from "../../src/ir/cost.js";
import { irFromJson, irToJson, schemaErrors } from "../../src/ir/json.js";
import { printModule } from "../../src/ir/print.js";
import type { IrModule } from "../../src/ir/types.js";
import { verifyModule } from "../../src/ir/verify.js";
import { diskHost } from "../../src/node/disk-host.js";

const ROOT = new URL("../../", import.meta.url).pathname;

function specFiles(): string[] {
  const out: string[] = [];
  for (const dir of readdirSync(`${ROOT}specs`, { withFileTypes: true })) {
    if (!dir.isDirectory()) continue;
    for (const f of readdirSync(`${ROOT}specs/${dir.name}`)) {
      if (f.endsWith(".s2s")) out.push(`specs/${dir.name}/${f}`);
    }
  }
  return out.sort();
}

function modulesOf(file: string): IrModule[] {
  const r = checkProgram(file, diskHost(ROOT));
  const errors = r.diagnostics.filter((d) => d.severity === "error");
  if (errors.length > 0) throw new Error(errors.map((d) => `${d.code} ${d.message}`).join("\n"));
  return r.models.map((m) => {
    const e = elaborate(m);
    if (e.module === undefined)
      throw new Error(e.diagnostics.map((d) => `${d.code} ${d.message}`).join("\n"));
    return e.module;
  });
}

describe.each(specFiles())("%s", (file) => {
  const modules = modulesOf(file);

  it("declares at least one model", () => {
    expect(modules.length).toBeGreaterThan(0);
  });

  for (const m of modules) {
    describe(m.model, () => {
      it("verifies", () => {
        expect(verifyModule(m)).toEqual([]);
      });

      it("round-trips through JSON valid against the schema", () => {
        const text = irToJson(m);
        expect(schemaErrors(JSON.parse(text))).toEqual([]);
        const back = irFromJson(text);
        expect(back.errors).toEqual([]);
        expect(back.module).toEqual(m);
        expect(irToJson(back.module!)).toBe(text);
      });

      it("prints", () => {
        expect(printModule(m)).toContain(`graph decode_step(`);
      });

      it("has positive, finite costs and parameters", () => {
        const t = tokenCosts(m, 32);
        for (const v of [t.perSourceToken, t.perTargetToken, t.perGeneratedToken]) {
          expect(Number.isFinite(v)).toBe(true);
          expect(v).toBeGreaterThan(0);
        }
        const c = paramCounts(m);
        expect(c.trainable).toBeGreaterThan(0);
        // The layer table's rows own parameters that exist.
        for (const l of m.layers) expect(l.params).toBeLessThanOrEqual(c.trainable);
      });
    });
  }
});

describe("known figures", () => {
  const [base] = modulesOf("specs/papers/transformer.s2s").filter(
    (m) => m.model === "transformer_base",
  );

  it("transformer_base: per source token, 6 encoder layers plus the decoder's memory projections", () => {
    const t = tokenCosts(base!, 64);
    const d = 512;
    const ff = 2048;
    // Encoder: projections and FFN per token, plus Q·Kᵀ and weights·V over S positions
    // (2·d·S). The 6 decoder cross-attentions' K and V projections of the memory
    // (2·d² each) are computed once per source token by encode, not once per step.
    const perToken = 6 * (4 * d * d + 2 * d * ff) + 6 * 2 * d * d;
    expect(t.encode.toJSON()).toEqual({ S: perToken, "S*S": 6 * 2 * d });
    expect(t.perSourceToken).toBe(perToken + 6 * 2 * d * 64);
  });

  it("transformer_base: a generated token costs no more than a teacher-forced one plus its cache reads", () => {
    const t = tokenCosts(base!, 64);
    // decode_step must not redo the memory's K/V projections (a 3·2²⁰·S term if it did).
    expect(t.perGeneratedToken).toBeLessThan(t.perTargetToken * 1.1);
  });

  it("transformer_base: shared 37000×512 embedding counted once", () => {
    const c = paramCounts(base!);
    expect(c.bySection.find(([s]) => s === "embedding")?.[1]).toBe(37000 * 512);
    // The sinusoidal tables are buffers, not parameters.
    expect(c.buffers).toBeGreaterThan(0);
  });
});
