// Generated from onnx.proto by `npx tsx scripts/gen-onnx-proto.ts`: do not edit.
// test/onnx/proto-drift.test.ts fails when this file is stale.
import protobuf from "protobufjs/light.js";
import type { Long } from "protobufjs/light.js";

/** The schema as protobufjs's JSON descriptor. */
const DESCRIPTOR = {
  nested: {
    onnx: {
      nested: {
        AttributeProto: {
          oneofs: {
            _name: { oneof: ["name"] },
            _refAttrName: { oneof: ["refAttrName"] },
            _docString: { oneof: ["docString"] },
            _type: { oneof: ["type"] },
            _f: { oneof: ["f"] },
            _i: { oneof: ["i"] },
            _s: { oneof: ["s"] },
            _t: { oneof: ["t"] },
            _g: { oneof: ["g"] },
            _sparseTensor: { oneof: ["sparseTensor"] },
            _tp: { oneof: ["tp"] },
          },
          fields: {
            name: { type: "string", id: 1, options: { proto3_optional: true } },
            refAttrName: {
              type: "string",
              id: 21,
              protoName: "ref_attr_name",
              options: { proto3_optional: true },
            },
            docString: {
              type: "string",
              id: 13,
              protoName: "doc_string",
              options: { proto3_optional: true },
            },
            type: { type: "AttributeType", id: 20, options: { proto3_optional: true } },
            f: { type: "float", id: 2, options: { proto3_optional: true } },
            i: { type: "int64", id: 3, options: { proto3_optional: true } },
            s: { type: "bytes", id: 4, options: { proto3_optional: true } },
            t: { type: "TensorProto", id: 5, options: { proto3_optional: true } },
            g: { type: "GraphProto", id: 6, options: { proto3_optional: true } },
            sparseTensor: {
              type: "SparseTensorProto",
              id: 22,
              protoName: "sparse_tensor",
              options: { proto3_optional: true },
            },
            tp: { type: "TypeProto", id: 14, options: { proto3_optional: true } },
            floats: { rule: "repeated", type: "float", id: 7 },
            ints: { rule: "repeated", type: "int64", id: 8 },
            strings: { rule: "repeated", type: "bytes", id: 9 },
            tensors: { rule: "repeated", type: "TensorProto", id: 10 },
            graphs: { rule: "repeated", type: "GraphProto", id: 11 },
            sparseTensors: {
              rule: "repeated",
              type: "SparseTensorProto",
              id: 23,
              protoName: "sparse_tensors",
            },
            typeProtos: { rule: "repeated", type: "TypeProto", id: 15, protoName: "type_protos" },
          },
          nested: {
            AttributeType: {
              values: {
                UNDEFINED: 0,
                FLOAT: 1,
                INT: 2,
                STRING: 3,
                TENSOR: 4,
                GRAPH: 5,
                SPARSE_TENSOR: 11,
                TYPE_PROTO: 13,
                FLOATS: 6,
                INTS: 7,
                STRINGS: 8,
                TENSORS: 9,
                GRAPHS: 10,
                SPARSE_TENSORS: 12,
                TYPE_PROTOS: 14,
              },
            },
          },
        },
        ValueInfoProto: {
          oneofs: {
            _name: { oneof: ["name"] },
            _type: { oneof: ["type"] },
            _docString: { oneof: ["docString"] },
          },
          fields: {
            name: { type: "string", id: 1, options: { proto3_optional: true } },
            type: { type: "TypeProto", id: 2, options: { proto3_optional: true } },
            docString: {
              type: "string",
              id: 3,
              protoName: "doc_string",
              options: { proto3_optional: true },
            },
            metadataProps: {
              rule: "repeated",
              type: "StringStringEntryProto",
              id: 4,
              protoName: "metadata_props",
            },
          },
        },
        NodeProto: {
          oneofs: {
            _name: { oneof: ["name"] },
            _opType: { oneof: ["opType"] },
            _domain: { oneof: ["domain"] },
            _overload: { oneof: ["overload"] },
            _docString: { oneof: ["docString"] },
          },
          fields: {
            input: { rule: "repeated", type: "string", id: 1 },
            output: { rule: "repeated", type: "string", id: 2 },
            name: { type: "string", id: 3, options: { proto3_optional: true } },
            opType: {
              type: "string",
              id: 4,
              protoName: "op_type",
              options: { proto3_optional: true },
            },
            domain: { type: "string", id: 7, options: { proto3_optional: true } },
            overload: { type: "string", id: 8, options: { proto3_optional: true } },
            attribute: { rule: "repeated", type: "AttributeProto", id: 5 },
            docString: {
              type: "string",
              id: 6,
              protoName: "doc_string",
              options: { proto3_optional: true },
            },
            metadataProps: {
              rule: "repeated",
              type: "StringStringEntryProto",
              id: 9,
              protoName: "metadata_props",
            },
          },
        },
        ModelProto: {
          oneofs: {
            _irVersion: { oneof: ["irVersion"] },
            _producerName: { oneof: ["producerName"] },
            _producerVersion: { oneof: ["producerVersion"] },
            _domain: { oneof: ["domain"] },
            _modelVersion: { oneof: ["modelVersion"] },
            _docString: { oneof: ["docString"] },
            _graph: { oneof: ["graph"] },
          },
          fields: {
            irVersion: {
              type: "int64",
              id: 1,
              protoName: "ir_version",
              options: { proto3_optional: true },
            },
            opsetImport: {
              rule: "repeated",
              type: "OperatorSetIdProto",
              id: 8,
              protoName: "opset_import",
            },
            producerName: {
              type: "string",
              id: 2,
              protoName: "producer_name",
              options: { proto3_optional: true },
            },
            producerVersion: {
              type: "string",
              id: 3,
              protoName: "producer_version",
              options: { proto3_optional: true },
            },
            domain: { type: "string", id: 4, options: { proto3_optional: true } },
            modelVersion: {
              type: "int64",
              id: 5,
              protoName: "model_version",
              options: { proto3_optional: true },
            },
            docString: {
              type: "string",
              id: 6,
              protoName: "doc_string",
              options: { proto3_optional: true },
            },
            graph: { type: "GraphProto", id: 7, options: { proto3_optional: true } },
            metadataProps: {
              rule: "repeated",
              type: "StringStringEntryProto",
              id: 14,
              protoName: "metadata_props",
            },
          },
        },
        StringStringEntryProto: {
          oneofs: { _key: { oneof: ["key"] }, _value: { oneof: ["value"] } },
          fields: {
            key: { type: "string", id: 1, options: { proto3_optional: true } },
            value: { type: "string", id: 2, options: { proto3_optional: true } },
          },
        },
        GraphProto: {
          oneofs: { _name: { oneof: ["name"] }, _docString: { oneof: ["docString"] } },
          fields: {
            node: { rule: "repeated", type: "NodeProto", id: 1 },
            name: { type: "string", id: 2, options: { proto3_optional: true } },
            initializer: { rule: "repeated", type: "TensorProto", id: 5 },
            sparseInitializer: {
              rule: "repeated",
              type: "SparseTensorProto",
              id: 15,
              protoName: "sparse_initializer",
            },
            docString: {
              type: "string",
              id: 10,
              protoName: "doc_string",
              options: { proto3_optional: true },
            },
            input: { rule: "repeated", type: "ValueInfoProto", id: 11 },
            output: { rule: "repeated", type: "ValueInfoProto", id: 12 },
            valueInfo: {
              rule: "repeated",
              type: "ValueInfoProto",
              id: 13,
              protoName: "value_info",
            },
            metadataProps: {
              rule: "repeated",
              type: "StringStringEntryProto",
              id: 16,
              protoName: "metadata_props",
            },
          },
        },
        TensorProto: {
          oneofs: {
            _dataType: { oneof: ["dataType"] },
            _segment: { oneof: ["segment"] },
            _name: { oneof: ["name"] },
            _docString: { oneof: ["docString"] },
            _rawData: { oneof: ["rawData"] },
            _dataLocation: { oneof: ["dataLocation"] },
          },
          fields: {
            dims: { rule: "repeated", type: "int64", id: 1 },
            dataType: {
              type: "int32",
              id: 2,
              protoName: "data_type",
              options: { proto3_optional: true },
            },
            segment: { type: "Segment", id: 3, options: { proto3_optional: true } },
            floatData: { rule: "repeated", type: "float", id: 4, protoName: "float_data" },
            int32Data: { rule: "repeated", type: "int32", id: 5, protoName: "int32_data" },
            stringData: { rule: "repeated", type: "bytes", id: 6, protoName: "string_data" },
            int64Data: { rule: "repeated", type: "int64", id: 7, protoName: "int64_data" },
            name: { type: "string", id: 8, options: { proto3_optional: true } },
            docString: {
              type: "string",
              id: 12,
              protoName: "doc_string",
              options: { proto3_optional: true },
            },
            rawData: {
              type: "bytes",
              id: 9,
              protoName: "raw_data",
              options: { proto3_optional: true },
            },
            externalData: {
              rule: "repeated",
              type: "StringStringEntryProto",
              id: 13,
              protoName: "external_data",
            },
            dataLocation: {
              type: "DataLocation",
              id: 14,
              protoName: "data_location",
              options: { proto3_optional: true },
            },
            doubleData: { rule: "repeated", type: "double", id: 10, protoName: "double_data" },
            uint64Data: { rule: "repeated", type: "uint64", id: 11, protoName: "uint64_data" },
            metadataProps: {
              rule: "repeated",
              type: "StringStringEntryProto",
              id: 16,
              protoName: "metadata_props",
            },
          },
          nested: {
            DataType: {
              values: {
                UNDEFINED: 0,
                FLOAT: 1,
                UINT8: 2,
                INT8: 3,
                UINT16: 4,
                INT16: 5,
                INT32: 6,
                INT64: 7,
                STRING: 8,
                BOOL: 9,
                FLOAT16: 10,
                DOUBLE: 11,
                UINT32: 12,
                UINT64: 13,
                COMPLEX64: 14,
                COMPLEX128: 15,
                BFLOAT16: 16,
                FLOAT8E4M3FN: 17,
                FLOAT8E4M3FNUZ: 18,
                FLOAT8E5M2: 19,
                FLOAT8E5M2FNUZ: 20,
                UINT4: 21,
                INT4: 22,
                FLOAT4E2M1: 23,
              },
            },
            DataLocation: { values: { DEFAULT: 0, EXTERNAL: 1 } },
            Segment: {
              oneofs: { _begin: { oneof: ["begin"] }, _end: { oneof: ["end"] } },
              fields: {
                begin: { type: "int64", id: 1, options: { proto3_optional: true } },
                end: { type: "int64", id: 2, options: { proto3_optional: true } },
              },
            },
          },
        },
        SparseTensorProto: {
          oneofs: { _values: { oneof: ["values"] }, _indices: { oneof: ["indices"] } },
          fields: {
            values: { type: "TensorProto", id: 1, options: { proto3_optional: true } },
            indices: { type: "TensorProto", id: 2, options: { proto3_optional: true } },
            dims: { rule: "repeated", type: "int64", id: 3 },
          },
        },
        TensorShapeProto: {
          fields: { dim: { rule: "repeated", type: "Dimension", id: 1 } },
          nested: {
            Dimension: {
              oneofs: {
                value: { oneof: ["dimValue", "dimParam"] },
                _denotation: { oneof: ["denotation"] },
              },
              fields: {
                dimValue: { type: "int64", id: 1, protoName: "dim_value" },
                dimParam: { type: "string", id: 2, protoName: "dim_param" },
                denotation: { type: "string", id: 3, options: { proto3_optional: true } },
              },
            },
          },
        },
        TypeProto: {
          oneofs: {
            value: {
              oneof: ["tensorType", "sequenceType", "mapType", "optionalType", "sparseTensorType"],
            },
            _denotation: { oneof: ["denotation"] },
          },
          fields: {
            tensorType: { type: "Tensor", id: 1, protoName: "tensor_type" },
            sequenceType: { type: "Sequence", id: 4, protoName: "sequence_type" },
            mapType: { type: "Map", id: 5, protoName: "map_type" },
            optionalType: { type: "Optional", id: 9, protoName: "optional_type" },
            sparseTensorType: { type: "SparseTensor", id: 8, protoName: "sparse_tensor_type" },
            denotation: { type: "string", id: 6, options: { proto3_optional: true } },
          },
          nested: {
            Tensor: {
              oneofs: { _elemType: { oneof: ["elemType"] }, _shape: { oneof: ["shape"] } },
              fields: {
                elemType: {
                  type: "int32",
                  id: 1,
                  protoName: "elem_type",
                  options: { proto3_optional: true },
                },
                shape: { type: "TensorShapeProto", id: 2, options: { proto3_optional: true } },
              },
            },
            Sequence: {
              oneofs: { _elemType: { oneof: ["elemType"] } },
              fields: {
                elemType: {
                  type: "TypeProto",
                  id: 1,
                  protoName: "elem_type",
                  options: { proto3_optional: true },
                },
              },
            },
            Map: {
              oneofs: { _keyType: { oneof: ["keyType"] }, _valueType: { oneof: ["valueType"] } },
              fields: {
                keyType: {
                  type: "int32",
                  id: 1,
                  protoName: "key_type",
                  options: { proto3_optional: true },
                },
                valueType: {
                  type: "TypeProto",
                  id: 2,
                  protoName: "value_type",
                  options: { proto3_optional: true },
                },
              },
            },
            Optional: {
              oneofs: { _elemType: { oneof: ["elemType"] } },
              fields: {
                elemType: {
                  type: "TypeProto",
                  id: 1,
                  protoName: "elem_type",
                  options: { proto3_optional: true },
                },
              },
            },
            SparseTensor: {
              oneofs: { _elemType: { oneof: ["elemType"] }, _shape: { oneof: ["shape"] } },
              fields: {
                elemType: {
                  type: "int32",
                  id: 1,
                  protoName: "elem_type",
                  options: { proto3_optional: true },
                },
                shape: { type: "TensorShapeProto", id: 2, options: { proto3_optional: true } },
              },
            },
          },
        },
        OperatorSetIdProto: {
          oneofs: { _domain: { oneof: ["domain"] }, _version: { oneof: ["version"] } },
          fields: {
            domain: { type: "string", id: 1, options: { proto3_optional: true } },
            version: { type: "int64", id: 2, options: { proto3_optional: true } },
          },
        },
      },
    },
  },
};

