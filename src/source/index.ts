/**
 * Where text comes from: the `SourceHost` interface the checker reads through (the disk
 * host is in src/node, a memory host in the API).
 */
export * from "./host.js";
