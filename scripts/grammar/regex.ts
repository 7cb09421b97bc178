/**
 * Word lists as Oniguruma regexes and back. The generator writes every list as
 * `\b(?:a|b|c)\b` (words) or `(?:\*\*|\*|/)` (symbols), and the drift check reads the
 * lists back out of the grammar, so the two directions must stay exact inverses.
 */

const SPECIAL = /[\\^$.*+?()[\]{}|/-]/g;

export function escapeRegex(text: string): string {
  return text.replace(SPECIAL, (c) => `\\${c}`);
}

/** `\b(?:a|b)\b` for identifiers-like words (sorted, so the output is stable). */
export function wordsRegex(words: Iterable<string>): string {
  return `\\b(?:${[...new Set(words)].sort().map(escapeRegex).join("|")})\\b`;
}

/** `(?:a|b)` for symbols, in the given order (longer symbols must come first: `**`, `*`). */
export function symbolsRegex(symbols: Iterable<string>): string {
  return `(?:${[...symbols].map(escapeRegex).join("|")})`;
}

/** The alternatives of a regex written by `wordsRegex` or `symbolsRegex`, or undefined. */
export function alternatives(regex: string): string[] | undefined {
  const m = /^(?:\\b)?\(\?:(.*)\)(?:\\b)?$/.exec(regex);
  if (m === null) return undefined;
  const out: string[] = [];
  let current = "";
  for (let i = 0; i < m[1]!.length; i++) {
    const c = m[1]![i]!;
    if (c === "\\") current += m[1]![++i] ?? "";
    else if (c === "|") {
      out.push(current);
      current = "";
    } else if ("()[]".includes(c))
      return undefined; // not a plain list
    else current += c;
  }
  out.push(current);
  return out;
}
