/**
 * The model API of the generated code, as JavaScript source: encode / decode /
 * decodeStep / greedy over the graph functions, and (module only) load(). In-process
 * execution evaluates API_SOURCE too, so `s2sc run --backend tfjs`, training and the
 * compiled package decode with the same code.
 *
 * A `model` is `{ weights }`: tensors (or tf.Variables) by parameter name. Tensors the
 * functions return belong to the caller (dispose them, or use disposeEncoded); greedy
 * cleans up after itself, so tf.memory().numTensors is the same before and after.
 *
 * Like the prelude, this is JavaScript in a template string: no backticks, no dollar-brace.
 */

export const API_SOURCE = `
/**
 * The weights the graph functions read: the parameters and the values deriveGraph
 * computes from them alone (merged projections, ...). Outside training those are
 * computed once and cached on the model until a parameter in DERIVED_FROM changes (an
 * assign gives a tf.Variable a new dataId); a fresh weight tensor per call would also
 * make tfjs-wasm re-pack it for XNNPACK every time. Under a gradient tape (training,
 * or any tf.grads) they are computed inside it, so gradients reach the parameters.
 */
function weightsFor(model, training) {
  if (DERIVED_FROM.length === 0) return model.weights;
  if (training || tf.engine().state.gradientDepth > 0) {
    return Object.assign({}, model.weights, deriveGraph(model.weights, {}));
  }
  const ids = DERIVED_FROM.map((name) => model.weights[name].dataId);
  const cache = model.derived;
  if (cache === undefined || cache.ids.some((id, i) => id !== ids[i])) {
    if (cache !== undefined) {
      releasePrepared(Object.values(cache.tensors));
      tf.dispose(Object.values(cache.tensors));
    }
    const tensors = tf.tidy(() => deriveGraph(model.weights, {}));
    // Kept from the caller's tidy: the cache outlives this call.
    for (const t of Object.values(tensors)) tf.keep(t);
    model.derived = { ids, tensors };
  }
  return Object.assign({}, model.weights, model.derived.tensors);
}

/** Disposes what weightsFor and prepared() cached (the parameters stay). */
function releaseDerived(model) {
  releasePrepared(Object.values(model.weights));
  if (model.derived !== undefined) {
    releasePrepared(Object.values(model.derived.tensors));
    tf.dispose(Object.values(model.derived.tensors));
  }
  model.derived = undefined;
}

/** Pads token id lists with <pad> into an int32 [batch, length] tensor (a tensor passes through). */
function ids(seqs) {
  if (seqs instanceof tf.Tensor) return seqs;
  const length = Math.max(1, ...seqs.map((s) => s.length));
  const data = new Int32Array(seqs.length * length).fill(CONFIG.specials.pad);
  seqs.forEach((s, b) => data.set(s, b * length));
  return tf.tensor2d(data, [seqs.length, length], "int32");
}

/** The decoder's initial state: bridge outputs of encode, zeros, or empty caches (P = 0). */
function initialStates(encoded, batch) {
  const states = {};
  for (const s of CONFIG.state) {
    const shape = s.shape.map((d) => (d === "B" ? batch : typeof d === "number" ? d : 0));
    states[s.name] = s.init === "encoder" ? encoded[s.name] : tf.zeros(shape);
  }
  return states;
}

/**
 * Runs the encoder over source ids (lists of numbers, or an int32 [B, S] tensor):
 * { outputs, states }. outputs holds every output of the encode graph by name (memory
 * [B, S, d], memory_mask [B, S], bridge states, projections of the memory), which
 * decode and decodeStep read by the same names; states is the decoder's initial state.
 */
function encode(model, src, options = {}) {
  return tf.tidy(() => {
    const x = ids(src);
    const training = options.training === true;
    const outputs = encodeGraph(weightsFor(model, training), { src: x, training });
    return { outputs, states: initialStates(outputs, x.shape[0]) };
  });
}

/**
 * Teacher-forced logits [B, T, V]: position t reads tgtIn[0..t] (tgtIn starts with
 * <bos>) and scores the next token.
 */
function decode(model, encoded, tgtIn, options = {}) {
  return tf.tidy(() => {
    const inputs = Object.assign({}, encoded.outputs, encoded.states, {
      tgt: ids(tgtIn),
      training: options.training === true,
    });
    return decodeGraph(weightsFor(model, inputs.training), inputs)["logits"];
  });
}

/** One decoding step: logits [B, V] for tokens (one per batch entry) at position pos, and the next states. */
function decodeStep(model, encoded, states, tokens, pos) {
  return tf.tidy(() => {
    const token = tokens instanceof tf.Tensor ? tokens : tf.tensor1d(tokens, "int32");
    const inputs = Object.assign({}, encoded.outputs, states, {
      token,
      pos: tf.fill([token.shape[0]], pos, "int32"),
      training: false,
    });
    const out = decodeStepGraph(weightsFor(model, false), inputs);
    const next = {};
    for (const s of CONFIG.state) next[s.name] = out["next/" + s.name];
    return { logits: out["logits"], states: next };
  });
}

/** Disposes the tensors of states that keep (and the encoder outputs) do not hold. */
function releaseStates(states, keep, encoded) {
  const held = new Set(Object.values(keep).concat(Object.values(encoded.outputs)));
  for (const t of Object.values(states)) if (!held.has(t)) t.dispose();
}

/** Disposes what encode returned. */
function disposeEncoded(encoded) {
  releaseStates(encoded.states, {}, encoded);
  tf.dispose(Object.values(encoded.outputs));
}

/**
 * Greedy decoding: the most likely token at every step until <eos> (not included) or
 * maxLength tokens (default 2·|src| + 10, and never past the position table). <pad>
 * and <bos> are never chosen (as in the interpreter). Resolves to one list of token ids
 * per source sequence.
 */
async function greedy(model, src, options = {}) {
  const { bos, eos, pad } = CONFIG.specials;
  const never = tf.tensor1d(Array.from({ length: CONFIG.targetVocab }, (_, v) => v === pad || v === bos), "bool");
  const encoded = encode(model, src);
  const [batch, srcLength] = encoded.outputs["memory_mask"].shape;
  const limit = Math.min(options.maxLength ?? 2 * srcLength + 10, (CONFIG.maxLength ?? Infinity) - 1);
  const out = Array.from({ length: batch }, () => []);
  const done = new Array(batch).fill(false);
  let states = encoded.states;
  let tokens = new Array(batch).fill(bos);
  try {
    for (let t = 0; t < limit && done.some((d) => !d); t++) {
      const step = decodeStep(model, encoded, states, tokens, t);
      releaseStates(states, step.states, encoded);
      states = step.states;
      const best = tf.tidy(() => tf.argMax(tf.where(never, tf.scalar(-Infinity), step.logits), -1));
      step.logits.dispose();
      tokens = Array.from(await best.data());
      best.dispose();
      tokens.forEach((token, b) => {
        if (done[b]) return;
        if (token === eos) done[b] = true;
        else out[b].push(token);
      });
    }
  } finally {
    releaseStates(states, {}, encoded);
    tf.dispose(Object.values(encoded.outputs).concat([never]));
  }
  return out;
}
`;

