/**
 * The formatter: parse with comments, print with prettier's document builders; the
 * prettier plugin is a separate entry (plugin.ts).
 */
export * from "./format.js";
