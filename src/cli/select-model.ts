/**
 * `FILE[:MODEL]` on the command line: the selection itself is the API's
 * (src/api/select-model.ts); the CLI tells a file from a model name on the disk.
 */
export {
  diskIsFile,
  parseModelSpec,
  pickModel,
  selectModel,
  type ModelSpec,
  type Selection,
} from "../node/index.js";
