/**
 * Decoding over any step model: greedy and beam search, and the step models of the
 * interpreter and of tfjs.
 */
