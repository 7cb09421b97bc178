/**
 * Recurrent decoders: stacked LSTM/GRU/RNN layers with at most one `attention`.
 *
 * - attention after the recurrent layers: Luong's global attention on the top state,
 *   h̃ = tanh(W_c[c; h]); with `input_feeding`, h̃ of the previous step joins the first
 *   layer's input.
 * - attention before them: computed from the previous top state, its context joins the
 *   first layer's input (RNNsearch).
 *
 * When nothing feeds back (no attention, or attention after without input feeding) the
 * teacher-forced decode runs each layer over the whole target at once; otherwise it is
 * a Scan whose body is the same step function decode_step uses.
 */
import type { ResolvedSection } from "../check/index.js";
import { GraphBuilder, int, ints } from "../ir/index.js";
import {
  attend,
  attentionalState,
  attentionSpec,
  type AttentionSpec,
  type PreparedKeys,
} from "./attention.js";
import { concatLast, linear, squeeze, unsqueeze, width, type Emit } from "./emit.js";
import type { EncoderFinalState } from "./encoder.js";
import { isRecurrent, type PlannedSection } from "./plan.js";
import { recurrentLayer, recurrentSpec, type RecurrentSpec } from "./recurrent.js";
import { boolOf, rangeOf, wordOf } from "./settings.js";
import type { StateDecl } from "./state.js";

export interface RecurrentDecoderPlan {
  layers: RecurrentSpec[];
  attention:
    { spec: AttentionSpec; placement: "before" | "after"; inputFeeding: boolean } | undefined;
}

export function planRecurrentDecoder(
  e: Emit,
  plan: readonly PlannedSection[],
  embedDim: number,
  memoryDim: number,
): RecurrentDecoderPlan {
  const layers: RecurrentSpec[] = [];
  let att: PlannedSection | undefined;
  let attIndex = -1;
  plan.forEach((p, i) => {
    const s = p.section;
    if (isRecurrent(s.head)) {
      if (boolOf(s, "bidirectional")) {
        e.cx.fail(
          "S2S3010",
          rangeOf(s, "bidirectional"),
          "a decoder layer cannot be bidirectional: it runs one token at a time",
          "remove `bidirectional = true`",
        );
      }
      layers.push(recurrentSpec(s, p.path));
    } else if (s.head === "attention") {
      if (att !== undefined) secondAttention(e, plan, att, p);
      att = p;
      attIndex = i;
    } else {
      e.cx.fail(
        "S2S3008",
        s.nameRange,
        `\`${s.head}\` cannot be mixed with recurrent layers in a decoder`,
        "use `attention` in a recurrent decoder, or make the decoder all Transformer sublayers",
      );
    }
  });
  if (layers.length === 0)
    e.cx.fail("S2S3012", plan[0]!.section.nameRange, "the decoder has no recurrent layers");
  if (att === undefined) return { layers, attention: undefined };
  const before = plan.slice(0, attIndex).every((p) => !isRecurrent(p.section.head));
  const after = plan.slice(attIndex + 1).every((p) => !isRecurrent(p.section.head));
  if (!before && !after) {
    e.cx.fail(
      "S2S3008",
      att.section.nameRange,
      "`attention` must come before or after all recurrent layers of the decoder",
    );
  }
  const placement = before ? "before" : "after";
  const inputFeeding = boolOf(att.section, "input_feeding") === true;
  if (inputFeeding && placement === "before") {
    e.cx.fail(
      "S2S3009",
      rangeOf(att.section, "input_feeding"),
      "input feeding needs attention after the recurrent layers",
      "move `attention` after the recurrent layers, or drop `input_feeding`",
    );
  }
  // The query is the top layer's state in both placements.
  const dq = layers[layers.length - 1]!.hidden;
  const spec = attentionSpec(e.cx, att.section, att.path, dq, memoryDim);
  void embedDim;
  return { layers, attention: { spec, placement, inputFeeding } };
}

/** The decoder's state: h (and c for LSTM) per layer, plus the input-feeding vector. */
export function recurrentStates(p: RecurrentDecoderPlan): StateDecl[] {
  const out: StateDecl[] = [];
  for (const l of p.layers) {
    out.push({ name: `state/${l.path}/h`, shape: ["B", l.hidden], init: "zeros" });
    if (l.cell === "lstm")
      out.push({ name: `state/${l.path}/c`, shape: ["B", l.hidden], init: "zeros" });
  }
  if (p.attention?.inputFeeding)
    out.push({
      name: "state/decoder/feed",
      shape: ["B", p.layers[p.layers.length - 1]!.hidden],
      init: "zeros",
    });
  return out;
}

