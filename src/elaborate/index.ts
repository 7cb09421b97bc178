/**
 * Elaboration: a checked model → an IR module with three entry points.
 *
 *   encode(src [B,S]) → memory [B,S,dk], memory_mask [B,S], bridge states, and the
 *       attention's memory-side projections (`memory/<path>/keys|values`)
 *   decode(<every encode output>, tgt [B,T], states) → logits [B,T,V]   (teacher forcing)
 *   decode_step(<every encode output>, token [B], pos [B], states) → logits [B,V], next/<state>
 *
 * Every output of encode is an input of decode and decode_step with the same name, so
 * a runtime passes them along without knowing what they are; the projections of the
 * memory are computed once per source, not once per decoded token.
 *
 * Shape problems stop elaboration of that model with an S2S3xxx diagnostic at the spec
 * range that caused them; nothing is allocated here (weights exist only as shapes), so
 * the memory budget is checked before any backend allocates.
 */
import { type CheckedModel, childSection } from "../check/index.js";
import type { Diagnostic } from "../diagnostics/index.js";
import { GraphBuilder, ShapeFailure } from "../ir/index.js";
import type { IrModule } from "../ir/index.js";
import { ElabContext, ElaborationStop } from "./context.js";
import {
  recurrentDecodeSequence,
  recurrentDecodeStep,
  recurrentStates,
  buildBridge,
  planRecurrentDecoder,
} from "./decoder-recurrent.js";
import {
  cacheStates,
  crossAttentionSpecs,
  transformerDecoder,
  type KvCache,
} from "./decoder-transformer.js";
import { prepareKeys, type AttentionSpec, type PreparedKeys } from "./attention.js";
import { embed, declareEmbeddings, paddingMask, positionsFromMask } from "./embedding.js";
import { dropout, squeeze, trainingInput, unsqueeze, width, type Emit } from "./emit.js";
import { buildEncoder } from "./encoder.js";
import { outputLogits } from "./output.js";
import { isRecurrent, planLayers } from "./plan.js";
import { floatOf } from "./settings.js";
import { nextName, type StateDecl } from "./state.js";
import { checkEstimatedBudget, checkMemoryBudget, DEFAULT_MEMORY_BUDGET } from "./budget.js";

export * from "./budget.js";
export * from "./settings.js";
export * from "./encoder.js";
export * from "./transformer.js";
export * from "./plan.js";

export interface ElaborateOptions {
  /** Bytes the weights may take (float32); default 4 GiB. */
  memoryBudgetBytes?: number | undefined;
}

export interface ElaborateResult {
  module: IrModule | undefined;
  diagnostics: Diagnostic[];
}

export function elaborate(model: CheckedModel, opts: ElaborateOptions = {}): ElaborateResult {
  const cx = new ElabContext();
  const budget = opts.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET;
  try {
    // Refuse before building: a certain excess is known from the checked model alone.
    checkEstimatedBudget(cx, model, budget);
    const module = build(cx, model);
    checkMemoryBudget(cx, model, module, budget);
    return { module, diagnostics: cx.diagnostics.items };
  } catch (e) {
    if (e instanceof ShapeFailure) {
      const range = e.range ?? model.nameRange;
      cx.diagnostics.add("S2S3000", range, `shape mismatch in ${e.op}: ${e.detail}`);
      return { module: undefined, diagnostics: cx.diagnostics.items };
    }
    if (e instanceof ElaborationStop)
      return { module: undefined, diagnostics: cx.diagnostics.items };
    throw e;
  }
}

function emitFor(cx: ElabContext, name: string, trains: boolean): Emit {
  const b = new GraphBuilder(name, cx, cx.names);
  return { b, cx, training: trains ? trainingInput(b) : undefined };
}

