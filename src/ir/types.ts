/**
 * The op-level IR: a typed SSA graph of operators with named values, in ONNX's shape.
 *
 * - Values are named strings; each is defined once (a graph input, a parameter, or one
 *   node output) and typed in `Graph.values`.
 * - Shapes may hold symbolic dims: `B` (batch), `S` (source length), `T` (target length),
 *   `P` (decoded prefix length in decode_step) and sums of them with constants ("P+1").
 * - Parameters are the model's weights (ONNX initializers), shared by all graphs of a
 *   module and referenced by name from node inputs.
 * - Every node and parameter has a hierarchical `path` (e.g.
 *   `decoder/layer3/cross_attention/q_proj`) and, when it comes from the spec, the source
 *   range that declared it.
 *
 * Op names and semantics follow ONNX wherever ONNX has the op; see ops/ for the table.
 */
import type { SourceRange } from "../diagnostics/index.js";

export type DType = "float32" | "int32" | "int64" | "bool";

/** A dimension: a number, or a symbolic expression such as `B`, `S`, `P+1`. */
export type Dim = number | string;

export interface TensorType {
  dtype: DType;
  shape: Dim[];
}

export interface ValueInfo extends TensorType {
  name: string;
}

/** A constant tensor (for `Constant` nodes and tensor attributes). */
export interface ConstTensor {
  dtype: DType;
  dims: number[];
  data: number[];
}

/** Attribute values, as ONNX's attribute kinds (INT/FLOAT/STRING/INTS/STRINGS/TENSOR/GRAPH). */
export type Attr =
  | { kind: "int"; value: number }
  | { kind: "float"; value: number }
  | { kind: "string"; value: string }
  | { kind: "ints"; value: number[] }
  | { kind: "floats"; value: number[] }
  | { kind: "strings"; value: string[] }
  | { kind: "tensor"; value: ConstTensor }
  | { kind: "graph"; value: Graph };

export interface Node {
  op: string;
  /** Hierarchical path of the layer this node belongs to; unique per node with `#n`. */
  path: string;
  /** Value names; `""` for an omitted optional input (as in ONNX). */
  inputs: string[];
  outputs: string[];
  attrs: Record<string, Attr>;
  /** The spec range that caused this node (for diagnostics). */
  range?: SourceRange;
}

export interface Graph {
  name: string;
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  nodes: Node[];
  /**
   * Types of every value this graph defines or reads: its inputs, node outputs, and the
   * parameters and outer-scope values (for a Scan body) that its nodes use.
   */
  values: Record<string, TensorType>;
}

/** How a parameter is initialised when no trained weights exist (see docs/numerics.md). */
export type Init =
  | { kind: "glorot_uniform"; fanIn: number; fanOut: number }
  | { kind: "uniform"; limit: number }
  | { kind: "normal"; std: number }
  /** A random orthogonal matrix per gate block (recurrent weights). */
  | { kind: "orthogonal"; blocks: number }
  | { kind: "zeros" }
  | { kind: "ones" }
  /** LSTM bias with the forget gate's slice set to 1 (`unit_forget_bias`). */
  | { kind: "lstm_bias"; hidden: number; directions: number }
  /** Fixed sinusoidal position table (not trainable). */
  | { kind: "sinusoidal" };

export type ParamRole =
  | "embedding"
  | "position"
  | "projection"
  | "recurrent_input"
  | "recurrent_state"
  | "bias"
  | "norm_scale"
  | "norm_bias"
  | "attention_vector";

export interface Parameter {
  /** The value name nodes use to refer to it (equal to path + '/' + local name). */
  name: string;
  /** The layer path the parameter belongs to. */
  path: string;
  dtype: DType;
  shape: number[];
  init: Init;
  role: ParamRole;
  /** False for fixed buffers (sinusoidal tables): not counted, not trained. */
  trainable: boolean;
  range?: SourceRange;
}

/** A row of the layer table shown by `summary` and compared by `diff`. */
export interface LayerInfo {
  path: string;
  /** `lstm`, `gru`, `attention/general`, `self_attention/scaled_dot`, `embedding`, ... */
  kind: string;
  /** Output shape with symbolic dims. */
  outputShape: Dim[];
  /** Trainable parameters owned by this layer (tied tensors counted where first owned). */
  params: number;
  range?: SourceRange;
}

export type EntryPoint = "encode" | "decode" | "decode_step";

export interface ModelConfig {
  sourceVocab: number;
  targetVocab: number;
  /** Ids of the special tokens (numerics.md): pad 0, bos 1, eos 2, unk 3. */
  specials: { pad: number; bos: number; eos: number; unk: number };
  /** Maximum length supported by fixed position tables, if any. */
  maxLength?: number;
  /**
   * The decoder state decode_step threads through: each is an input of decode and
   * decode_step, and `next/<name>` an output of decode_step. `encoder`: an output of
   * encode (the bridge); `zeros`: zeros of `shape`; `empty`: a cache with P = 0.
   */
  state: { name: string; shape: Dim[]; init: "encoder" | "zeros" | "empty" }[];
}

export interface IrModule {
  irVersion: 1;
  model: string;
  /** The spec file the module was elaborated from. */
  file: string;
  config: ModelConfig;
  params: Parameter[];
  graphs: Record<EntryPoint, Graph>;
  layers: LayerInfo[];
}