/**
 * The bridge, in the encode graph: initial decoder states from the encoder's final
 * states. Marks the states it provides as `init: "encoder"` and returns their values.
 */
export function buildBridge(
  e: Emit,
  root: ResolvedSection,
  p: RecurrentDecoderPlan,
  finals: readonly EncoderFinalState[],
  states: StateDecl[],
): Map<string, string> {
  const kind = wordOf(root, "bridge") ?? "copy";
  const range = rangeOf(root, "bridge");
  const values = new Map<string, string>();
  if (kind === "zero") return values;
  if (finals.length === 0) {
    e.cx.fail(
      "S2S3011",
      range,
      `\`bridge = ${kind}\` needs recurrent encoder layers to take a final state from`,
      "set `bridge = zero` and let attention carry the source",
    );
  }
  const provide = (name: string, value: string) => {
    const s = states.find((x) => x.name === name)!;
    s.init = "encoder";
    values.set(name, value);
  };
  if (kind === "copy") {
    if (finals.length !== p.layers.length) {
      e.cx.fail(
        "S2S3005",
        range,
        `\`bridge = copy\` needs as many encoder as decoder layers (${finals.length} vs ${p.layers.length})`,
        "use `bridge = dense`, or stack the same depth on both sides",
      );
    }
    p.layers.forEach((l, i) => {
      const f = finals[i]!;
      if (f.width !== l.hidden) {
        e.cx.fail(
          "S2S3005",
          range,
          `\`bridge = copy\` needs equal state sizes: ${f.path} gives ${f.width}, ${l.path} takes ${l.hidden}`,
          "use `bridge = dense`, which learns a projection",
        );
      }
      provide(`state/${l.path}/h`, f.h);
      if (l.cell === "lstm" && f.c !== undefined) provide(`state/${l.path}/c`, f.c);
    });
    return values;
  }
  // dense: each decoder layer's h0 = tanh(W·h_top + b) from the top encoder layer.
  const top = finals[finals.length - 1]!;
  p.layers.forEach((l, i) => {
    const h = e.b.op("Tanh", `bridge/layer${i}`, [
      linear(e, `bridge/layer${i}`, top.h, l.hidden, { range }),
    ]);
    provide(`state/${l.path}/h`, h);
    e.cx.layer(`bridge/layer${i}`, "bridge/dense", ["B", l.hidden], range);
  });
  return values;
}

/** One decoding step: x [B, d] and the states → new states and the output [B, H]. */
function step(
  e: Emit,
  p: RecurrentDecoderPlan,
  x: string,
  states: ReadonlyMap<string, string>,
  memory: string,
  mask: string,
  keys: PreparedKeys | undefined,
): { next: Map<string, string>; out: string } {
  const next = new Map<string, string>();
  const a = p.attention;
  let input = x;
  const top = p.layers[p.layers.length - 1]!;
  if (a?.placement === "before") {
    const q = unsqueeze(e, a.spec.path, states.get(`state/${top.path}/h`)!, [1]);
    const ctx = squeeze(e, a.spec.path, attend(e, a.spec, q, keys!, mask).context, [1]);
    input = concatLast(e, a.spec.path, [input, ctx]);
  } else if (a?.inputFeeding) {
    input = concatLast(e, a.spec.path, [input, states.get("state/decoder/feed")!]);
  }
  for (const l of p.layers) {
    const out = recurrentLayer(e, l, unsqueeze(e, l.path, input, [1]), {
      init: { h: states.get(`state/${l.path}/h`)!, c: states.get(`state/${l.path}/c`) },
    });
    next.set(`state/${l.path}/h`, out.h);
    if (out.c !== undefined) next.set(`state/${l.path}/c`, out.c);
    input = squeeze(e, l.path, out.y, [1]);
  }
  if (a?.placement === "after") {
    const ctx = squeeze(
      e,
      a.spec.path,
      attend(e, a.spec, unsqueeze(e, a.spec.path, input, [1]), keys!, mask).context,
      [1],
    );
    input = attentionalState(e, a.spec, ctx, input);
    if (a.inputFeeding) next.set("state/decoder/feed", input);
  }
  return { next, out: input };
}

/**
 * decode_step's body: x [B, d] → output [B, H] and next states. `keys` are the
 * attention's memory-side projections, computed once by the encode graph.
 */
