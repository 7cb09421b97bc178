/** Plain-text tables for the text report: columns sized to their widest cell. */

export type Align = "left" | "right";

export interface Cell {
  text: string;
  /** Colours the padded cell; padding is computed on the plain text. */
  paint?: (s: string) => string;
}

export function textTable(
  rows: readonly (readonly (string | Cell)[])[],
  align: readonly Align[],
  indent = "  ",
): string[] {
  const cells = rows.map((r) => r.map((c) => (typeof c === "string" ? { text: c } : c)));
  const widths: number[] = [];
  for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, c.text.length)));
  return cells.map((r) => {
    const line = r
      .map((c, i) => {
        // The last column is not padded on the left-aligned side, so no line ends in blanks.
        const last = i === r.length - 1;
        const padded =
          align[i] === "right"
            ? c.text.padStart(widths[i]!)
            : last
              ? c.text
              : c.text.padEnd(widths[i]!);
        return c.paint ? c.paint(padded) : padded;
      })
      .join("  ");
    return (indent + line).trimEnd();
  });
}
