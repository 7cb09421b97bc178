/** IR tensors, types and attributes as ONNX protobuf messages. */
import type { ConstTensor, Dim, DType, TensorType } from "../../ir/index.js";
import { ONNX_DTYPE, type TensorProto, type ValueInfoProto } from "./proto.js";

/** Little-endian bytes of `values` as `dtype` (ONNX raw_data is little-endian, as x86 and ARM are). */
export function rawBytes(dtype: DType, values: ArrayLike<number>): Uint8Array {
  let typed: Float32Array | Int32Array | BigInt64Array | Uint8Array;
  if (dtype === "float32")
    typed = values instanceof Float32Array ? values : Float32Array.from(values);
  else if (dtype === "int32")
    typed = values instanceof Int32Array ? values : Int32Array.from(values);
  else if (dtype === "int64") typed = BigInt64Array.from(Array.from(values, (v) => BigInt(v)));
  else typed = Uint8Array.from(values, (v) => (v ? 1 : 0));
  return new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
}

export function tensorProto(
  name: string,
  dtype: DType,
  dims: readonly number[],
  values: ArrayLike<number>,
): TensorProto {
  return { name, dataType: ONNX_DTYPE[dtype], dims: [...dims], rawData: rawBytes(dtype, values) };
}

export function constTensorProto(name: string, t: ConstTensor): TensorProto {
  return tensorProto(name, t.dtype, t.dims, t.data);
}

/** Symbolic dims (`B`, `S`, `P+1`) become dim_param strings; numbers dim_value. */
export function dimProto(d: Dim): { dimValue: number } | { dimParam: string } {
  return typeof d === "number" ? { dimValue: d } : { dimParam: d };
}

export function valueInfo(name: string, t: TensorType): ValueInfoProto {
  return {
    name,
    type: {
      tensorType: { elemType: ONNX_DTYPE[t.dtype], shape: { dim: t.shape.map(dimProto) } },
    },
  };
}
