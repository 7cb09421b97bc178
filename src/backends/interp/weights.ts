/**
 * Initial weights for an IR module from a seed. Each parameter draws from its own
 * generator, seeded from (seed, parameter name), so the same seed gives the same
 * weights on every machine, and adding a layer does not change the others' weights.
 */
import type { Init, IrModule, Parameter } from "../../ir/index.js";
import { initTensor, type InitSpec } from "./init.js";
import { makeTensor, Rng, sizeOf, type Tensor } from "../../reference/index.js";

/** FNV-1a over the name, mixed with the seed: a stable 32-bit stream id. */
export function paramSeed(seed: number, name: string): number {
  let h = (0x811c9dc5 ^ (seed >>> 0)) >>> 0;
  for (let i = 0; i < name.length; i++) {
    h ^= name.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** The paper's sinusoidal table, interleaved: PE(p, 2i) = sin(p / 10000^(2i/d)), PE(p, 2i+1) = cos(...). */
export function sinusoidalTable(rows: number, d: number): Float32Array {
  const out = new Float32Array(rows * d);
  for (let p = 0; p < rows; p++) {
    for (let i = 0; i < d; i += 2) {
      const angle = p / Math.pow(10000, i / d);
      out[p * d + i] = Math.sin(angle);
      if (i + 1 < d) out[p * d + i + 1] = Math.cos(angle);
    }
  }
  return out;
}

function toSpec(init: Init): InitSpec | undefined {
  switch (init.kind) {
    case "glorot_uniform":
      return { name: "glorot_uniform", fanIn: init.fanIn, fanOut: init.fanOut };
    case "uniform":
      return { name: "uniform", limit: init.limit };
    case "normal":
      return { name: "normal", std: init.std };
    case "zeros":
      return { name: "zeros" };
    case "ones":
      return { name: "ones" };
    default:
      return undefined;
  }
}

export function initParameter(p: Parameter, seed: number): Tensor {
  const dims = p.shape;
  const init = p.init;
  switch (init.kind) {
    case "sinusoidal":
      return makeTensor("float32", dims, sinusoidalTable(dims[0]!, dims[1]!));
    case "lstm_bias": {
      // ONNX gate order i, o, f, c: the forget block is the third H-slice per direction.
      const data = new Float32Array(sizeOf(dims));
      const H = init.hidden;
      for (let d = 0; d < init.directions; d++) data.fill(1, d * 4 * H + 2 * H, d * 4 * H + 3 * H);
      return makeTensor("float32", dims, data);
    }
    case "orthogonal": {
      // One orthogonal [H, H] block per gate: R is [dirs, G·H, H].
      const rng = new Rng(paramSeed(seed, p.name));
      const [dirs, gh, h] = dims as [number, number, number];
      const data = new Float32Array(dirs * gh * h);
      const blocks = init.blocks;
      for (let d = 0; d < dirs; d++) {
        for (let g = 0; g < blocks; g++) {
          const block = initTensor({ name: "orthogonal" }, [gh / blocks, h], rng)
            .data as Float32Array;
          data.set(block, (d * blocks + g) * block.length);
        }
      }
      return makeTensor("float32", dims, data);
    }
    default:
      return initTensor(toSpec(init)!, dims, new Rng(paramSeed(seed, p.name)));
  }
}

export function initWeights(module: IrModule, seed: number): Map<string, Tensor> {
  const out = new Map<string, Tensor>();
  for (const p of module.params) out.set(p.name, initParameter(p, seed));
  return out;
}
