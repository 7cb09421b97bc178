/**
 * Decoding over any step model: greedy and beam search, and the interpreter's step
 * model. The tfjs step model is src/runtime's (step-model.ts), so that importing the
 * searches does not start tfjs.
 */
export * from "./search.js";
export * from "./step-model.js";
export * from "./interp.js";
export * from "./lengths.js";
