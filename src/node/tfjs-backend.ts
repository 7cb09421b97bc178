/**
 * The tfjs backend in Node: the wasm backend's .wasm files are located in the installed
 * package's dist directory (resolved from this module, so it works from a checkout,
 * from dist/ and from a global install) and handed to the core's useTfBackend.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import { useTfBackend, type TfBackend } from "../backends/tfjs/index.js";

/** The directory holding tfjs-backend-wasm's .wasm binaries, with a trailing slash. */
export function wasmDirectory(): string {
  const entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  return `${dirname(entry)}/`;
}

/** useTfBackend with the wasm files of the installed package. */
export function useTfBackendNode(name: TfBackend): Promise<void> {
  return useTfBackend(name, name === "wasm" ? { wasmPaths: wasmDirectory() } : {});
}
