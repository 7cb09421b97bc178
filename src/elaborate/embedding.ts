/**
 * Token embeddings and positional encodings for both sides.
 *
 * Positions are computed from the tokens themselves (fairseq's way): the position of a
 * real token is the running count of real tokens before it, CumSum(mask) − 1, so that
 * the graph needs no dynamic shape arithmetic; padding gets position 0 (its output is
 * masked anyway). Position tables have `max_length` rows (1024 when not set for
 * sinusoidal tables; learned tables require max_length).
 */
import type { ResolvedSection } from "../check/index.js";
import { childSection } from "../check/index.js";
import { int, str } from "../ir/index.js";
import type { Dim } from "../ir/index.js";
import type { ElabContext } from "./context.js";
import { type Emit } from "./emit.js";
import { boolOf, intOf, wordOf } from "./settings.js";

export const DEFAULT_SINUSOIDAL_LENGTH = 1024;

export interface SideEmbedding {
  table: string;
  vocab: number;
  dim: number;
  scale: boolean;
  position: { table: string; maxLength: number } | undefined;
}

export interface Embeddings {
  source: SideEmbedding;
  target: SideEmbedding;
}

function vocabOf(root: ResolvedSection, side: ResolvedSection): number {
  return intOf(side, "vocab") ?? intOf(root, "vocab")!;
}

export function declareEmbeddings(cx: ElabContext, root: ResolvedSection): Embeddings {
  const src = childSection(root, "source")!;
  const tgt = childSection(root, "target")!;
  const enc = childSection(root, "encoder")!;
  const dec = childSection(root, "decoder")!;
  const shared = boolOf(root, "share_embeddings") === true;
  const side = (
    name: "source" | "target",
    s: ResolvedSection,
    part: ResolvedSection,
    table?: string,
  ): SideEmbedding => {
    const vocab = vocabOf(root, s);
    const dim = intOf(s, "embed")!;
    const path = shared ? "embedding" : `${name}/embedding`;
    const t =
      table ??
      cx.param(
        path,
        "weight",
        [vocab, dim],
        { kind: "normal", std: 1 / Math.sqrt(dim) },
        "embedding",
        s.range,
      );
    if (table === undefined)
      cx.layer(
        path,
        shared ? "embedding (shared)" : "embedding",
        ["B", name === "source" ? "S" : "T", dim],
        s.range,
      );
    const kind = wordOf(part, "position") ?? "none";
    let position: SideEmbedding["position"];
    if (kind !== "none") {
      const maxLength = intOf(part, "max_length") ?? DEFAULT_SINUSOIDAL_LENGTH;
      const ppath = `${name}/position`;
      const learned = kind === "learned";
      const ptable = cx.param(
        ppath,
        "table",
        [maxLength, dim],
        learned ? { kind: "normal", std: 0.02 } : { kind: "sinusoidal" },
        "position",
        part.settings["position"]?.range ?? part.range,
        learned,
      );
      cx.layer(
        ppath,
        `position/${kind}`,
        [maxLength, dim],
        part.settings["position"]?.range ?? part.range,
      );
      position = { table: ptable, maxLength };
    }
    return { table: t, vocab, dim, scale: boolOf(s, "scale") === true, position };
  };
  if (shared && intOf(src, "embed") !== intOf(tgt, "embed")) {
    const at = root.settings["share_embeddings"]?.range ?? root.nameRange;
    cx.fail(
      "S2S3013",
      at,
      `shared embeddings need equal widths (source ${intOf(src, "embed")} vs target ${intOf(tgt, "embed")})`,
      "give `source` and `target` the same `embed`, or set `share_embeddings = false`",
    );
  }
  const source = side("source", src, enc);
  const target = side("target", tgt, dec, shared ? source.table : undefined);
  return { source, target };
}

/** Non-padding mask (ids ≠ <pad>) of ids [B, L]. */
export function paddingMask(e: Emit, path: string, ids: string): string {
  const pad = e.b.constant(path, "int32", [], [0]);
  return e.b.op("Not", path, [e.b.op("Equal", path, [ids, pad])]);
}

/** Positions [B, L] of ids [B, L] from their mask: CumSum(mask) − 1 on real tokens, 0 on padding. */
export function positionsFromMask(e: Emit, path: string, mask: string): string {
  const m = e.b.op("Cast", path, [mask], { to: str("int32") });
  const cum = e.b.op("CumSum", path, [m, e.b.constant(path, "int32", [], [1])]);
  const pos = e.b.op("Sub", path, [cum, e.b.constant(path, "int32", [], [1])]);
  return e.b.op("Where", path, [mask, pos, e.b.constant(path, "int32", [], [0])]);
}

/** Embeds ids (any shape) at positions of the same shape: table lookup, scale, positions. */
export function embed(
  e: Emit,
  side: SideEmbedding,
  path: string,
  ids: string,
  positions: string | undefined,
): string {
  let x = e.b.op("Gather", path, [side.table, ids], { axis: int(0) });
  if (side.scale)
    x = e.b.op("Mul", path, [x, e.b.constant(path, "float32", [], [Math.sqrt(side.dim)])]);
  if (side.position !== undefined && positions !== undefined) {
    x = e.b.op("Add", path, [
      x,
      e.b.op("Gather", path, [side.position.table, positions], { axis: int(0) }),
    ]);
  }
  return x;
}

export function shapeOfIds(len: Dim): Dim[] {
  return ["B", len];
}
