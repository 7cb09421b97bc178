/**
 * THE operator table of the IR. Every op the elaborator or a pass may emit is defined
 * here exactly once; backends keep their own tables keyed by these names, and
 * test/ir/op-coverage.test.ts fails when a backend lacks an entry.
 */
import { ATTENTION_OPS } from "./attention.js";
import { CONTROL_OPS } from "./control.js";
import type { OpDef } from "./def.js";
import { ELEMENTWISE_OPS } from "./elementwise.js";
import { FUSED_OPS } from "./fused.js";
import { MATMUL_OPS } from "./matmul.js";
import { NN_OPS } from "./nn.js";
import { RECURRENT_OPS } from "./recurrent.js";
import { SHAPE_OPS } from "./shape.js";

export type { FusionCategory, OpDef } from "./def.js";
export { ShapeError } from "./def.js";

export const OPS: Readonly<Record<string, OpDef>> = Object.fromEntries(
  [
    ...ELEMENTWISE_OPS,
    ...MATMUL_OPS,
    ...NN_OPS,
    ...SHAPE_OPS,
    ...RECURRENT_OPS,
    ...ATTENTION_OPS,
    ...CONTROL_OPS,
    ...FUSED_OPS,
  ].map((d) => [d.name, d]),
);

export function opDef(name: string): OpDef | undefined {
  return Object.prototype.hasOwnProperty.call(OPS, name) ? OPS[name] : undefined;
}
