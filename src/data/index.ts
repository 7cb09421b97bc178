/**
 * Training data: vocabularies, the built-in tasks, datasets over examples, batching and
 * the seeded randomness that makes batch s the same on resume.
 */
export * from "./errors.js";
export * from "./tasks.js";
export * from "./vocab.js";
export * from "./dataset.js";
export * from "./tsv.js";
export * from "./random.js";
