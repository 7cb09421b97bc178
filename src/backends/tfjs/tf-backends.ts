/**
 * The tfjs backends s2sc runs on, in a module of its own so that the CLI can offer the
 * choice without loading tfjs.
 */
export const TF_BACKENDS = ["wasm", "cpu"] as const;
export type TfBackend = (typeof TF_BACKENDS)[number];
