/**
 * Translating text with a trained model: each line tokenised with the checkpoint's
 * tokenizer and source vocabulary, decoded (greedy for `beam: 1`, else beam search with
 * a length penalty) through `decode_step`, and detokenised with the target vocabulary.
 */
import { decodeAll } from "../decode/index.js";
import { detokenize, tokenize } from "../data/index.js";
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
  output: string;
  logProb: number;
  /** Whether the decode ended with <eos> rather than at the length limit. */
  finished: boolean;
}

/** Lines decoded together: large enough to batch, small enough to show output early. */
const BATCH = 64;

/** Translates `lines` in order, a batch at a time, yielding each translation as it is ready. */
export async function* translateLines(
  model: BackendModel,
  vocab: Pick<Checkpoint, "tokenizer" | "srcVocab" | "tgtVocab">,
  lines: readonly string[],
  options: TranslateOptions,
): AsyncGenerator<Translation> {
  for (let i = 0; i < lines.length; i += BATCH) {
    const chunk = lines.slice(i, i + BATCH);
    const src = chunk.map((l) => vocab.srcVocab.encode(tokenize(l, vocab.tokenizer)));
    const hyps = await decodeAll(model.step, src, {
      beam: options.beam,
      lengthPenalty: options.lengthPenalty,
      ...(options.maxLength !== undefined ? { maxLength: options.maxLength } : {}),
    });
    for (const [b, h] of hyps.entries()) {
      const output = detokenize(vocab.tgtVocab.decode(h.tokens), vocab.tokenizer);
      yield { input: chunk[b]!, output, logProb: h.logProb, finished: h.finished };
    }
  }
}
