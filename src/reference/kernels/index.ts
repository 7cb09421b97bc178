/**
 * THE kernel table of the reference interpreter, keyed by ONNX op name (the IR uses
 * the same names). Graph-level constructs that are not kernels — Constant (a tensor
 * attribute) and Scan (a body graph) — belong to the interpreter itself.
 */
import { Attention } from "./attention.js";
import { Add, Div, Equal, Less, Max, Mean, Min, Mul, Pow, Sub, Sum, Where } from "./binary.js";
import { Gather, GatherElements, GatherND } from "./gather.js";
import { Gemm, MatMul } from "./matmul.js";
import { Dropout, LayerNormalization, LogSoftmax, RMSNormalization, Softmax } from "./nn.js";
import { GRU } from "./recurrent/gru.js";
import { LSTM } from "./recurrent/lstm.js";
import { RNN } from "./recurrent/rnn.js";
import { ArgMax, CumSum, ReduceMax, ReduceMean, ReduceSum } from "./reduce.js";
import {
  Concat,
  ConstantOfShape,
  Expand,
  Range,
  Reshape,
  Shape,
  Slice,
  Split,
  Squeeze,
  Transpose,
  Trilu,
  Unsqueeze,
} from "./shape.js";
import type { Kernel } from "./types.js";
import {
  Cast,
  Clip,
  Cos,
  Erf,
  Exp,
  Gelu,
  HardSigmoid,
  Identity,
  Log,
  Neg,
  Not,
  Relu,
  Sigmoid,
  Sin,
  Softplus,
  Sqrt,
  Tanh,
} from "./unary.js";

export type { Kernel, KernelContext } from "./types.js";

export const KERNELS: Record<string, Kernel> = {
  // elementwise, two or more inputs (broadcasting)
  Add,
  Sub,
  Mul,
  Div,
  Pow,
  Max,
  Min,
  Mean,
  Sum,
  Equal,
  Less,
  Where,
  // elementwise, one input
  Neg,
  Sqrt,
  Exp,
  Log,
  Tanh,
  Sigmoid,
  Relu,
  Erf,
  Gelu,
  Sin,
  Cos,
  Softplus,
  HardSigmoid,
  Clip,
  Not,
  Identity,
  Cast,
  // matrix products
  MatMul,
  Gemm,
  // reductions
  ReduceSum,
  ReduceMean,
  ReduceMax,
  ArgMax,
  CumSum,
  // data movement
  Concat,
  Split,
  Slice,
  Reshape,
  Transpose,
  Squeeze,
  Unsqueeze,
  Expand,
  Shape,
  ConstantOfShape,
  Range,
  Trilu,
  // indexing
  Gather,
  GatherElements,
  GatherND,
  // neural-network blocks
  Softmax,
  LogSoftmax,
  LayerNormalization,
  RMSNormalization,
  Dropout,
  // recurrences
  LSTM,
  GRU,
  RNN,
  // attention
  Attention,
};
