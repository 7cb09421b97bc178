/**
 * Decoder state threaded through decode_step: recurrent states, the input-feeding
 * vector, and self-attention key/value caches. Each entry is an input of decode_step
 * and of the teacher-forced decode (its initial value), and `next/<name>` is the
 * matching output of decode_step.
 */
import type { Dim } from "../ir/index.js";

export interface StateDecl {
  name: string;
  shape: Dim[];
  /** `encoder`: an output of the encode graph (the bridge); `zeros`; `empty`: a cache with P = 0. */
  init: "encoder" | "zeros" | "empty";
}

export const nextName = (name: string): string => `next/${name}`;