export function recurrentDecodeStep(
  e: Emit,
  p: RecurrentDecoderPlan,
  x: string,
  states: ReadonlyMap<string, string>,
  memory: string,
  mask: string,
  keys: PreparedKeys | undefined,
): { next: Map<string, string>; out: string } {
  return step(e, p, x, states, memory, mask, keys);
}

/** Teacher-forced decoding of y [B, T, d] → outputs [B, T, H]. */
export function recurrentDecodeSequence(
  e: Emit,
  p: RecurrentDecoderPlan,
  y: string,
  states: readonly StateDecl[],
  memory: string,
  mask: string,
  keys: PreparedKeys | undefined,
): string {
  const a = p.attention;
  const needsLoop = a !== undefined && (a.placement === "before" || a.inputFeeding);
  if (!needsLoop) {
    let x = y;
    for (const l of p.layers) {
      const out = recurrentLayer(e, l, x, {
        init: { h: `state/${l.path}/h`, c: l.cell === "lstm" ? `state/${l.path}/c` : undefined },
      });
      x = out.y;
    }
    if (a !== undefined) {
      const ctx = attend(e, a.spec, x, keys!, mask).context;
      x = attentionalState(e, a.spec, ctx, x);
    }
    layerRows(e, p);
    return x;
  }
  // A Scan over T whose body is the step function; the body reads memory, mask and
  // the prepared keys from this graph by name.
  const body = new GraphBuilder("decoder_loop", e.b, e.cx.names);
  // Dropout inside the loop reads the outer graph's `training` input by name.
  const be: Emit = { b: body, cx: e.cx, training: e.training };
  const bodyStates = new Map<string, string>();
  for (const s of states) bodyStates.set(s.name, body.input(`loop/${s.name}`, "float32", s.shape));
  const xt = body.input("loop/x", "float32", ["B", width(e, y)]);
  const { next, out } = step(be, p, xt, bodyStates, memory, mask, keys);
  for (const s of states) body.output(next.get(s.name) ?? bodyStates.get(s.name)!);
  body.output(out);
  const graph = body.finish();
  const outs = e.b.node(
    "Scan",
    "decoder/loop",
    [...states.map((s) => s.name), y],
    {
      body: { kind: "graph", value: graph },
      num_scan_inputs: int(1),
      scan_input_axes: ints([1]),
      scan_output_axes: ints([1]),
    },
    states.length + 1,
  );
  layerRows(e, p);
  return outs[states.length]!;
}

/**
 * The decoder's rows of the layer table, in the spec's order. Attention before the
 * recurrent layers outputs its context; after them, the attentional state h̃.
 */
function layerRows(e: Emit, p: RecurrentDecoderPlan): void {
  const a = p.attention;
  const top = p.layers[p.layers.length - 1]!;
  const attention = () => {
    if (a === undefined) return;
    const w = a.placement === "before" ? a.spec.outDim : top.hidden;
    e.cx.layer(a.spec.path, `attention/${a.spec.score}`, ["B", "T", w], a.spec.section.range);
  };
  if (a?.placement === "before") attention();
  for (const l of p.layers) e.cx.layer(l.path, l.cell, ["B", "T", l.hidden], l.section.range);
  if (a?.placement === "after") attention();
}

/**
 * S2S3008 for a second `attention` in a recurrent decoder, naming where the two came
 * from: the user may have written one section that a `stack` repeats, or one that
 * `extends` put next to the parent's.
 */
function secondAttention(
  e: Emit,
  plan: readonly PlannedSection[],
  first: PlannedSection,
  second: PlannedSection,
): never {
  const s = second.section;
  const written = `attention ${s.variant ?? ""}`.trim();
  if (first.section === s) {
    const times = plan.filter((p) => p.section === s).length;
    e.cx.fail(
      "S2S3008",
      s.nameRange,
      `\`${written}\` is inside a \`stack\` that repeats it ${times} times, but a recurrent decoder takes one \`attention\` section`,
      `move \`${written} { ... }\` out of the stack, after it (attention on the top layer) or before it`,
    );
  }
  const other = `attention ${first.section.variant ?? ""}`.trim();
  e.cx.fail(
    "S2S3008",
    s.nameRange,
    `a recurrent decoder takes one \`attention\` section, and \`${written}\` comes after \`${other}\``,
    "remove one of them",
    [{ message: `the other one, \`${other}\`, is here`, range: first.section.nameRange }],
  );
}
