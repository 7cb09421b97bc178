/** Every IR op has an entry in every backend's table (and the tables name no unknown op). */
import { describe, expect, it } from "vitest";
import { OPS } from "../../src/ir/ops/index.js";
import { INTERP_KERNELS } from "../../src/backends/interp/table.js";
import { TFJS_LOWERINGS } from "../../src/backends/tfjs/lowering/table.js";
import { ONNX_EXPORTS } from "../../src/backends/onnx/table.js";

const BACKENDS: Record<string, Readonly<Record<string, unknown>>> = {
  interp: INTERP_KERNELS,
  tfjs: TFJS_LOWERINGS,
  onnx: ONNX_EXPORTS,
};

describe("op coverage", () => {
  for (const [backend, table] of Object.entries(BACKENDS)) {
    it(`${backend} has an entry for every IR op`, () => {
      const missing = Object.keys(OPS).filter((op) => !(op in table));
      expect(missing).toEqual([]);
    });
  }
  it("every op has a fusion category and a shape rule", () => {
    for (const def of Object.values(OPS)) {
      expect(["elementwise", "broadcast", "injective", "reduction", "matmul", "opaque"]).toContain(
        def.category,
      );
      expect(typeof def.infer).toBe("function");
    }
  });
});
