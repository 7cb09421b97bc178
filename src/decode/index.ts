/**
 * Decoding over any step model: greedy and beam search, and the step models of the
 * interpreter and of tfjs.
 */
export * from "./tfjs.js";
export * from "./search.js";
export * from "./step-model.js";
export * from "./interp.js";