export const onnxRoot = protobuf.Root.fromJSON(DESCRIPTOR);

export interface IAttributeProto {
  name?: string | null;
  f?: number | null;
  i?: number | Long | null;
  s?: Uint8Array | null;
  t?: ITensorProto | null;
  g?: IGraphProto | null;
  floats?: number[] | null;
  ints?: (number | Long)[] | null;
  strings?: Uint8Array[] | null;
  tensors?: ITensorProto[] | null;
  graphs?: IGraphProto[] | null;
  docString?: string | null;
  tp?: ITypeProto | null;
  typeProtos?: ITypeProto[] | null;
  type?: number | null;
  refAttrName?: string | null;
  sparseTensor?: ISparseTensorProto | null;
  sparseTensors?: ISparseTensorProto[] | null;
}

export interface AttributeProto {
  name: string | null;
  f: number | null;
  i: number | Long | null;
  s: Uint8Array | null;
  t: TensorProto | null;
  g: GraphProto | null;
  floats: number[];
  ints: (number | Long)[];
  strings: Uint8Array[];
  tensors: TensorProto[];
  graphs: GraphProto[];
  docString: string | null;
  tp: TypeProto | null;
  typeProtos: TypeProto[];
  type: number | null;
  refAttrName: string | null;
  sparseTensor: SparseTensorProto | null;
  sparseTensors: SparseTensorProto[];
}

