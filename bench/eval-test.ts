/**
 * Held-out test accuracy of a checkpoint trained on a built-in task (not a test): loss,
 * token accuracy and exact-sequence accuracy of greedy decoding on the task's test split.
 *
 *   npx tsx bench/eval-test.ts runs/attn_dot
 */
import { createTfjsModel } from "../src/runtime/index.js";
import { makeTask } from "../src/data/tasks.js";
import { loadCheckpoint, loadCheckpointModule } from "../src/node/checkpoint.js";
import { evaluate } from "../src/runtime/index.js";

const dir = process.argv[2] ?? "runs/attn_dot";
const ckpt = loadCheckpoint(dir);
if (ckpt.data.kind !== "task") throw new Error(`${dir} was not trained on a built-in task`);
const task = makeTask(ckpt.data.task, ckpt.data.options);
const model = await createTfjsModel(loadCheckpointModule(dir), ckpt.weights, { backend: "wasm" });
const t0 = Date.now();
const r = await evaluate(
  model,
  { srcVocab: ckpt.srcVocab, tgtVocab: ckpt.tgtVocab, tokenizer: ckpt.tokenizer },
  task.test,
  { examples: 5 },
);
console.log(
  JSON.stringify({
    dir,
    task: ckpt.data.task,
    step: ckpt.step,
    trainedSeconds: ckpt.elapsed,
    testPairs: r.count,
    loss: r.loss,
    tokenAccuracy: r.tokenAccuracy,
    sequenceAccuracy: r.sequenceAccuracy,
    evalSeconds: (Date.now() - t0) / 1000,
    examples: r.examples,
  }),
);
model.dispose();
