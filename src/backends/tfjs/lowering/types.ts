/**
 * What a lowering is: a function from one IR node to JavaScript statements that compute
 * its outputs with tfjs ops (and the runtime library's helpers, src/runtime/lib/). The graph
 * emitter (codegen/graph.ts) gives it a context that names the inputs and outputs and
 * answers compile-time questions (constant inputs, static ranks, attributes).
 */
import type { ConstTensor, Graph, Node, TensorType } from "../../../ir/index.js";

export interface LowerContext {
  readonly node: Node;
  /** Number of inputs given (trailing omitted ones excluded). */
  readonly inputCount: number;
  /** The JavaScript expression of tensor input i, or undefined when it is omitted. */
  input(i: number): string | undefined;
  /** Like `input`, but the input is required. */
  need(i: number): string;
  /** The JavaScript expression of a host (non-tensor) input, such as `training`. */
  host(i: number): string | undefined;
  /**
   * Input i is a weight: a parameter or a value derived from parameters alone, the same
   * tensor object at every call until a parameter changes (so a copy made from it, such
   * as a transposed weight, may be kept: the runtime library's `prepared`).
   */
  isWeight(i: number): boolean;
  /** The compile-time value of input i when a Constant node produces it. */
  constant(i: number): ConstTensor | undefined;
  /** The integer values of a constant input (shapes, axes), or a lowering error. */
  constInts(i: number, what: string): number[];
  /** The IR type of input i / output i (shapes may be symbolic; ranks are static). */
  inputType(i: number): TensorType | undefined;
  outputType(i: number): TensorType;
  /** The identifier to declare for output i, or undefined when no one reads it. */
  output(i: number): string | undefined;
  /** Declares the outputs from an expression returning an array (`const [a, , c] = …`). */
  outputsFrom(expr: string): string;
  /** Declares output 0 as `expr`. */
  assign(expr: string): string;
  /** Marks a runtime-library helper as used and returns its name. */
  helper(name: string): string;
  /** A fresh identifier for a temporary. */
  fresh(base: string): string;
  int(name: string, dflt: number): number;
  float(name: string, dflt: number): number;
  string(name: string, dflt: string): string;
  ints(name: string): number[] | undefined;
  strings(name: string): string[] | undefined;
  has(name: string): boolean;
  graphAttr(name: string): Graph;
  /**
   * Emits a nested graph (a Scan body) in the current scope: its inputs are bound to
   * `inputs` (JavaScript expressions) inside the loop; `hoisted` holds its constants,
   * which are loop-invariant and belong before the loop.
   */
  body(
    graph: Graph,
    inputs: readonly string[],
  ): { hoisted: string[]; lines: string[]; outputs: string[] };
  /** A lowering error that names the node. */
  fail(message: string): never;
}

export interface Lowering {
  /**
   * Inputs read at compile time (shapes, axes, ratios): they must be constants, and a
   * constant read only here is never materialised as a tensor.
   */
  readonly constInputs?: readonly number[];
  /** Inputs that are host values rather than tensors (Dropout's training flag). */
  readonly hostInputs?: readonly number[];
  lower(ctx: LowerContext): string[];
}