/** The module-only part: loading a compiled directory, in Node or a browser. */
export const LOAD_SOURCE = `
const isNode = typeof process !== "undefined" && process.versions != null && process.versions.node != null;

/** A directory URL (with a trailing slash) from a URL, a URL string or (in Node) a path. */
async function directoryUrl(base) {
  const slash = (s) => (s.endsWith("/") ? s : s + "/");
  if (base instanceof URL) return new URL(slash(base.href));
  if (/^[a-z][a-z0-9+.-]+:/i.test(base)) return new URL(slash(base));
  if (isNode) {
    const { pathToFileURL } = await import("node:url");
    return new URL(slash(pathToFileURL(base).href));
  }
  return new URL(slash(base), globalThis.location.href);
}

async function readBytes(url) {
  if (url.protocol === "file:") {
    const { readFile } = await import("node:fs/promises");
    const b = await readFile(url);
    return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength);
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error("cannot load " + url.href + ": HTTP " + response.status);
  return response.arrayBuffer();
}

/**
 * Selects a tfjs backend. "wasm" imports @tensorflow/tfjs-backend-wasm on demand (install
 * it next to @tensorflow/tfjs) unless it is registered already; wasmPaths says where its
 * .wasm files are (in Node it defaults to the installed package's dist directory).
 */
async function useBackend(name, wasmPaths) {
  if (name === "wasm" && (wasmPaths !== undefined || tf.findBackendFactory("wasm") == null)) {
    const specifier = "@tensorflow/tfjs-backend-wasm";
    const wasm = await import(specifier);
    let paths = wasmPaths;
    if (paths === undefined && isNode) {
      const { fileURLToPath } = await import("node:url");
      const entry = fileURLToPath(import.meta.resolve(specifier));
      paths = entry.slice(0, Math.max(entry.lastIndexOf("/"), entry.lastIndexOf("\\\\")) + 1);
    }
    if (paths !== undefined) wasm.setWasmPaths(paths);
  }
  if (!(await tf.setBackend(name))) throw new Error("the tfjs backend " + name + " cannot start here");
  await tf.ready();
}

/**
 * Loads the model: model.json, the weights manifest and its shards, from base (a
 * directory URL or, in Node, a path; default: the directory of this module).
 * Options: backend ("cpu", "wasm", "webgl", ...), wasmPaths. Resolves to a model with
 * the API bound: encode, decode, decodeStep, greedy, disposeEncoded, dispose.
 */
async function load(base = new URL(".", import.meta.url), options = {}) {
  if (options.backend !== undefined) await useBackend(options.backend, options.wasmPaths);
  const dir = await directoryUrl(base);
  const text = async (name) => JSON.parse(new TextDecoder().decode(await readBytes(new URL(name, dir))));
  const description = await text("model.json");
  const manifest = await text(description.weightsManifest);
  const weights = {};
  for (const group of manifest) {
    const shards = await Promise.all(group.paths.map((p) => readBytes(new URL(p, dir))));
    Object.assign(weights, tf.io.decodeWeights(shards, group.weights));
  }
  const missing = CONFIG.params.filter((name) => !(name in weights));
  if (missing.length > 0) throw new Error("the weights lack " + missing.join(", "));
  const model = { config: CONFIG, description, weights };
  return Object.assign(model, {
    encode: (src, o) => encode(model, src, o),
    decode: (encoded, tgtIn, o) => decode(model, encoded, tgtIn, o),
    decodeStep: (encoded, states, tokens, pos) => decodeStep(model, encoded, states, tokens, pos),
    greedy: (src, o) => greedy(model, src, o),
    disposeEncoded,
    dispose: () => dispose(model),
  });
}

/** Disposes a loaded model's weights (and what weightsFor cached from them). */
function dispose(model) {
  releaseDerived(model);
  tf.dispose(Object.values(model.weights));
}
`;