function build(cx: ElabContext, model: CheckedModel): IrModule {
  const root = model.root;
  const encPart = childSection(root, "encoder")!;
  const decPart = childSection(root, "decoder")!;
  const emb = declareEmbeddings(cx, root);

  // ---- encode -----------------------------------------------------------------------
  cx.beginEntryPoint();
  const enc = emitFor(cx, "encode", true);
  const src = enc.b.input("src", "int32", ["B", "S"]);
  const encoded = buildEncoder(enc, encPart, emb.source, src);
  const dk = width(enc, encoded.memory);

  const decPlan = planLayers(decPart, "decoder");
  if (decPlan.length === 0)
    cx.fail(
      "S2S3012",
      decPart.nameRange,
      "the decoder has no layers",
      "add recurrent layers or Transformer sublayers",
    );
  const recurrentDecoder = decPlan.some(
    (p) => isRecurrent(p.section.head) || p.section.head === "attention",
  );
  const recPlan = recurrentDecoder
    ? planRecurrentDecoder(enc, decPlan, emb.target.dim, dk)
    : undefined;
  const states: StateDecl[] = recPlan
    ? recurrentStates(recPlan)
    : cacheStates(enc, decPlan, emb.target.dim);
  const bridged = recPlan
    ? buildBridge(enc, root, recPlan, encoded.finals, states)
    : new Map<string, string>();
  checkSourceVisible(
    cx,
    model,
    recPlan !== undefined,
    recPlan?.attention !== undefined || decPlan.some((p) => p.section.head === "cross_attention"),
    bridged.size > 0,
  );

  enc.b.node("Identity", "encoder", [encoded.memory], {}, ["memory"]);
  enc.b.node("Identity", "encoder", [encoded.mask], {}, ["memory_mask"]);
  enc.b.output("memory");
  enc.b.output("memory_mask");
  // Memory-side projections of every attention over the memory, computed once here.
  const specs: Map<string, AttentionSpec> = recPlan
    ? new Map(recPlan.attention ? [[recPlan.attention.spec.path, recPlan.attention.spec]] : [])
    : crossAttentionSpecs(enc, decPlan, emb.target.dim, dk);
  const projected: { path: string; keys?: string; values?: string }[] = [];
  for (const [path, spec] of specs) {
    const k = prepareKeys(enc, spec, encoded.memory);
    const entry: { path: string; keys?: string; values?: string } = { path };
    for (const part of ["keys", "values"] as const) {
      if (k[part] === encoded.memory) continue;
      const name = `memory/${path}/${part}`;
      enc.b.node("Identity", path, [k[part]], {}, [name]);
      enc.b.output(name);
      entry[part] = name;
    }
    projected.push(entry);
  }
  for (const s of states) {
    const v = bridged.get(s.name);
    if (v !== undefined) {
      enc.b.node("Identity", "bridge", [v], {}, [s.name]);
      enc.b.output(s.name);
    }
  }
  const encode = enc.b.finish();

  const decDropout = floatOf(decPart, "dropout") ?? 0;

  // ---- decode (teacher forcing) -----------------------------------------------------
  cx.beginEntryPoint();
  const dec = emitFor(cx, "decode", true);
  const memory = dec.b.input("memory", "float32", ["B", "S", dk]);
  const mask = dec.b.input("memory_mask", "bool", ["B", "S"]);
  const decKeys = projectedInputs(dec, enc, projected, memory);
  const tgt = dec.b.input("tgt", "int32", ["B", "T"]);
  for (const s of states)
    dec.b.input(
      s.name,
      "float32",
      s.init === "empty" ? s.shape.map((d) => (d === "P" ? 0 : d)) : s.shape,
    );
  const tgtMask = paddingMask(dec, "decoder/mask", tgt);
  const tgtPos =
    emb.target.position === undefined
      ? undefined
      : positionsFromMask(dec, "target/position", tgtMask);
  let y = dropout(
    dec,
    "target/embedding",
    embed(dec, emb.target, "target/embedding", tgt, tgtPos),
    decDropout,
  );
  y = recPlan
    ? recurrentDecodeSequence(
        dec,
        recPlan,
        y,
        states,
        memory,
        mask,
        decKeys.get(recPlan.attention?.spec.path ?? ""),
      )
    : transformerDecoder(dec, decPart, decPlan, y, memory, mask, decKeys, undefined);
  const logits = outputLogits(dec, root, emb.target, y, ["B", "T"]);
  dec.b.node("Identity", "output", [logits], {}, ["logits"]);
  dec.b.output("logits");
  const decode = dec.b.finish();

  // ---- decode_step ------------------------------------------------------------------
  cx.beginEntryPoint();
  const st = emitFor(cx, "decode_step", false);
  const smem = st.b.input("memory", "float32", ["B", "S", dk]);
  const smask = st.b.input("memory_mask", "bool", ["B", "S"]);
  const stepKeys = projectedInputs(st, enc, projected, smem);
  const token = st.b.input("token", "int32", ["B"]);
  const pos = st.b.input("pos", "int32", ["B"]);
  const stateValues = new Map<string, string>();
  for (const s of states) stateValues.set(s.name, st.b.input(s.name, "float32", s.shape));
  const x = embed(st, emb.target, "target/embedding", token, pos);
  let out: string;
  const next = new Map<string, string>();
  if (recPlan) {
    const r = recurrentDecodeStep(
      st,
      recPlan,
      x,
      stateValues,
      smem,
      smask,
      stepKeys.get(recPlan.attention?.spec.path ?? ""),
    );
    out = r.out;
    for (const [k, v] of r.next) next.set(k, v);
  } else {
    const past = new Map<string, { key: string; value: string }>();
    for (const p of decPlan) {
      if (p.section.head === "self_attention") {
        past.set(p.path, {
          key: stateValues.get(`state/${p.path}/key`)!,
          value: stateValues.get(`state/${p.path}/value`)!,
        });
      }
    }
    const cache: KvCache = { past, present: new Map() };
    const h = transformerDecoder(
      st,
      decPart,
      decPlan,
      unsqueeze(st, "decoder", x, [1]),
      smem,
      smask,
      stepKeys,
      cache,
    );
    out = squeeze(st, "decoder", h, [1]);
    for (const [path, kv] of cache.present) {
      next.set(`state/${path}/key`, kv.key);
      next.set(`state/${path}/value`, kv.value);
    }
  }
  const stepLogits = outputLogits(st, root, emb.target, out, ["B"]);
  st.b.node("Identity", "output", [stepLogits], {}, ["logits"]);
  st.b.output("logits");
  for (const s of states) {
    // A state the step leaves unchanged (a zero-initialised c of a GRU copy) passes through.
    st.b.node("Identity", "decoder/state", [next.get(s.name) ?? stateValues.get(s.name)!], {}, [
      nextName(s.name),
    ]);
    st.b.output(nextName(s.name));
  }
  const decodeStep = st.b.finish();

  const maxLength = Math.min(
    emb.source.position?.maxLength ?? Infinity,
    emb.target.position?.maxLength ?? Infinity,
  );
  return {
    irVersion: 1,
    model: model.name,
    file: model.file,
    config: {
      sourceVocab: emb.source.vocab,
      targetVocab: emb.target.vocab,
      specials: { pad: 0, bos: 1, eos: 2, unk: 3 },
      ...(Number.isFinite(maxLength) ? { maxLength } : {}),
      state: states.map((s) => ({ name: s.name, shape: s.shape, init: s.init })),
    },
    params: cx.params,
    graphs: { encode, decode, decode_step: decodeStep },
    layers: cx.layers,
  };
}

