/**
 * The language schema as data: every section, where it may appear, its variants and its
 * fields with type, range, default, inheritance and a one-line doc. The checker reads
 * it, json-schema.ts turns it into a JSON Schema of the checked model, and the docs'
 * field tables are generated from it (doc-tables.ts), so none of them can drift.
 *
 * Adding a layer kind or a field is an edit here only: the grammar does not know these
 * words (brief §1).
 */
import type { Value } from "./model.js";
import type { FieldSpec, FieldType, SectionHead, SectionSpec } from "./schema-types.js";

const int = (value: number): Value => ({ type: "int", value });
const float = (value: number): Value => ({ type: "float", value });
const bool = (value: boolean): Value => ({ type: "bool", value });
const word = (value: string): Value => ({ type: "enum", value });

/** A size: a positive integer (brief §4: "a non-positive or non-integer size"). */
const SIZE: FieldType = { kind: "int", min: 1 };

/*
 * Limits (docs/language.md, "Limits"), well above published seq2seq models (T5-11B's
 * feed-forward is 65,536 wide, 128 heads; PaLM's vocabulary 256,000). They exist so that
 * a typo or a hostile file (`hidden = 1000000000`) is refused by the checker with the
 * field's range before anything is built, and so that a width times a width or a
 * vocabulary stays far inside the exact integers of a double.
 */
export const MAX_WIDTH = 2 ** 20;
export const MAX_HEADS = 1024;
export const MAX_VOCAB = 2 ** 24;
export const MAX_LENGTH = 2 ** 20;
/** Layer sections of a whole model with stacks expanded (rules.ts, S2S2053). */
export const MAX_LAYERS = 10_000;
export const LIMIT_WHY = "a limit of s2sc (docs/language.md, Limits), well above published models";
/** A width: a size up to MAX_WIDTH. */
const WIDTH: FieldType = { kind: "int", min: 1, max: MAX_WIDTH, maxWhy: LIMIT_WHY };
/**
 * The four special tokens `<pad> <bos> <eos> <unk>` take the first ids of every
 * vocabulary (src/data/vocab.ts, SPECIAL_TOKENS), so a smaller one has no room for them.
 */
export const MIN_VOCAB = 4;
const VOCAB: FieldType = {
  kind: "int",
  min: MIN_VOCAB,
  max: MAX_VOCAB,
  why: `at least ${MIN_VOCAB}: the special tokens <pad> <bos> <eos> <unk> take the first ${MIN_VOCAB} ids`,
  maxWhy: LIMIT_WHY,
};
/** A probability that must leave something: dropout and label smoothing are in [0, 1). */
const RATE: FieldType = { kind: "float", min: 0, max: 1, maxExclusive: true };
const BOOL: FieldType = { kind: "bool" };
const enumOf = (...words: string[]): FieldType => ({ kind: "enum", words });

// Fields shared by several sections. Each is a function so that every section gets its
// own object (the table is exported and must not alias).

const positionField = (inherit: boolean): FieldSpec => ({
  name: "position",
  type: enumOf("sinusoidal", "learned", "none"),
  doc: "positional encoding added to the embeddings (`learned` needs `max_length`)",
  default: word("none"),
  ...(inherit ? { inherit } : {}),
});

const maxLengthField = (inherit: boolean): FieldSpec => ({
  name: "max_length",
  type: { kind: "int", min: 1, max: MAX_LENGTH, maxWhy: LIMIT_WHY },
  doc: "the longest sequence the model accepts (the size of a learned position table)",
  ...(inherit ? { inherit } : {}),
});

const residualField = (inherit: boolean): FieldSpec => ({
  name: "residual",
  type: enumOf("post_norm", "pre_norm", "none"),
  doc: "how each sublayer is wrapped: `post_norm` x = norm(x + f(x)), `pre_norm` x = x + f(norm(x))",
  default: word("post_norm"),
  ...(inherit ? { inherit } : {}),
});

const normField = (inherit: boolean): FieldSpec => ({
  name: "norm",
  type: enumOf("layer_norm", "rms_norm"),
  doc: "the normalisation used by `residual` (layer_norm: eps 1e-5, rms_norm: eps 1e-6)",
  default: word("layer_norm"),
  ...(inherit ? { inherit } : {}),
});

const dropoutField = (inherit: boolean, doc: string): FieldSpec => ({
  name: "dropout",
  type: RATE,
  doc,
  default: float(0),
  ...(inherit ? { inherit } : {}),
});

const LAYER_DROPOUT = "dropout rate on the layer's output (training only)";

const hiddenField = (doc: string): FieldSpec => ({
  name: "hidden",
  type: WIDTH,
  doc,
  required: true,
});

const bidirectionalField = (): FieldSpec => ({
  name: "bidirectional",
  type: BOOL,
  doc: "run a second layer right to left and concatenate: the output is 2·hidden wide (encoder only)",
  default: bool(false),
});

