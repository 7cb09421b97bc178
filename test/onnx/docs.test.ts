/** docs/onnx.md's op mapping table names every IR op (and no op the IR lacks). */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { OPS } from "../../src/ir/ops/index.js";
import { REPO } from "../tfjs/helpers.js";

test("the op mapping table covers every IR op", () => {
  const text = readFileSync(join(REPO, "docs/onnx.md"), "utf8");
  const table = text.slice(text.indexOf("## Op mapping"), text.indexOf("## ONNX Runtime"));
  const named = new Set<string>();
  for (const line of table.split("\n").filter((l) => l.startsWith("| `"))) {
    const first = line.split(" | ")[0]!;
    for (const m of first.matchAll(/`(\w+)`/g)) named.add(m[1]!);
  }
  expect([...Object.keys(OPS)].filter((op) => !named.has(op))).toEqual([]);
  expect([...named].filter((op) => !(op in OPS))).toEqual([]);
});
