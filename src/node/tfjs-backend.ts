/**
 * The tfjs backend in Node: the wasm backend's .wasm files are located in the installed
 * package's dist directory (resolved from this module, so it works from a checkout,
 * from dist/ and from a global install) and handed to the core's useTfBackend, which is
 * imported on first use: the node entry must not start tfjs when it is imported.
 */
import { createRequire } from "node:module";
import { dirname } from "node:path";
import type { TfBackend } from "../backends/tfjs/index.js";

/** The directory holding tfjs-backend-wasm's .wasm binaries, with a trailing slash. */
export function wasmDirectory(): string {
  const entry = createRequire(import.meta.url).resolve("@tensorflow/tfjs-backend-wasm");
  return `${dirname(entry)}/`;
}

/** useTfBackend with the wasm files of the installed package. */
export async function useTfBackendNode(name: TfBackend): Promise<void> {
  const { useTfBackend } = await import("../runtime/index.js");
  return useTfBackend(name, name === "wasm" ? { wasmPaths: wasmDirectory() } : {});
}
