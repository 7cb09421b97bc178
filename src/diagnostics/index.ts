/**
 * The diagnostics every stage reports: source ranges, the diagnostic record, the one
 * table of codes and rendering (text with a caret, JSON).
 */
export * from "./range.js";
export * from "./codes.js";
export * from "./diagnostic.js";
export * from "./render.js";
