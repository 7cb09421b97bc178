/**
 * Evaluation on held-out pairs: teacher-forced loss (no label smoothing) and token
 * accuracy, exact-sequence accuracy of greedy decoding, and a few example decodes.
 */
import * as tf from "@tensorflow/tfjs";
import { type Dataset, detokenize, toIds } from "../data/index.js";
import type { Example } from "../data/index.js";
import { greedy } from "../decode/index.js";
import { teacherForcing } from "./loss.js";
import type { TfjsModel } from "./model.js";
import { tfjsStepModel } from "./step-model.js";

export interface Evaluation {
  loss: number;
  tokenAccuracy: number;
  sequenceAccuracy: number;
  examples: { source: string; target: string; output: string }[];
  count: number;
}

export async function evaluate(
  model: TfjsModel,
  data: Pick<Dataset, "srcVocab" | "tgtVocab" | "tokenizer">,
  pairs: readonly Example[],
  options: { batchSize?: number; examples?: number } = {},
): Promise<Evaluation> {
  const B = options.batchSize ?? 64;
  const specials = model.module.config.specials;
  const step = tfjsStepModel(model);
  let lossSum = 0;
  let tokens = 0;
  let correctTokens = 0;
  let exact = 0;
  const examples: Evaluation["examples"] = [];
  for (let i = 0; i < pairs.length; i += B) {
    const chunk = pairs.slice(i, i + B);
    const ids = chunk.map((e) => toIds(data, e));
    const src = ids.map((e) => e.src);
    const tgt = ids.map((e) => e.tgt);
    const n = tgt.reduce((a, t) => a + t.length + 1, 0);
    const { loss, correct } = tf.tidy(() => {
      const forcing = teacherForcing(tgt, specials);
      const enc = model.encode(src);
      const logits = model.decode(enc, forcing.input);
      const logp = tf.logSoftmax(logits);
      const V = logits.shape[2]!;
      const nll = tf.neg(tf.sum(tf.mul(tf.oneHot(forcing.output, V), logp), -1));
      const hit = tf.cast(tf.equal(tf.argMax(logits, -1), forcing.output), "float32");
      return {
        loss: tf.sum(tf.mul(nll, forcing.mask)).dataSync()[0]!,
        correct: tf.sum(tf.mul(hit, forcing.mask)).dataSync()[0]!,
      };
    });
    lossSum += loss;
    correctTokens += correct;
    tokens += n;
    const maxLength = Math.max(...tgt.map((t) => t.length)) + 5;
    const hyps = await greedy(step, src, { maxLength });
    hyps.forEach((h, b) => {
      const ok =
        h.finished &&
        h.tokens.length === tgt[b]!.length &&
        h.tokens.every((t, k) => t === tgt[b]![k]);
      if (ok) exact++;
      if (examples.length < (options.examples ?? 3)) {
        examples.push({
          source: detokenize(chunk[b]!.src, data.tokenizer),
          target: detokenize(chunk[b]!.tgt, data.tokenizer),
          output: detokenize(data.tgtVocab.decode(h.tokens), data.tokenizer),
        });
      }
    });
  }
  return {
    loss: lossSum / Math.max(tokens, 1),
    tokenAccuracy: correctTokens / Math.max(tokens, 1),
    sequenceAccuracy: exact / Math.max(pairs.length, 1),
    examples,
    count: pairs.length,
  };
}
