/**
 * An IR module as three ONNX models, one per entry point: `encoder.onnx` (encode),
 * `decoder.onnx` (decode: teacher-forced logits) and `decoder_step.onnx` (decode_step:
 * one token, with the recurrent state or key/value cache as explicit inputs `state/…`
 * and outputs `next/state/…`). Each file holds the weights its graph reads.
 */
import type { EntryPoint, IrModule } from "../../ir/index.js";
import { exportTopGraph, type WeightData } from "./graph.js";
import { encodeModel, IR_VERSION, OPSET, type ModelProto } from "./proto.js";

export const ONNX_FILES: Readonly<Record<EntryPoint, string>> = {
  encode: "encoder.onnx",
  decode: "decoder.onnx",
  decode_step: "decoder_step.onnx",
};

export const PRODUCER = "s2sc";

export function exportEntryProto(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
  entry: EntryPoint,
): ModelProto {
  return {
    irVersion: IR_VERSION,
    opsetImport: [{ domain: "", version: OPSET }],
    producerName: PRODUCER,
    producerVersion: "0.1.0",
    modelVersion: 1,
    docString: `${module.model} (${entry}), exported by s2sc from ${module.file}`,
    graph: exportTopGraph(module.params, weights, module.graphs[entry]),
    metadataProps: [
      { key: "s2s.model", value: module.model },
      { key: "s2s.entry_point", value: entry },
      { key: "s2s.config", value: JSON.stringify(module.config) },
    ],
  };
}

/** The three serialised models, by entry point. */
export function exportOnnx(
  module: IrModule,
  weights: ReadonlyMap<string, WeightData>,
): Record<EntryPoint, Uint8Array> {
  return {
    encode: encodeModel(exportEntryProto(module, weights, "encode")),
    decode: encodeModel(exportEntryProto(module, weights, "decode")),
    decode_step: encodeModel(exportEntryProto(module, weights, "decode_step")),
  };
}
