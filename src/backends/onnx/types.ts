/**
 * What an export entry is: a function from one IR node to ONNX nodes. Standard ops map
 * 1:1; fused s2s ops and the few spots where ONNX Runtime or the ONNX spec are narrower
 * than the IR (int64-only shape inputs, time-major recurrences) emit a short standard
 * composition. The graph exporter (graph.ts) gives each entry this context.
 */
import type { Attr, Node, TensorType } from "../../ir/index.js";

export class ExportError extends Error {}

export interface ExportContext {
  readonly node: Node;
  /** The value name of input i; `""` when omitted (as in ONNX). */
  input(i: number): string;
  inputType(i: number): TensorType | undefined;
  /** The value name of output i; `""` when no one reads it. */
  output(i: number): string;
  outputType(i: number): TensorType;
  /** Input i as int64 (ONNX requires int64 for shapes and axes; the IR allows int32). */
  int64(i: number): string;
  /** A new value name of the given type, declared in the graph's value_info. */
  fresh(base: string, type: TensorType): string;
  /** An int64 Constant node holding `values` (dims default to [values.length]). */
  constant64(base: string, values: readonly number[], dims?: readonly number[]): string;
  /**
   * Adds an ONNX node (default domain). Attributes are IR attributes; graph attributes
   * are exported as subgraphs. The node is named after the IR node's path.
   */
  emit(
    op: string,
    inputs: readonly string[],
    outputs: readonly string[],
    attrs?: Record<string, Attr>,
  ): void;
}

export type OnnxExport = (cx: ExportContext) => void;
