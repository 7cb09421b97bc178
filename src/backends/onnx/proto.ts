/**
 * The ONNX protobuf schema, from the `onnx-proto` package (protobufjs code generated from
 * the official onnx.proto). It is a CommonJS module, hence the default import. Only the
 * long-stable messages are used (Model/Graph/Node/Attribute/Tensor/ValueInfo), so the
 * package's schema tag does not limit the IR version or opset we write.
 */
import onnxProto from "onnx-proto";
import type { DType } from "../../ir/types.js";

export const onnx = onnxProto.onnx;
export type ModelProto = onnxProto.onnx.IModelProto;
export type GraphProto = onnxProto.onnx.IGraphProto;
export type NodeProto = onnxProto.onnx.INodeProto;
export type AttributeProto = onnxProto.onnx.IAttributeProto;
export type TensorProto = onnxProto.onnx.ITensorProto;
export type ValueInfoProto = onnxProto.onnx.IValueInfoProto;

/** ONNX's TensorProto.DataType for each IR element type. */
export const ONNX_DTYPE: Readonly<Record<DType, number>> = {
  float32: 1,
  int32: 6,
  int64: 7,
  bool: 9,
};

export const IR_DTYPE: Readonly<Record<number, DType>> = {
  1: "float32",
  6: "int32",
  7: "int64",
  9: "bool",
};

export const ATTR = onnxProto.onnx.AttributeProto.AttributeType;

/**
 * The default-domain opset the export targets: 23 is the first with `Attention` and
 * `RMSNormalization`, which the IR uses with exactly their ONNX semantics.
 */
export const OPSET = 23;
/** ONNX IR version 11 is the one that goes with opset 23 (ONNX 1.18). */
export const IR_VERSION = 11;

export function encodeModel(model: ModelProto): Uint8Array {
  return onnx.ModelProto.encode(onnx.ModelProto.create(model)).finish();
}

export function decodeModel(bytes: Uint8Array): onnxProto.onnx.ModelProto {
  return onnx.ModelProto.decode(bytes);
}
