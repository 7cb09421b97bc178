/**
 * Selecting the tfjs backend for in-process execution: `cpu` (pure JavaScript) or
 * `wasm` (XNNPACK with SIMD; single-threaded in Node, and many times faster at matmul).
 *
 * In Node the wasm backend cannot find its .wasm files by itself: they are located in
 * the installed package's dist directory (resolved from this module, so it works from
 * a checkout, from dist/ and from a global install) and passed to setWasmPaths before
 * the backend starts.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import * as tf from "@tensorflow/tfjs";
import type { TfBackend } from "./tf-backends.js";

export { TF_BACKENDS, type TfBackend } from "./tf-backends.js";

let wasmPathsSet = false;

/** The directory holding tfjs-backend-wasm's .wasm binaries, with a trailing slash. */
export function wasmDirectory(): string {
  const entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  return `${dirname(entry)}/`;
}

async function prepareWasm(): Promise<void> {
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  if (!wasmPathsSet) {
    wasm.setWasmPaths(wasmDirectory());
    wasmPathsSet = true;
  }
}

/**
 * Makes `name` the active tfjs backend (once started, a backend stays registered, so
 * switching back and forth is cheap). Production mode silences tfjs's console advice
 * about tfjs-node, which cannot be installed here.
 */
export async function useTfBackend(name: TfBackend): Promise<void> {
  tf.enableProdMode();
  if (name === "wasm") await prepareWasm();
  if (tf.getBackend() !== name && !(await tf.setBackend(name))) {
    throw new Error(`the tfjs backend ${name} cannot start`);
  }
  await tf.ready();
}
