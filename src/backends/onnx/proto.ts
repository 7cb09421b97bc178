/**
 * The ONNX protobuf schema: src/backends/onnx/proto/onnx.ts, protobufjs's static code
 * generated from the part of onnx.proto that s2sc uses (see proto/onnx.proto), which is
 * browser-safe. Only long-stable messages are used (Model/Graph/Node/Attribute/Tensor/
 * ValueInfo), so the schema does not limit the IR version or opset we write.
 */
import protobuf from "protobufjs/minimal.js";
import type { Long } from "protobufjs/minimal.js";
import type { DType } from "../../ir/index.js";
import {
  AttributeProto_AttributeType,
  codecs,
  type IAttributeProto,
  type IGraphProto,
  type IModelProto,
  type INodeProto,
  type ITensorProto,
  type IValueInfoProto,
  type ModelProto as DecodedModel,
} from "./proto/onnx.js";

export type ModelProto = IModelProto;
export type GraphProto = IGraphProto;
export type NodeProto = INodeProto;
export type AttributeProto = IAttributeProto;
export type TensorProto = ITensorProto;
export type ValueInfoProto = IValueInfoProto;
export type { DecodedModel };

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

export const ATTR = AttributeProto_AttributeType;

/**
 * The default-domain opset the export targets: 23 is the first with `Attention` and
 * `RMSNormalization`, which the IR uses with exactly their ONNX semantics.
 */
export const OPSET = 23;
/** ONNX IR version 11 is the one that goes with opset 23 (ONNX 1.18). */
export const IR_VERSION = 11;

export function encodeModel(model: ModelProto): Uint8Array {
  return codecs.ModelProto.encode(model).finish();
}

export function decodeModel(bytes: Uint8Array): DecodedModel {
  return codecs.ModelProto.decode(bytes);
}

/** An int64 field's value as a number (decoded int64s are Long objects; ours fit 2^53). */
export function int64Number(x: number | Long | null | undefined): number {
  if (x === null || x === undefined) return 0;
  return typeof x === "number" ? x : protobuf.util.LongBits.from(x).toNumber();
}
