/**
 * THE tfjs backend's op table: one lowering per IR op, keyed by op name.
 * test/ir/op-coverage.test.ts checks that every IR op has an entry here.
 */
import { CONTROL_LOWERINGS } from "./control.js";
import { ELEMENTWISE_LOWERINGS } from "./elementwise.js";
import { FUSED_LOWERINGS } from "./fused.js";
import { NN_LOWERINGS } from "./nn.js";
import { RECURRENT_LOWERINGS } from "./recurrent.js";
import { SHAPE_LOWERINGS } from "./shape.js";
import type { Lowering } from "./types.js";

export const TFJS_LOWERINGS: Readonly<Record<string, Lowering>> = {
  ...ELEMENTWISE_LOWERINGS,
  ...NN_LOWERINGS,
  ...SHAPE_LOWERINGS,
  ...RECURRENT_LOWERINGS,
  ...CONTROL_LOWERINGS,
  ...FUSED_LOWERINGS,
};
