/**
 * Loading a compiled directory, in Node or a browser: only the package's runtime file
 * carries this (package-entry.ts); in-process execution gets its weights from the
 * caller. Node's modules are imported on demand, so the same file runs in a browser.
 */
import * as tf from "@tensorflow/tfjs";
import type { ApiModel, Encoded, ModelApi, ModelConfig, Tensors, TokenIds } from "./api.js";

const isNode =
  typeof process !== "undefined" && process.versions != null && process.versions.node != null;

/**
 * A module imported on demand: Node's own (only ever in Node) or the optional wasm
 * backend. The name is a variable so that a bundler building the package for a browser
 * leaves these imports alone instead of failing to resolve them.
 */
function importOnDemand<T>(name: string): Promise<T> {
  return import(name) as Promise<T>;
}

interface NodeUrl {
  pathToFileURL(path: string): URL;
  fileURLToPath(url: string): string;
}

interface NodeFs {
  readFile(url: URL): Promise<Uint8Array>;
}

/** A directory URL (with a trailing slash) from a URL, a URL string or (in Node) a path. */
async function directoryUrl(base: string | URL): Promise<URL> {
  const slash = (s: string) => (s.endsWith("/") ? s : `${s}/`);
  if (base instanceof URL) return new URL(slash(base.href));
  if (/^[a-z][a-z0-9+.-]+:/i.test(base)) return new URL(slash(base));
  if (isNode) {
    const { pathToFileURL } = await importOnDemand<NodeUrl>("node:url");
    return new URL(slash(pathToFileURL(base).href));
  }
  return new URL(slash(base), (globalThis as { location?: { href: string } }).location?.href);
}

async function readBytes(url: URL): Promise<ArrayBuffer> {
  if (url.protocol === "file:") {
    const { readFile } = await importOnDemand<NodeFs>("node:fs/promises");
    const b = await readFile(url);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot load ${url.href}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

/**
 * Selects a tfjs backend. "wasm" imports @tensorflow/tfjs-backend-wasm on demand (install
 * it next to @tensorflow/tfjs) unless it is registered already; wasmPaths says where its
 * .wasm files are (in Node it defaults to the installed package's dist directory).
 */
async function useBackend(name: string, wasmPaths: string | undefined): Promise<void> {
  if (name === "wasm" && (wasmPaths !== undefined || tf.findBackendFactory("wasm") == null)) {
    const specifier = "@tensorflow/tfjs-backend-wasm";
    const wasm = await importOnDemand<{ setWasmPaths(paths: string): void }>(specifier);
    let paths = wasmPaths;
    if (paths === undefined && isNode) {
      const { fileURLToPath } = await importOnDemand<NodeUrl>("node:url");
      const entry = fileURLToPath(import.meta.resolve(specifier));
      paths = entry.slice(0, Math.max(entry.lastIndexOf("/"), entry.lastIndexOf("\\")) + 1);
    }
    if (paths !== undefined) wasm.setWasmPaths(paths);
  }
  if (!(await tf.setBackend(name))) throw new Error(`the tfjs backend ${name} cannot start here`);
  await tf.ready();
}

export interface LoadOptions {
  /** "cpu", "wasm", "webgl", ... (default: tfjs's current backend). */
  backend?: string;
  /** Where tfjs-backend-wasm's .wasm files are. */
  wasmPaths?: string;
}

/** A loaded model: its description and weights, with the API bound to it. */
export interface LoadedModel extends ApiModel {
  config: ModelConfig;
  description: unknown;
  encode(src: TokenIds, options?: { training?: boolean }): Encoded;
  decode(encoded: Encoded, tgtIn: TokenIds, options?: { training?: boolean }): tf.Tensor;
  decodeStep(
    encoded: Encoded,
    states: Tensors,
    tokens: number[] | tf.Tensor,
    pos: number,
  ): { logits: tf.Tensor; states: Tensors };
  greedy(src: number[][], options?: { maxLength?: number }): Promise<number[][]>;
  disposeEncoded(encoded: Encoded): void;
  dispose(): void;
}

interface WeightsGroup {
  paths: string[];
  weights: tf.io.WeightsManifestEntry[];
}

/** Disposes a loaded model's weights (and what the API cached from them). */
export function disposeModel(api: ModelApi, model: ApiModel): void {
  api.releaseDerived(model);
  tf.dispose(Object.values(model.weights));
}

/**
 * Loads a model: model.json, the weights manifest and its shards, from base (a
 * directory URL or, in Node, a path). Resolves to a model with the API bound: encode,
 * decode, decodeStep, greedy, disposeEncoded, dispose.
 */
export async function loadModel(
  api: ModelApi,
  base: string | URL,
  options: LoadOptions = {},
): Promise<LoadedModel> {
  if (options.backend !== undefined) await useBackend(options.backend, options.wasmPaths);
  const dir = await directoryUrl(base);
  const json = async (name: string): Promise<unknown> =>
    JSON.parse(new TextDecoder().decode(await readBytes(new URL(name, dir))));
  const description = (await json("model.json")) as { weightsManifest: string };
  const manifest = (await json(description.weightsManifest)) as WeightsGroup[];
  const weights: Tensors = {};
  for (const group of manifest) {
    const shards = await Promise.all(group.paths.map((p) => readBytes(new URL(p, dir))));
    Object.assign(weights, tf.io.decodeWeights(shards, group.weights));
  }
  const missing = api.CONFIG.params.filter((name) => !(name in weights));
  if (missing.length > 0) throw new Error(`the weights lack ${missing.join(", ")}`);
  const model: ApiModel = { weights };
  return Object.assign(model, {
    config: api.CONFIG,
    description,
    encode: (src: TokenIds, o?: { training?: boolean }) => api.encode(model, src, o),
    decode: (encoded: Encoded, tgtIn: TokenIds, o?: { training?: boolean }) =>
      api.decode(model, encoded, tgtIn, o),
    decodeStep: (encoded: Encoded, states: Tensors, tokens: number[] | tf.Tensor, pos: number) =>
      api.decodeStep(model, encoded, states, tokens, pos),
    greedy: (src: number[][], o?: { maxLength?: number }) => api.greedy(model, src, o),
    disposeEncoded: (encoded: Encoded) => api.disposeEncoded(encoded),
    dispose: () => disposeModel(api, model),
  });
}
