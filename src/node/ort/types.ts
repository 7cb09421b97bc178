/**
 * The part of onnxruntime-node's API that s2sc uses, declared here rather than imported:
 * onnxruntime-node is an optional peer dependency, and the published .d.ts files must
 * type-check for a TypeScript user who has not installed it (without skipLibCheck).
 * load.ts checks that the real module fits these types, so they cannot drift unseen.
 */

/** An ORT tensor: its element type, dims and (for the CPU tensors used here) its data. */
export interface OrtTensor {
  readonly type: string;
  readonly dims: readonly number[];
  /** A typed array for numeric and bool tensors. */
  readonly data: unknown;
}

export type OrtTensors = Record<string, OrtTensor>;

export interface OrtSessionOptions {
  intraOpNumThreads?: number;
  interOpNumThreads?: number;
  executionProviders?: string[];
  logSeverityLevel?: 0 | 1 | 2 | 3 | 4;
}

/** One loaded graph (an InferenceSession). */
export interface OrtSession {
  readonly inputNames: readonly string[];
  run(feeds: OrtTensors): Promise<OrtTensors>;
  release(): Promise<void>;
}

/** The module: sessions from serialised models, and CPU tensors. */
export interface Ort {
  InferenceSession: {
    create(model: Uint8Array, options?: OrtSessionOptions): Promise<OrtSession>;
  };
  Tensor: new (
    type: "float32" | "int32",
    data: Float32Array | Int32Array,
    dims: readonly number[],
  ) => OrtTensor;
}
