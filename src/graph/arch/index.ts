/**
 * The architecture picture (`--level arch`): the familiar encoder–decoder diagram, drawn
 * bottom to top. Source tokens, embedding and positions feed the encoder; the decoder
 * reads the encoder's output (the memory) through its attention; the output layer turns
 * the decoder's states into logits.
 *
 * Structure comes from the checked model (stacks, settings); sizes the spec leaves
 * implicit (widths, position table lengths, the memory's shape) come from the verified
 * IR module, so the labels agree with `summary`.
 */
import { type CheckedModel, childSection, type ResolvedSection } from "../../check/index.js";
import { boolOf, planLayers, wordOf } from "../../elaborate/index.js";
import type { IrModule } from "../../ir/index.js";
import { DocBuilder } from "../builder.js";
import { count, shape } from "../format.js";
import type { GraphDoc } from "../types.js";
import { embeddingLabel } from "./labels.js";
import { drawPart, partDrawing, planPart } from "./part.js";
import { isRecurrentDecoder, wireRecurrentDecoder } from "./recurrent-decoder.js";

export function archGraph(model: CheckedModel, module: IrModule): GraphDoc {
  const b = new DocBuilder();
  const root = model.root;
  const encoder = childSection(root, "encoder")!;
  const decoder = childSection(root, "decoder")!;
  const shared = boolOf(root, "share_embeddings") === true;
  const layers = new Map(module.layers.map((l) => [l.path, l]));

  // Source side and encoder (drawn first, so Graphviz places them on the left).
  const src = embedSide(b, module, "source", childSection(root, "source")!, encoder, shared);
  const enc = partDrawing(b, planPart(encoder, "encoder"), layers, undefined);
  const memory = b.cluster("part", "Encoder", () => {
    const x = drawPart(enc, encoder, src.out);
    // The memory box is drawn only when some decoder attention reads it.
    if (!attends(decoder)) return undefined;
    const m = b.node("memory", "Memory", [shape(outputShape(module, "encode", "memory"))]);
    b.edge(x, m);
    return m;
  });

  // Target side and decoder.
  const tgt = embedSide(b, module, "target", childSection(root, "target")!, decoder, shared);
  if (shared) b.edge(src.embedding, tgt.embedding, "tie", "shared");
  const dec = partDrawing(b, planPart(decoder, "decoder"), layers, memory);
  const recurrent = isRecurrentDecoder(decoder);
  const bridge = wordOf(root, "bridge") ?? "copy";
  const decoderLabel = recurrent && bridge === "zero" ? "Decoder (initial state zero)" : "Decoder";
  const decoded = b.cluster("part", decoderLabel, () => {
    const finish = recurrent ? wireRecurrentDecoder(dec, decoder) : () => {};
    const y = drawPart(dec, decoder, tgt.out);
    finish();
    return y;
  });

  // The bridge: encoder final states → decoder initial states (recurrent decoders).
  if (recurrent && bridge !== "zero" && enc.recurrent.length > 0) {
    // copy hands over c too where both sides are LSTMs; dense makes h₀ only.
    const states = hasLstm(encoder) && hasLstm(decoder) ? "h, c" : "h";
    const n = b.node(
      "bridge",
      "Bridge",
      bridge === "copy" ? [`copy: final ${states} of each layer`] : ["dense: h₀ = tanh(W·h + b)"],
    );
    const from = bridge === "copy" ? enc.recurrent : enc.recurrent.slice(-1);
    // Ranked from the encoder only, so the bridge sits beside the layers it reads
    // without lifting the decoder above it.
    for (const f of new Set(from)) b.edge(f, n, "state");
    for (const t of new Set(dec.recurrent)) b.edge(n, t, "state", undefined, { ranked: false });
  }

  drawOutput(b, module, childSection(root, "output"), decoded);
  return b.finish(model.name, "BT");
}

function hasLstm(part: ResolvedSection): boolean {
  return planLayers(part, part.head).some((p) => p.section.head === "lstm");
}

/** Whether the decoder reads the encoder's output (attention or cross-attention). */
function attends(decoder: ResolvedSection): boolean {
  return planLayers(decoder, "decoder").some(
    (p) => p.section.head === "attention" || p.section.head === "cross_attention",
  );
}

interface Side {
  /** The embedding box (for the shared and tied edges). */
  embedding: string;
  /** Where the embedded tokens leave (the ⊕ with positions, or the embedding). */
  out: string;
}

/** Tokens → embedding (→ ⊕ positions) of one side. */
function embedSide(
  b: DocBuilder,
  module: IrModule,
  side: "source" | "target",
  section: ResolvedSection,
  part: ResolvedSection,
  shared: boolean,
): Side {
  const tokens = b.node("input", side === "source" ? "Source tokens" : "Target tokens", [
    side === "source" ? "[B, S]" : "[B, T]",
  ]);
  const vocab = side === "source" ? module.config.sourceVocab : module.config.targetVocab;
  const l = embeddingLabel(side, vocab, section, shared);
  const embedding = b.node(l.kind, l.title, l.details, shared ? "embedding" : `${side}/embedding`);
  b.edge(tokens, embedding);
  // The position table is a parameter of the module when the part has positions.
  const table = module.params.find((p) => p.path === `${side}/position`);
  if (table === undefined) return { embedding, out: embedding };
  const kind = wordOf(part, "position") ?? "sinusoidal";
  const positions = b.node("position", "Positions", [kind, `max length ${table.shape[0]}`]);
  const add = b.node("add", "+");
  b.edge(embedding, add);
  // Beside the embedding rather than beside the ⊕: at the ⊕'s rank Graphviz crosses
  // the two sides' position edges.
  b.edge(positions, add);
  return { embedding, out: add };
}

/** Decoder output → Linear (tied or not) → logits. */
function drawOutput(
  b: DocBuilder,
  module: IrModule,
  output: ResolvedSection | undefined,
  decoded: string,
): void {
  const tied = output !== undefined && boolOf(output, "tied") === true;
  const bias = output === undefined || boolOf(output, "bias") !== false;
  const logits = outputShape(module, "decode", "logits");
  const vocab = logits[logits.length - 1];
  const width = outputWidth(module);
  const linear = b.node(
    "linear",
    "Linear",
    [
      `${width} → ${typeof vocab === "number" ? count(vocab) : vocab}`,
      tied ? "tied to target embedding" : "own weights",
      bias ? "with bias" : "no bias",
    ],
    "output",
  );
  // Tying is said in the label: an edge from the target embedding would cross the
  // whole decoder.
  b.edge(decoded, linear);
  const out = b.node("output", "Logits", [shape(logits)]);
  b.edge(linear, out);
}

function outputShape(module: IrModule, entry: "encode" | "decode", name: string) {
  const v = module.graphs[entry].outputs.find((o) => o.name === name);
  if (v === undefined) throw new Error(`internal: ${entry} has no output ${name}`);
  return v.shape;
}

/** The decoder's output width: the input of the output projection's MatMul. */
function outputWidth(module: IrModule): string {
  const g = module.graphs.decode;
  const mm = g.nodes.find((n) => n.path === "output" && n.op === "MatMul");
  const t = mm === undefined ? undefined : g.values[mm.inputs[0]!];
  return t === undefined ? "d" : String(t.shape[t.shape.length - 1]);
}
