/**
 * The IR: typed SSA graphs, symbolic dims, the operator table, the builder that runs
 * each op's shape rule, the verifier, the JSON form, the printer and cost accounting.
 */
export * from "./builder.js";
export * from "./types.js";
export * from "./verify.js";
export * from "./ops/index.js";
export * from "./print.js";
export * from "./ops/def.js";
export * from "./cost.js";
export * from "./dims.js";
export * from "./json.js";
