/**
 * `s2sc summary` output: a layer table with totals for people (after Keras'
 * `model.summary()` and torchinfo), and the JSON of cli.md for tools.
 */
import {
  COUNTED,
  formatBytes,
  formatCount,
  formatPoly,
  formatShape,
  formatSi,
  type SummaryData,
} from "../node/index.js";

// ---- JSON ---------------------------------------------------------------------------

/** The `--json` object; cli.md's keys first, the rest documented in docs/cli.md. */
export function summaryJson(s: SummaryData): unknown {
  const flops = (macs: number) => 2 * macs;
  const t = s.tokens;
  const poly = (p: typeof t.encode) => ({ text: formatPoly(p), terms: p.toJSON() });
  return {
    model: s.model,
    file: s.file,
    params: {
      total: s.params.trainable,
      trainable: s.params.trainable,
      buffers: s.params.buffers,
      bySection: Object.fromEntries(s.params.bySection),
    },
    weightBytes: s.params.weightBytes,
    flops: {
      counted: COUNTED,
      batch: 1,
      referenceLength: t.length,
      perSourceToken: flops(t.perSourceToken),
      perTargetToken: flops(t.perTargetToken),
      perGeneratedToken: flops(t.perGeneratedToken),
      perSequencePair: flops(t.perSequencePair),
      bySection: Object.fromEntries(
        s.sections.map((c) => [
          c.section,
          {
            perSourceToken: flops(c.perSourceToken),
            perTargetToken: flops(c.perTargetToken),
            perGeneratedToken: flops(c.perGeneratedToken),
          },
        ]),
      ),
      macs: {
        perSourceToken: t.perSourceToken,
        perTargetToken: t.perTargetToken,
        perGeneratedToken: t.perGeneratedToken,
        perSequencePair: t.perSequencePair,
      },
      macsPolynomials: {
        encode: poly(t.encode),
        decode: poly(t.decode),
        decode_step: poly(t.decodeStep),
      },
    },
    layers: s.layers.map((l) => ({
      path: l.path,
      kind: l.kind,
      outputShape: l.outputShape,
      params: l.params,
      flopsPerToken: flops(l.macsPerToken),
    })),
    vocab: { source: s.sourceVocab, target: s.targetVocab },
    bufferBytes: s.params.bufferBytes,
  };
}

// ---- text ---------------------------------------------------------------------------

type Align = "left" | "right";

const TEXT_WIDTH = 100;

/** Breaks prose into lines of at most TEXT_WIDTH columns, at spaces. */
function wrap(text: string): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    if (line !== "" && line.length + 1 + word.length > TEXT_WIDTH) {
      lines.push(line);
      line = word;
    } else {
      line = line === "" ? word : `${line} ${word}`;
    }
  }
  if (line !== "") lines.push(line);
  return lines;
}

/** Columns sized to their widest cell, separated by two spaces, with a rule under the head. */
function table(head: string[], rows: string[][], align: Align[]): string[] {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (align[i] === "right" ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  return [line(head), widths.map((w) => "─".repeat(w)).join("  "), ...rows.map(line)];
}

export function summaryText(s: SummaryData): string {
  const out: string[] = [];
  out.push(`Model: ${s.model}  (${s.file})`);
  out.push(
    `Vocabulary: source ${formatCount(s.sourceVocab)}, target ${formatCount(s.targetVocab)}`,
  );
  out.push("");
  out.push(
    ...table(
      ["Layer", "Kind", "Output shape", "Params", "MACs/token"],
      s.layers.map((l) => [
        l.path,
        l.kind,
        formatShape(l.outputShape),
        formatCount(l.params),
        formatSi(l.macsPerToken),
      ]),
      ["left", "left", "left", "right", "right"],
    ),
  );
  out.push(
    ...wrap(
      `MACs/token: per source token for encoder-side layers, per target token (teacher-forced) ` +
        `for decoder-side layers, at batch 1 and length ${s.tokens.length}.`,
    ),
  );
  out.push("");
  out.push(...paramLines(s));
  out.push("");
  out.push(...computeLines(s));
  return out.join("\n") + "\n";
}

function paramLines(s: SummaryData): string[] {
  const p = s.params;
  const rows: string[][] = [
    ["Parameters", formatCount(p.trainable), "trainable; a tied tensor counts once"],
  ];
  for (const [section, n] of p.bySection) rows.push([`  ${section}`, formatCount(n), ""]);
  if (p.buffers > 0)
    rows.push(["Buffers", formatCount(p.buffers), "fixed tables: not trained, not parameters"]);
  rows.push([
    "Weights",
    formatBytes(p.weightBytes),
    `${formatCount(p.weightBytes)} bytes${p.buffers > 0 ? ", parameters and buffers" : ""}`,
  ]);
  const w0 = Math.max(...rows.map((r) => r[0]!.length));
  const w1 = Math.max(...rows.map((r) => r[1]!.length));
  return rows.map(([a, b, c]) => `${a!.padEnd(w0)}  ${b!.padStart(w1)}${c ? `  (${c})` : ""}`);
}

function computeLines(s: SummaryData): string[] {
  const t = s.tokens;
  const L = t.length;
  const out = [`Compute at batch 1, source and target length L = ${L} (set L with --length):`];
  const fig = (m: number) => [formatSi(m), formatSi(2 * m)];
  out.push(
    ...table(
      ["", "MACs", "FLOPs", ""],
      [
        ["per source token", ...fig(t.perSourceToken), "encode(S = L) / L"],
        ["per target token", ...fig(t.perTargetToken), "teacher-forced decode(S = T = L) / L"],
        [
          "per generated token",
          ...fig(t.perGeneratedToken),
          `decode_step(S = L, P), mean over P = 0..${L - 1}`,
        ],
        [
          "per sequence pair",
          ...fig(t.perSequencePair),
          "encode + decode: one training example, forward",
        ],
      ],
      ["left", "right", "right", "left"],
    ).map((l) => `  ${l}`),
  );
  out.push("");
  out.push("MACs by section, per token:");
  out.push(
    ...table(
      ["", "source token", "target token", "generated token"],
      s.sections.map((c) => [
        c.section,
        formatSi(c.perSourceToken),
        formatSi(c.perTargetToken),
        formatSi(c.perGeneratedToken),
      ]),
      ["left", "right", "right", "right"],
    ).map((l) => `  ${l}`),
  );
  out.push("");
  out.push("MACs as polynomials (B = 1):");
  out.push(`  encode      = ${formatPoly(t.encode)}`);
  out.push(`  decode      = ${formatPoly(t.decode)}`);
  out.push(`  decode_step = ${formatPoly(t.decodeStep)}`);
  out.push("");
  out.push(...wrap(`Counted: ${COUNTED}`));
  return out;
}
