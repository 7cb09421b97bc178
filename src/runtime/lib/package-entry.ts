/**
 * What a compiled package's runtime file (s2sc-runtime.js) exports: the helpers its
 * graphs call, the model API and loading. scripts/gen-tfjs-runtime.ts bundles this
 * into src/backends/tfjs/runtime-lib.generated.ts; model.js imports from it.
 */
export * from "./helpers.js";
export { createModelApi } from "./api.js";
export { disposeModel, loadModel } from "./load.js";
