/**
 * The training loss: token-level cross-entropy with label smoothing and a padding mask
 * (docs/numerics.md). The target distribution is (1 − ε)·onehot + ε/V over all V
 * classes, so the per-token loss is (1 − ε)·nll + ε·mean_v(−log p_v); padded positions
 * are excluded and the sum is divided by the number of real tokens.
 */
import * as tf from "@tensorflow/tfjs";

/** A batch of token id sequences; targets without <bos> and <eos>, which are added here. */
export interface Batch {
  src: number[][];
  tgt: number[][];
}

export interface TeacherForcing {
  /** Decoder inputs: <bos> then the target, padded with <pad>. */
  input: number[][];
  /** What each position should predict: the target then <eos>; [B, T] int32. */
  output: tf.Tensor2D;
  /** 1 at real positions (targets and <eos>), 0 at padding; [B, T] float32. */
  mask: tf.Tensor2D;
}

export function teacherForcing(
  tgt: readonly (readonly number[])[],
  specials: { pad: number; bos: number; eos: number },
): TeacherForcing {
  const T = Math.max(...tgt.map((s) => s.length)) + 1;
  const input = tgt.map((s) => [specials.bos, ...s]);
  const out = new Int32Array(tgt.length * T).fill(specials.pad);
  const mask = new Float32Array(tgt.length * T);
  tgt.forEach((s, b) => {
    out.set([...s, specials.eos], b * T);
    mask.fill(1, b * T, b * T + s.length + 1);
  });
  return {
    input,
    output: tf.tensor2d(out, [tgt.length, T], "int32"),
    mask: tf.tensor2d(mask, [tgt.length, T], "float32"),
  };
}

/** Mean label-smoothed cross-entropy over the positions where `mask` is 1. */
export function crossEntropy(
  logits: tf.Tensor,
  targets: tf.Tensor,
  mask: tf.Tensor,
  labelSmoothing: number,
): tf.Scalar {
  return tf.tidy(() => {
    const vocab = logits.shape[logits.shape.length - 1]!;
    const logp = tf.logSoftmax(logits);
    const nll = tf.neg(tf.sum(tf.mul(tf.oneHot(targets as tf.Tensor2D, vocab), logp), -1));
    const perToken =
      labelSmoothing > 0
        ? tf.add(tf.mul(nll, 1 - labelSmoothing), tf.mul(tf.neg(tf.mean(logp, -1)), labelSmoothing))
        : nll;
    return tf.div(tf.sum(tf.mul(perToken, mask)), tf.maximum(tf.sum(mask), 1)) as tf.Scalar;
  });
}
