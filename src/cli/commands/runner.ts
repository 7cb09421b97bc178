/**
 * One backend's forward passes, as `run` needs them. Its own module: `run` loads the
 * tfjs and ORT runners lazily, and they implement this without importing `run` back.
 */
import type { Tensor } from "../../reference/index.js";

export interface Runner {
  /** How the output names the backend ("the interpreter", "tfjs (wasm)"). */
  label: string;
  greedy(src: number[], maxLength: number): Promise<number[]>;
  /** Teacher-forced logits [1, T, V] for one sequence; `tgtIn` starts with <bos>. */
  logits(src: number[], tgtIn: number[]): Promise<Tensor>;
  dispose(): void;
}
