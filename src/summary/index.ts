/**
 * What `summary` reports as data (parameters, bytes, MACs, the layer table), and the
 * printing of sizes and counts in units.
 */
export * from "./units.js";
export * from "./data.js";
