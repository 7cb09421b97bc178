/**
 * Translating text with a trained model: each line tokenised with the checkpoint's
 * tokenizer and source vocabulary, decoded (greedy for `beam: 1`, else beam search with
 * a length penalty) through `decode_step`, and detokenised with the target vocabulary.
 *
 * Every line gets one result, in order, so that output stays aligned with input: a blank
 * line translates to an empty line without running the model, and a line longer than
 * the model's position table gets an `error` instead of a translation while the other
 * lines go on. Tokens the vocabulary does not know are read as `<unk>` and listed in
 * `unknown`, for the caller to warn about.
 */
import { decodeAll, sourceLengthProblem } from "../decode/index.js";
import { detokenize, tokenize, type Tokenizer, type Vocabulary } from "../data/index.js";
import type { IrModule } from "../ir/index.js";
import type { BackendModel } from "./backend-model.js";
import type { Checkpoint } from "./checkpoint.js";

export interface TranslateOptions {
  /** Beam width (1: greedy). */
  beam: number;
  /** α of the length penalty ((5+n)/6)^α for beam search. */
  lengthPenalty: number;
  /** Output tokens at most (default 2·|input| + 10). */
  maxLength?: number;
}

export interface Translation {
  input: string;
  /** The translation; empty for a blank line or a line with an `error`. */
  output: string;
  logProb: number;
  /** Whether the decode ended with <eos> rather than at the length limit. */
  finished: boolean;
  /** Input tokens the source vocabulary does not know (each read as <unk>), in order, once each. */
  unknown: string[];
  /** Why the line was not translated (too long for the model). */
  error?: string;
}

/** A line as source ids, with what the vocabulary did not know or why it cannot be decoded. */
export interface EncodedLine {
  ids: number[];
  unknown: string[];
  /** Set when the line is longer than the model's position table (`max_length`). */
  error?: string;
}

/**
 * Tokenises and maps one line. `maxLength` is the module's position-table length
 * (`module.config.maxLength`); a longer source cannot be encoded at all.
 */
export function encodeLine(
  vocab: { tokenizer: Tokenizer; srcVocab: Vocabulary },
  line: string,
  maxLength: number | undefined,
): EncodedLine {
  const tokens = tokenize(line, vocab.tokenizer);
  const ids = vocab.srcVocab.encode(tokens);
  const unknown = [...new Set(tokens.filter((t) => !vocab.srcVocab.has(t)))];
  // The same words as `run --src` and the searches use for a source too long.
  const error = sourceLengthProblem({ maxLength }, ids.length);
  return error === undefined ? { ids, unknown } : { ids, unknown, error };
}

/** The warning for tokens read as <unk>, listing them (one line, no prefix). */
export function unknownTokensMessage(unknown: readonly string[]): string {
  return `not in the vocabulary, read as <unk>: ${unknown.map((u) => `\`${u}\``).join(", ")}`;
}

/** Target ids as text through the target vocabulary (specials other than <unk> dropped). */
export function targetText(
  vocab: Pick<Checkpoint, "tokenizer" | "tgtVocab">,
  ids: readonly number[],
): string {
  return detokenize(vocab.tgtVocab.decode(ids), vocab.tokenizer);
}

/** Lines decoded together: large enough to batch, small enough to show output early. */
const BATCH = 64;

/** Translates `lines` in order, a batch at a time, yielding one result per line as it is ready. */
export async function* translateLines(
  model: BackendModel,
  trained: {
    module: Pick<IrModule, "config">;
    checkpoint: Pick<Checkpoint, "tokenizer" | "srcVocab" | "tgtVocab">;
  },
  lines: readonly string[],
  options: TranslateOptions,
): AsyncGenerator<Translation> {
  const vocab = trained.checkpoint;
  for (let i = 0; i < lines.length; i += BATCH) {
    const chunk = lines.slice(i, i + BATCH);
    const encoded = chunk.map((l) => encodeLine(vocab, l, trained.module.config.maxLength));
    // Only lines with something to decode reach the model; the rest keep their place.
    const todo = [...encoded.keys()].filter(
      (b) => encoded[b]!.error === undefined && encoded[b]!.ids.length > 0,
    );
    const hyps =
      todo.length === 0
        ? []
        : await decodeAll(
            model.step,
            todo.map((b) => encoded[b]!.ids),
            {
              beam: options.beam,
              lengthPenalty: options.lengthPenalty,
              ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
            },
          );
    for (const [b, e] of encoded.entries()) {
      const base = { input: chunk[b]!, unknown: e.unknown };
      const k = todo.indexOf(b);
      const h = k < 0 ? undefined : hyps[k]!;
      if (h === undefined) {
        yield { ...base, output: "", logProb: 0, finished: e.error === undefined, ...pick(e) };
        continue;
      }
      yield {
        ...base,
        output: targetText(vocab, h.tokens),
        logProb: h.logProb,
        finished: h.finished,
      };
    }
  }
}

const pick = (e: EncodedLine) => (e.error === undefined ? {} : { error: e.error });
