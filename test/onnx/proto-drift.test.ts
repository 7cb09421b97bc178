/**
 * src/backends/onnx/proto/onnx.ts is generated from onnx.proto; this fails when the two
 * drift apart (UPDATE_DOCS=1 regenerates, as `npx tsx scripts/gen-onnx-proto.ts` does).
 */
import { expect, test } from "vitest";
import { ONNX_MODULE, onnxModuleText } from "../../scripts/gen-onnx-proto.js";
import { expectCommittedFile } from "../committed-file.js";

test("the generated ONNX schema module is up to date with onnx.proto", async () => {
  const text = await onnxModuleText();
  expect(text).toContain("export interface IModelProto");
  expectCommittedFile(ONNX_MODULE, text, "test/onnx/proto-drift.test.ts");
});
