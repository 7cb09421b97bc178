/**
 * Selecting the tfjs backend for in-process execution: `cpu` (pure JavaScript) or
 * `wasm` (XNNPACK with SIMD; single-threaded in Node, and many times faster at matmul).
 *
 * Where the wasm backend finds its .wasm files depends on the host: a page serves them
 * from its own URL, Node reads them from the installed package (src/node/tfjs-backend.ts
 * resolves that directory). The caller says where (`wasmPaths`), once; without it the
 * backend looks next to its own script, which works in Node from a checkout.
 */
import * as tf from "@tensorflow/tfjs";
import type { TfBackend } from "../backends/tfjs/index.js";

export interface TfBackendOptions {
  /**
   * Where tfjs-backend-wasm's .wasm binaries are: a directory URL or path with a
   * trailing slash (tfjs-backend-wasm's setWasmPaths). Remembered for later calls; only
   * the first start of the wasm backend reads it.
   */
  wasmPaths?: string;
}

let wasmPaths: string | undefined;
let wasmPathsApplied = false;

async function prepareWasm(): Promise<void> {
  const wasm = await import("@tensorflow/tfjs-backend-wasm");
  if (wasmPaths !== undefined && !wasmPathsApplied) {
    wasm.setWasmPaths(wasmPaths);
    wasmPathsApplied = true;
  }
}

/**
 * Makes `name` the active tfjs backend (once started, a backend stays registered, so
 * switching back and forth is cheap). Production mode silences tfjs's console advice
 * about tfjs-node, which cannot be installed here.
 */
export async function useTfBackend(name: TfBackend, options: TfBackendOptions = {}): Promise<void> {
  if (options.wasmPaths !== undefined) wasmPaths = options.wasmPaths;
  tf.enableProdMode();
  if (name === "wasm") await prepareWasm();
  if (tf.getBackend() !== name && !(await tf.setBackend(name))) {
    throw new Error(`the tfjs backend ${name} cannot start`);
  }
  await tf.ready();
}
