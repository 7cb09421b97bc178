/**
 * Training data: vocabularies, the built-in tasks, datasets over examples, batching and
 * the seeded randomness that makes batch s the same on resume.
 */
