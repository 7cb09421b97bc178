/** Numpy-style (multidirectional) broadcasting, as ONNX's binary operators use. */
import { dimsEqual, formatShape } from "../dims.js";
import type { Dim } from "../types.js";
import { ShapeError } from "./def.js";

export function broadcastShapes(op: string, shapes: readonly (readonly Dim[])[]): Dim[] {
  const rank = Math.max(...shapes.map((s) => s.length));
  const out: Dim[] = [];
  for (let i = 0; i < rank; i++) {
    let d: Dim = 1;
    for (const s of shapes) {
      const k = s.length - rank + i;
      if (k < 0) continue;
      const e = s[k]!;
      if (e === 1) continue;
      if (d === 1) d = e;
      else if (!dimsEqual(d, e)) {
        throw new ShapeError(
          `${op}: shapes ${shapes.map((x) => formatShape(x)).join(" and ")} do not broadcast`,
        );
      }
    }
    out.push(d);
  }
  return out;
}
