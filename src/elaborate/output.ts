/** The output projection: logits = y·W (+ b), W tied to the target embedding or its own. */
import type { ResolvedSection } from "../check/index.js";
import { childSection } from "../check/index.js";
import type { Dim } from "../ir/index.js";
import { linear, width, type Emit } from "./emit.js";
import type { SideEmbedding } from "./embedding.js";
import { boolOf, rangeOf } from "./settings.js";

export function outputLogits(
  e: Emit,
  root: ResolvedSection,
  target: SideEmbedding,
  y: string,
  rowShape: Dim[],
): string {
  const out = childSection(root, "output");
  const tied = out !== undefined && boolOf(out, "tied") === true;
  const bias = out === undefined || boolOf(out, "bias") !== false;
  const range = out?.range ?? root.nameRange;
  const d = width(e, y);
  let logits: string;
  if (tied) {
    if (d !== target.dim) {
      e.cx.fail(
        "S2S3004",
        rangeOf(out!, "tied"),
        `tied output needs equal embedding and decoder widths (${target.dim} vs ${d})`,
        "make the target `embed` equal to the decoder's output width, or set `tied = false`",
      );
    }
    const wt = e.b.op("Transpose", "output", [target.table], {
      perm: { kind: "ints", value: [1, 0] },
    });
    logits = e.b.op("MatMul", "output", [y, wt]);
    if (bias)
      logits = e.b.op("Add", "output", [
        logits,
        e.cx.param("output", "bias", [target.vocab], { kind: "zeros" }, "bias", range),
      ]);
  } else {
    logits = linear(e, "output", y, target.vocab, { bias, range });
  }
  e.cx.layer("output", tied ? "linear (tied)" : "linear", [...rowShape, target.vocab], range);
  return logits;
}