const headsField = (variants?: readonly string[]): FieldSpec => ({
  name: "heads",
  type: { kind: "int", min: 1, max: MAX_HEADS, maxWhy: LIMIT_WHY },
  doc: "number of attention heads (must divide the model width unless `key_dim` is given)",
  default: int(1),
  ...(variants ? { variants } : {}),
});

const keyDimField = (variants?: readonly string[]): FieldSpec => ({
  name: "key_dim",
  type: WIDTH,
  doc: "size of each head's queries and keys (default: model width / heads)",
  ...(variants ? { variants } : {}),
});

const SCALED_DOT_DOC = "Q, K, V projections, softmax(Q·Kᵀ/√d_head)·V, split into `heads`";

const recurrent = (head: "lstm" | "gru", doc: string): SectionSpec => ({
  head,
  kind: "layer",
  doc,
  fields: [
    hiddenField("size of the recurrent state"),
    bidirectionalField(),
    dropoutField(true, LAYER_DROPOUT),
  ],
  children: [],
  stacks: false,
});

const ENCODER_LAYERS: readonly SectionHead[] = [
  "lstm",
  "gru",
  "rnn",
  "self_attention",
  "feed_forward",
];
const DECODER_LAYERS: readonly SectionHead[] = [
  "lstm",
  "gru",
  "rnn",
  "attention",
  "self_attention",
  "cross_attention",
  "feed_forward",
];

const part = (
  head: "encoder" | "decoder",
  doc: string,
  children: readonly SectionHead[],
): SectionSpec => ({
  head,
  kind: "part",
  doc,
  fields: [
    positionField(true),
    maxLengthField(true),
    residualField(true),
    normField(true),
    dropoutField(true, "default dropout rate of this part's layers"),
  ],
  children,
  stacks: true,
});

const embedding = (head: "source" | "target", side: string): SectionSpec => ({
  head,
  kind: "part",
  doc: `the ${side} token embedding`,
  fields: [
    {
      name: "vocab",
      type: VOCAB,
      doc: `${side} vocabulary size, including the four special tokens (default: the model's \`vocab\`)`,
      required: true,
      inherit: true,
    },
    { name: "embed", type: WIDTH, doc: "embedding width", required: true },
    { name: "scale", type: BOOL, doc: "multiply the embeddings by √embed", default: bool(false) },
  ],
  children: [],
  stacks: false,
});