/**
 * Declares the encode graph's memory projections as inputs of a decoder graph and
 * returns the prepared keys by attention path (`dot`/`general` read the memory itself).
 */
function projectedInputs(
  e: Emit,
  enc: Emit,
  projected: readonly { path: string; keys?: string; values?: string }[],
  memory: string,
): Map<string, PreparedKeys> {
  const out = new Map<string, PreparedKeys>();
  const input = (name: string | undefined) => {
    if (name === undefined) return memory;
    const t = enc.b.typeOf(name)!;
    return e.b.input(name, t.dtype, t.shape);
  };
  for (const p of projected) out.set(p.path, { keys: input(p.keys), values: input(p.values) });
  return out;
}

/** Brief §4: a decoder with no attention and no bridge cannot see the source. */
function checkSourceVisible(
  cx: ElabContext,
  model: CheckedModel,
  recurrent: boolean,
  attends: boolean,
  bridged: boolean,
): void {
  if (attends || (recurrent && bridged)) return;
  const dec = childSection(model.root, "decoder")!;
  cx.fail(
    "S2S3006",
    dec.nameRange,
    "the decoder has no way to see the source: no attention and no bridge",
    recurrent
      ? "add an `attention` section or set `bridge = copy` or `dense`"
      : "add a `cross_attention` sublayer",
  );
}
