/**
 * Small hand-built IR modules for the IR tests: built with GraphBuilder, so they are
 * correct by construction, and then corrupted by individual tests.
 */
import { GraphBuilder, int, ints, uniqueNames, type ValueLookup } from "../../src/ir/builder.js";
import type { ConstTensor, Graph, IrModule, Parameter, TensorType } from "../../src/ir/types.js";

/** A parameter table that graphs can read (the elaborator's context, reduced). */
export class Params implements ValueLookup {
  readonly list: Parameter[] = [];

  add(path: string, local: string, shape: number[], trainable = true): string {
    const name = `${path}/${local}`;
    this.list.push({
      name,
      path,
      dtype: "float32",
      shape,
      init: trainable
        ? { kind: "glorot_uniform", fanIn: shape[0]!, fanOut: shape.at(-1)! }
        : { kind: "sinusoidal" },
      role: trainable ? "projection" : "position",
      trainable,
    });
    return name;
  }

  typeOf(name: string): TensorType | undefined {
    const p = this.list.find((x) => x.name === name);
    return p === undefined ? undefined : { dtype: p.dtype, shape: [...p.shape] };
  }

  constOf(_name: string): ConstTensor | undefined {
    return undefined;
  }
}

export const D = 8;
export const V = 10;

/**
 * A tiny attention model with every feature the verifier cares about: parameters, a
 * buffer, Constant-fed shape ops, an Attention node, decoder state and a Scan.
 *
 *   encode:      src [B,S] → Gather → MatMul(enc/w) → memory [B,S,D]
 *   decode:      tgt [B,T] → Gather → Attention(memory) → Scan(h) over T → MatMul(out/w)
 *   decode_step: token [B] → Gather → Unsqueeze → Attention(memory) → MatMul(out/w)
 */
export function tinyModule(): IrModule {
  const params = new Params();
  const names = uniqueNames();
  const srcEmb = params.add("source/embedding", "weight", [V, D]);
  const tgtEmb = params.add("target/embedding", "weight", [V, D]);
  const encW = params.add("encoder/proj", "weight", [D, D]);
  const cellW = params.add("decoder/cell", "weight", [D, D]);
  const outW = params.add("output", "weight", [D, V]);
  params.add("source/position", "table", [16, D], false);

  const enc = new GraphBuilder("encode", params, names);
  const src = enc.input("src", "int32", ["B", "S"]);
  const x = enc.op("Gather", "source/embedding", [srcEmb, src], { axis: int(0) });
  enc.node("MatMul", "encoder/proj", [x, encW], {}, ["memory"]);
  enc.output("memory");
  const encode = enc.finish();

  const dec = new GraphBuilder("decode", params, names);
  const memory = dec.input("memory", "float32", ["B", "S", D]);
  const tgt = dec.input("tgt", "int32", ["B", "T"]);
  const h0 = dec.input("state/h", "float32", ["B", D]);
  const y = dec.op("Gather", "target/embedding", [tgtEmb, tgt], { axis: int(0) });
  const heads = { q_num_heads: int(1), kv_num_heads: int(1) };
  const att = dec.op("Attention", "decoder/attention", [y, memory, memory], heads);
  // Scan steps along axis 0: time-major in, time-major out.
  const perm = dec.op("Transpose", "decoder/cell", [att], { perm: ints([1, 0, 2]) });
  const scan = scanCell(dec, cellW);
  const [, hs] = dec.node(
    "Scan",
    "decoder/cell",
    [h0, perm],
    { body: { kind: "graph", value: scan }, num_scan_inputs: int(1) },
    2,
  );
  const back = dec.op("Transpose", "decoder/cell", [hs!], { perm: ints([1, 0, 2]) });
  dec.node("MatMul", "output", [back, outW], {}, ["logits"]);
  dec.output("logits");
  const decode = dec.finish();

  const st = new GraphBuilder("decode_step", params, names);
  const smem = st.input("memory", "float32", ["B", "S", D]);
  const token = st.input("token", "int32", ["B"]);
  const sh = st.input("state/h", "float32", ["B", D]);
  const e = st.op("Gather", "target/embedding", [tgtEmb, token], { axis: int(0) });
  const axes = st.constant("decoder/attention", "int64", [1], [1]);
  const q = st.op("Unsqueeze", "decoder/attention", [e, axes]);
  const a = st.op("Attention", "decoder/attention", [q, smem, smem], heads);
  const a2 = st.op("Squeeze", "decoder/attention", [a, axes]);
  const h1 = st.op("Add", "decoder/cell", [a2, sh]);
  const h2 = st.op("MatMul", "decoder/cell", [h1, cellW]);
  st.node("MatMul", "output", [h2, outW], {}, ["logits"]);
  st.node("Identity", "decoder/state", [h2], {}, ["next/state/h"]);
  st.output("logits");
  st.output("next/state/h");
  const decodeStep = st.finish();

  return {
    irVersion: 1,
    model: "tiny",
    file: "tiny.s2s",
    config: {
      sourceVocab: V,
      targetVocab: V,
      specials: { pad: 0, bos: 1, eos: 2, unk: 3 },
      state: [{ name: "state/h", shape: ["B", D], init: "zeros" }],
    },
    params: params.list,
    graphs: { encode, decode, decode_step: decodeStep },
    layers: [
      { path: "source/embedding", kind: "embedding", outputShape: ["B", "S", D], params: V * D },
      { path: "encoder/proj", kind: "linear", outputShape: ["B", "S", D], params: D * D },
      { path: "decoder/cell", kind: "cell", outputShape: ["B", "T", D], params: D * D },
      { path: "output", kind: "linear", outputShape: ["B", "T", V], params: D * V },
    ],
  };
}

/** A Scan body: h' = (h + x)·W, emitting h' as both the new state and the step output. */
function scanCell(outer: GraphBuilder, w: string): Graph {
  const b = new GraphBuilder("decoder_cell", outer, uniqueNames());
  const h = b.input("cell/h", "float32", ["B", D]);
  const x = b.input("cell/x", "float32", ["B", D]);
  const s = b.op("Add", "decoder/cell", [h, x]);
  const [hn] = b.node("MatMul", "decoder/cell", [s, w], {}, ["cell/h_next"]);
  b.node("Identity", "decoder/cell", [hn!], {}, ["cell/y"]);
  b.output("cell/h_next");
  b.output("cell/y");
  return b.finish();
}

/** A deep copy, so that a test can corrupt a module without touching others. */
export function clone<T>(v: T): T {
  return structuredClone(v);
}
