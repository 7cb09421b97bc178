/**
 * Short forms of lists of layer paths for the reports: a change repeated in every layer
 * of a stack is written once, `encoder/layer{0..5}/self_attention`, rather than six times.
 */

const NUMBERED = /^([^/]+\/layer)(\d+)((?:\/.*)?)$/;

/** `[0, 1, 2, 4]` → `0..2,4`. */
export function formatRanges(ns: readonly number[]): string {
  const sorted = [...new Set(ns)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j === i ? String(sorted[i]) : `${sorted[i]}..${sorted[j]}`);
    i = j + 1;
  }
  return parts.join(",");
}

/** The key paths share when they differ only in their layer number, or undefined. */
export function numberedKey(path: string): { key: string; n: number } | undefined {
  const m = NUMBERED.exec(path);
  return m === null ? undefined : { key: `${m[1]}\u0000${m[3]}`, n: Number(m[2]) };
}

/** Paths that differ only in the layer number merged, in order of first appearance. */
export function compressPaths(paths: readonly string[]): string[] {
  const groups = new Map<string, { prefix: string; suffix: string; ns: number[] } | string>();
  for (const p of paths) {
    const m = NUMBERED.exec(p);
    if (m === null) {
      groups.set(`=${p}`, p);
      continue;
    }
    const key = `${m[1]}\u0000${m[3]}`;
    const g = groups.get(key);
    if (g === undefined || typeof g === "string")
      groups.set(key, { prefix: m[1]!, suffix: m[3]!, ns: [Number(m[2])] });
    else g.ns.push(Number(m[2]));
  }
  return [...groups.values()].map((g) => {
    if (typeof g === "string") return g;
    return new Set(g.ns).size === 1
      ? `${g.prefix}${g.ns[0]}${g.suffix}`
      : `${g.prefix}{${formatRanges(g.ns)}}${g.suffix}`;
  });
}
