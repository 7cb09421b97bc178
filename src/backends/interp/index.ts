/**
 * The reference interpreter: runs IR graphs with the reference kernels (src/reference),
 * draws initial weights per parameter from (seed, name) and runs the entry points.
 */
export * from "./model.js";
export * from "./weights.js";