export const AttributeProto_AttributeType = {
  UNDEFINED: 0,
  FLOAT: 1,
  INT: 2,
  STRING: 3,
  TENSOR: 4,
  GRAPH: 5,
  SPARSE_TENSOR: 11,
  TYPE_PROTO: 13,
  FLOATS: 6,
  INTS: 7,
  STRINGS: 8,
  TENSORS: 9,
  GRAPHS: 10,
  SPARSE_TENSORS: 12,
  TYPE_PROTOS: 14,
} as const;

export interface IValueInfoProto {
  name?: string | null;
  type?: ITypeProto | null;
  docString?: string | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface ValueInfoProto {
  name: string | null;
  type: TypeProto | null;
  docString: string | null;
  metadataProps: StringStringEntryProto[];
}

export interface INodeProto {
  input?: string[] | null;
  output?: string[] | null;
  name?: string | null;
  opType?: string | null;
  attribute?: IAttributeProto[] | null;
  docString?: string | null;
  domain?: string | null;
  overload?: string | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface NodeProto {
  input: string[];
  output: string[];
  name: string | null;
  opType: string | null;
  attribute: AttributeProto[];
  docString: string | null;
  domain: string | null;
  overload: string | null;
  metadataProps: StringStringEntryProto[];
}

export interface IModelProto {
  irVersion?: number | Long | null;
  producerName?: string | null;
  producerVersion?: string | null;
  domain?: string | null;
  modelVersion?: number | Long | null;
  docString?: string | null;
  graph?: IGraphProto | null;
  opsetImport?: IOperatorSetIdProto[] | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface ModelProto {
  irVersion: number | Long | null;
  producerName: string | null;
  producerVersion: string | null;
  domain: string | null;
  modelVersion: number | Long | null;
  docString: string | null;
  graph: GraphProto | null;
  opsetImport: OperatorSetIdProto[];
  metadataProps: StringStringEntryProto[];
}

export interface IStringStringEntryProto {
  key?: string | null;
  value?: string | null;
}

export interface StringStringEntryProto {
  key: string | null;
  value: string | null;
}

export interface IGraphProto {
  node?: INodeProto[] | null;
  name?: string | null;
  initializer?: ITensorProto[] | null;
  docString?: string | null;
  input?: IValueInfoProto[] | null;
  output?: IValueInfoProto[] | null;
  valueInfo?: IValueInfoProto[] | null;
  sparseInitializer?: ISparseTensorProto[] | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface GraphProto {
  node: NodeProto[];
  name: string | null;
  initializer: TensorProto[];
  docString: string | null;
  input: ValueInfoProto[];
  output: ValueInfoProto[];
  valueInfo: ValueInfoProto[];
  sparseInitializer: SparseTensorProto[];
  metadataProps: StringStringEntryProto[];
}

export interface ITensorProto {
  dims?: (number | Long)[] | null;
  dataType?: number | null;
  segment?: ITensorProto_Segment | null;
  floatData?: number[] | null;
  int32Data?: number[] | null;
  stringData?: Uint8Array[] | null;
  int64Data?: (number | Long)[] | null;
  name?: string | null;
  rawData?: Uint8Array | null;
  doubleData?: number[] | null;
  uint64Data?: (number | Long)[] | null;
  docString?: string | null;
  externalData?: IStringStringEntryProto[] | null;
  dataLocation?: number | null;
  metadataProps?: IStringStringEntryProto[] | null;
}

export interface TensorProto {
  dims: (number | Long)[];
  dataType: number | null;
  segment: TensorProto_Segment | null;
  floatData: number[];
  int32Data: number[];
  stringData: Uint8Array[];
  int64Data: (number | Long)[];
  name: string | null;
  rawData: Uint8Array | null;
  doubleData: number[];
  uint64Data: (number | Long)[];
  docString: string | null;
  externalData: StringStringEntryProto[];
  dataLocation: number | null;
  metadataProps: StringStringEntryProto[];
}

export const TensorProto_DataType = {
  UNDEFINED: 0,
  FLOAT: 1,
  UINT8: 2,
  INT8: 3,
  UINT16: 4,
  INT16: 5,
  INT32: 6,
  INT64: 7,
  STRING: 8,
  BOOL: 9,
  FLOAT16: 10,
  DOUBLE: 11,
  UINT32: 12,
  UINT64: 13,
  COMPLEX64: 14,
  COMPLEX128: 15,
  BFLOAT16: 16,
  FLOAT8E4M3FN: 17,
  FLOAT8E4M3FNUZ: 18,
  FLOAT8E5M2: 19,
  FLOAT8E5M2FNUZ: 20,
  UINT4: 21,
  INT4: 22,
  FLOAT4E2M1: 23,
} as const;

export const TensorProto_DataLocation = {
  DEFAULT: 0,
  EXTERNAL: 1,
} as const;

export interface ITensorProto_Segment {
  begin?: number | Long | null;
  end?: number | Long | null;
}

export interface TensorProto_Segment {
  begin: number | Long | null;
  end: number | Long | null;
}

export interface ISparseTensorProto {
  values?: ITensorProto | null;
  indices?: ITensorProto | null;
  dims?: (number | Long)[] | null;
}

export interface SparseTensorProto {
  values: TensorProto | null;
  indices: TensorProto | null;
  dims: (number | Long)[];
}

export interface ITensorShapeProto {
  dim?: ITensorShapeProto_Dimension[] | null;
}

export interface TensorShapeProto {
  dim: TensorShapeProto_Dimension[];
}

export interface ITensorShapeProto_Dimension {
  dimValue?: number | Long | null;
  dimParam?: string | null;
  denotation?: string | null;
}

export interface TensorShapeProto_Dimension {
  dimValue: number | Long | null;
  dimParam: string | null;
  denotation: string | null;
}

export interface ITypeProto {
  tensorType?: ITypeProto_Tensor | null;
  sequenceType?: ITypeProto_Sequence | null;
  mapType?: ITypeProto_Map | null;
  denotation?: string | null;
  sparseTensorType?: ITypeProto_SparseTensor | null;
  optionalType?: ITypeProto_Optional | null;
}

export interface TypeProto {
  tensorType: TypeProto_Tensor | null;
  sequenceType: TypeProto_Sequence | null;
  mapType: TypeProto_Map | null;
  denotation: string | null;
  sparseTensorType: TypeProto_SparseTensor | null;
  optionalType: TypeProto_Optional | null;
}

export interface ITypeProto_Tensor {
  elemType?: number | null;
  shape?: ITensorShapeProto | null;
}

export interface TypeProto_Tensor {
  elemType: number | null;
  shape: TensorShapeProto | null;
}

export interface ITypeProto_Sequence {
  elemType?: ITypeProto | null;
}

export interface TypeProto_Sequence {
  elemType: TypeProto | null;
}

export interface ITypeProto_Map {
  keyType?: number | null;
  valueType?: ITypeProto | null;
}

export interface TypeProto_Map {
  keyType: number | null;
  valueType: TypeProto | null;
}

export interface ITypeProto_Optional {
  elemType?: ITypeProto | null;
}

export interface TypeProto_Optional {
  elemType: TypeProto | null;
}

export interface ITypeProto_SparseTensor {
  elemType?: number | null;
  shape?: ITensorShapeProto | null;
}

export interface TypeProto_SparseTensor {
  elemType: number | null;
  shape: TensorShapeProto | null;
}

export interface IOperatorSetIdProto {
  domain?: string | null;
  version?: number | Long | null;
}

export interface OperatorSetIdProto {
  domain: string | null;
  version: number | Long | null;
}