/** Every section of the language, keyed by head. */
export const SCHEMA: Readonly<Record<SectionHead, SectionSpec>> = {
  model: {
    head: "model",
    kind: "root",
    doc: "a sequence-to-sequence model: embeddings, an encoder, a decoder, an output layer",
    fields: [
      {
        name: "vocab",
        type: VOCAB,
        doc: "vocabulary size for both sides (the default of `source.vocab` and `target.vocab`)",
      },
      {
        name: "share_embeddings",
        type: BOOL,
        doc: "one embedding table serves source and target (needs one vocabulary)",
        default: bool(false),
      },
      positionField(false),
      maxLengthField(false),
      dropoutField(false, "default dropout rate of every layer (training only)"),
      residualField(false),
      normField(false),
      {
        name: "bridge",
        type: enumOf("copy", "dense", "zero"),
        doc: "how the decoder's recurrent state starts: the encoder's final state, a dense map of it, or zeros",
        default: word("copy"),
      },
    ],
    children: ["source", "target", "encoder", "decoder", "output", "train"],
    stacks: false,
    requiredChildren: ["source", "target", "encoder", "decoder"],
    implicitChildren: ["output", "train"],
  },
  source: embedding("source", "source"),
  target: embedding("target", "target"),
  encoder: part("encoder", "reads the source: an ordered list of layers", ENCODER_LAYERS),
  decoder: part(
    "decoder",
    "predicts the target one position at a time: an ordered list of layers",
    DECODER_LAYERS,
  ),
  output: {
    head: "output",
    kind: "part",
    doc: "the projection from the decoder's output to target-vocabulary logits",
    fields: [
      {
        name: "tied",
        type: BOOL,
        doc: "reuse the target embedding table as the projection (needs equal widths)",
        default: bool(false),
      },
      { name: "bias", type: BOOL, doc: "add a bias to the logits", default: bool(true) },
    ],
    children: [],
    stacks: false,
  },
  train: {
    head: "train",
    kind: "part",
    doc: "defaults for `s2sc train` (command-line flags override them)",
    fields: [
      {
        name: "optimizer",
        type: enumOf("adam", "sgd"),
        doc: "the optimiser",
        default: word("adam"),
      },
      {
        name: "lr",
        type: { kind: "float", min: 0, minExclusive: true },
        doc: "peak learning rate",
        default: float(0.001),
      },
      {
        name: "schedule",
        type: enumOf("constant", "inverse_sqrt", "linear", "cosine"),
        doc: "after warm-up: keep `lr`, decay it as lr·√(warmup/step), or anneal it to 0 at the last step along a line (linear) or half a cosine (cosine)",
        default: word("constant"),
      },
      {
        name: "warmup",
        type: { kind: "int", min: 0 },
        doc: "steps of linear warm-up from 0 to `lr`",
        default: int(0),
      },
      {
        name: "label_smoothing",
        type: RATE,
        doc: "ε of the smoothed targets (1 − ε)·onehot + ε/V",
        default: float(0),
      },
      { name: "batch_size", type: SIZE, doc: "sequences per batch", default: int(32) },
      { name: "steps", type: SIZE, doc: "optimiser steps", default: int(1000) },
      {
        name: "dropout",
        type: RATE,
        doc: "dropout rate while training (default: the model's `dropout`)",
        default: float(0),
        inherit: true,
      },
      {
        name: "clip_norm",
        type: { kind: "float", min: 0 },
        doc: "clip the global gradient norm to this value (0: no clipping)",
        default: float(0),
      },
      {
        name: "betas",
        type: { kind: "list", of: RATE, minLength: 2, maxLength: 2 },
        doc: "Adam's β₁ and β₂",
        default: { type: "list", items: [float(0.9), float(0.999)] },
      },
    ],
    children: [],
    stacks: false,
  },
  lstm: recurrent("lstm", "a long short-term memory layer (gates i, o, f, c)"),
  gru: recurrent("gru", "a gated recurrent unit layer (gates z, r, h; reset before the matmul)"),
  rnn: {
    head: "rnn",
    kind: "layer",
    doc: "a plain (Elman) recurrent layer",
    fields: [
      hiddenField("size of the recurrent state"),
      {
        name: "activation",
        type: enumOf("tanh", "relu"),
        doc: "the state's activation",
        default: word("tanh"),
      },
      bidirectionalField(),
      dropoutField(true, LAYER_DROPOUT),
    ],
    children: [],
    stacks: false,
  },
  attention: {
    head: "attention",
    kind: "layer",
    doc: "attention from a recurrent decoder's state over the encoder outputs",
    variants: {
      words: {
        dot: "score = q·k (needs equal query and key sizes)",
        general: "score = q·W·k",
        additive: "score = vᵀ·tanh(W₁q + W₂k), `hidden` is the size of v",
        scaled_dot: SCALED_DOT_DOC,
      },
      aliases: { concat: "additive" },
      notVariants: {
        multi_head: "multi-head attention is `scaled_dot` with `heads = h`",
        bahdanau: "Bahdanau attention is `additive`",
        luong: "Luong's scores are `dot`, `general` and `concat`",
      },
    },
    fields: [
      { ...hiddenField("size of the scoring vector v"), variants: ["additive"] },
      {
        name: "input_feeding",
        type: BOOL,
        doc: "feed the previous attentional state into the first recurrent layer (Luong)",
        default: bool(false),
      },
      headsField(["scaled_dot"]),
      keyDimField(["scaled_dot"]),
    ],
    children: [],
    stacks: false,
  },
  self_attention: {
    head: "self_attention",
    kind: "layer",
    doc: "attention of a sequence over itself (a Transformer sublayer, wrapped by `residual`)",
    variants: { words: { scaled_dot: SCALED_DOT_DOC }, default: "scaled_dot" },
    fields: [
      headsField(),
      keyDimField(),
      {
        name: "causal",
        type: BOOL,
        doc: "see only earlier positions (always true in a decoder)",
        default: bool(false),
        defaultIn: { decoder: bool(true) },
      },
      dropoutField(true, LAYER_DROPOUT),
    ],
    children: [],
    stacks: false,
  },
  cross_attention: {
    head: "cross_attention",
    kind: "layer",
    doc: "attention of the decoder over the encoder outputs (a Transformer sublayer)",
    variants: { words: { scaled_dot: SCALED_DOT_DOC }, default: "scaled_dot" },
    fields: [headsField(), keyDimField(), dropoutField(true, LAYER_DROPOUT)],
    children: [],
    stacks: false,
  },
  feed_forward: {
    head: "feed_forward",
    kind: "layer",
    doc: "two dense layers with an activation between (a Transformer sublayer)",
    fields: [
      hiddenField("width of the inner layer"),
      {
        name: "activation",
        type: enumOf("relu", "gelu", "swish"),
        doc: "the inner activation",
        default: word("relu"),
      },
      dropoutField(true, LAYER_DROPOUT),
    ],
    children: [],
    stacks: false,
  },
};

/** Every section head, in the table's order. */
export const SECTION_HEADS: readonly SectionHead[] = Object.keys(SCHEMA) as SectionHead[];

/** Whether `name` is a section head of the language. */
export function isSectionHead(name: string): name is SectionHead {
  return Object.prototype.hasOwnProperty.call(SCHEMA, name);
}
