/**
 * Lowerings of LSTM, GRU, RNN and Attention: calls of the runtime library's helpers
 * (src/runtime/lib/recurrent.ts, attention.ts) with the node's attributes as an
 * options literal.
 */
import { num, str } from "../codegen/literal.js";
import type { LowerContext, Lowering } from "./types.js";

function optionsLiteral(entries: Record<string, string | undefined>): string {
  const parts = Object.entries(entries).flatMap(([k, v]) =>
    v === undefined ? [] : [`${k}: ${v}`],
  );
  return `{ ${parts.join(", ")} }`;
}

function args(c: LowerContext, count: number): string[] {
  return Array.from({ length: count }, (_, i) => c.input(i) ?? "undefined");
}

function recurrent(kind: "LSTM" | "GRU" | "RNN"): Lowering {
  return {
    lower: (c) => {
      const acts = c.strings("activations");
      const options = optionsLiteral({
        kind: str(kind),
        hidden: String(c.int("hidden_size", 0)),
        direction: str(c.string("direction", "forward")),
        layout: String(c.int("layout", 0)),
        activations:
          acts === undefined || acts.length === 0 ? undefined : `[${acts.map(str).join(", ")}]`,
        clip: c.has("clip") ? num(c.float("clip", 0)) : undefined,
        linearBeforeReset:
          kind === "GRU" && c.int("linear_before_reset", 0) !== 0 ? "true" : undefined,
        inputForget: kind === "LSTM" && c.int("input_forget", 0) !== 0 ? "true" : undefined,
        // W, R and B (when given) are weights: the transposed W and R and the summed bias
        // may be kept between calls (the runtime library's `prepared`).
        weights:
          c.isWeight(1) && c.isWeight(2) && (c.input(3) === undefined || c.isWeight(3))
            ? "true"
            : undefined,
      });
      if (c.int("hidden_size", 0) <= 0) c.fail("hidden_size must be positive");
      // X, W, R, B, sequence_lens, initial_h, then LSTM's initial_c and P.
      const inputs = args(c, kind === "LSTM" ? 8 : 6);
      if (kind !== "LSTM") inputs.push("undefined", "undefined");
      return [c.outputsFrom(`${c.helper("recurrent")}(${options}, ${inputs.join(", ")})`)];
    },
  };
}

export const RECURRENT_LOWERINGS: Record<string, Lowering> = {
  LSTM: recurrent("LSTM"),
  GRU: recurrent("GRU"),
  RNN: recurrent("RNN"),
  Attention: {
    lower: (c) => {
      const rank = c.inputType(0)?.shape.length;
      if (rank === 3 && (c.int("q_num_heads", 0) <= 0 || c.int("kv_num_heads", 0) <= 0)) {
        c.fail("3-D inputs need q_num_heads and kv_num_heads");
      }
      const options = optionsLiteral({
        qHeads: rank === 3 ? String(c.int("q_num_heads", 0)) : undefined,
        kvHeads: rank === 3 ? String(c.int("kv_num_heads", 0)) : undefined,
        scale: c.has("scale") ? num(c.float("scale", 1)) : undefined,
        causal: c.int("is_causal", 0) !== 0 ? "true" : undefined,
        softcap: c.float("softcap", 0) > 0 ? num(c.float("softcap", 0)) : undefined,
        qkMode: c.output(3) === undefined ? undefined : String(c.int("qk_matmul_output_mode", 0)),
        present: c.output(1) !== undefined || c.output(2) !== undefined ? "true" : undefined,
      });
      return [c.outputsFrom(`${c.helper("attention")}(${options}, ${args(c, 6).join(", ")})`)];
    },
  },
};
