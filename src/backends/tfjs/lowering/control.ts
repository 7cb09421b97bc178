/**
 * Lowering of ONNX Scan: a JavaScript `for` loop over the steps with the body's
 * statements inline, so the tf ops of every step are recorded for gradients and the
 * body reads the enclosing graph's values (the encoder memory) by plain lexical scope.
 *
 *   let s0 = <state input>;                 // N loop-carried states
 *   const xs0 = unstack(<scan input>, axis);
 *   const ys0 = [];                         // K per-step outputs
 *   <the body's constants, hoisted>
 *   for (let t = 0; t < xs0.length; t++) { <body>; s0 = <new state>; ys0.push(<output>); }
 *   const out0 = s0; const out1 = stackSteps(ys0, axis);
 */
import type { Lowering } from "./types.js";

function normalise(axis: number, rank: number): number {
  return axis < 0 ? axis + rank : axis;
}

export const CONTROL_LOWERINGS: Record<string, Lowering> = {
  Scan: {
    lower: (c) => {
      const body = c.graphAttr("body");
      const m = c.int("num_scan_inputs", 1);
      const n = c.inputCount - m;
      if (m < 1 || n < 0) c.fail("needs at least one scan input");
      const inAxes = c.ints("scan_input_axes") ?? [];
      const outAxes = c.ints("scan_output_axes") ?? [];
      const lines: string[] = [];
      const states = Array.from({ length: n }, (_, i) => c.fresh(`scanState${i}`));
      states.forEach((s, i) => lines.push(`let ${s} = ${c.need(i)};`));
      const slices = Array.from({ length: m }, (_, j) => c.fresh(`scanInput${j}`));
      slices.forEach((xs, j) => {
        const rank = c.inputType(n + j)?.shape.length ?? 0;
        lines.push(
          `const ${xs} = ${c.helper("unstack")}(${c.need(n + j)}, ${normalise(inAxes[j] ?? 0, rank)});`,
        );
      });
      const k = body.outputs.length - n;
      const collected = Array.from({ length: k }, (_, j) => c.fresh(`scanOutput${j}`));
      collected.forEach((ys) => lines.push(`const ${ys} = [];`));
      const t = c.fresh("step");
      const emitted = c.body(body, [...states, ...slices.map((xs) => `${xs}[${t}]`)]);
      lines.push(...emitted.hoisted);
      lines.push(`for (let ${t} = 0; ${t} < ${slices[0]}.length; ${t}++) {`);
      const inner = [...emitted.lines];
      states.forEach((s, i) => inner.push(`${s} = ${emitted.outputs[i]};`));
      collected.forEach((ys, j) => inner.push(`${ys}.push(${emitted.outputs[n + j]});`));
      lines.push(...inner.map((l) => `  ${l}`), "}");
      states.forEach((s, i) => {
        const out = c.output(i);
        if (out !== undefined) lines.push(`const ${out} = ${s};`);
      });
      collected.forEach((ys, j) => {
        const out = c.output(n + j);
        if (out === undefined) return;
        const rank = c.outputType(n + j).shape.length;
        lines.push(
          `const ${out} = ${c.helper("stackSteps")}(${ys}, ${normalise(outAxes[j] ?? 0, rank)});`,
        );
      });
      return lines;
    },
  },
};
