/**
 * Tokenisation and vocabularies. Ids 0–3 are the special tokens of numerics.md
 * (`<pad> <bos> <eos> <unk>`); the data's tokens follow in code-point order, so the
 * same data always gives the same ids. A vocabulary is saved with every checkpoint.
 */

export const SPECIAL_TOKENS = ["<pad>", "<bos>", "<eos>", "<unk>"] as const;
export const UNK = 3;

export type Tokenizer = "char" | "space";
export const TOKENIZERS: readonly Tokenizer[] = ["char", "space"];

/** Splits a line into tokens: one per code point, or the whitespace-separated words. */
export function tokenize(text: string, how: Tokenizer): string[] {
  if (how === "char") return [...text];
  const t = text.trim();
  return t === "" ? [] : t.split(/\s+/);
}

/** The inverse of `tokenize` (exact for `char`; single spaces for `space`). */
export function detokenize(tokens: readonly string[], how: Tokenizer): string {
  return tokens.join(how === "char" ? "" : " ");
}

export interface VocabJson {
  tokens: string[];
}

export class Vocabulary {
  private readonly ids: Map<string, number>;

  /** `tokens` includes the four specials first. */
  constructor(readonly tokens: readonly string[]) {
    this.ids = new Map(tokens.map((t, i) => [t, i]));
  }

  /** A vocabulary of the specials and every token of `sequences`, in code-point order. */
  static build(sequences: Iterable<readonly string[]>): Vocabulary {
    const seen = new Set<string>();
    for (const s of sequences) for (const t of s) seen.add(t);
    for (const s of SPECIAL_TOKENS) seen.delete(s);
    const rest = [...seen].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new Vocabulary([...SPECIAL_TOKENS, ...rest]);
  }

  static fromJson(j: VocabJson): Vocabulary {
    return new Vocabulary(j.tokens);
  }

  get size(): number {
    return this.tokens.length;
  }

  id(token: string): number {
    return this.ids.get(token) ?? UNK;
  }

  has(token: string): boolean {
    return this.ids.has(token);
  }

  encode(tokens: readonly string[]): number[] {
    return tokens.map((t) => this.id(t));
  }

  /** Tokens of ids, dropping specials other than <unk>. */
  decode(ids: readonly number[]): string[] {
    return ids.filter((i) => i >= UNK).map((i) => this.tokens[i] ?? SPECIAL_TOKENS[UNK]);
  }

  equals(other: Vocabulary): boolean {
    return (
      this.tokens.length === other.tokens.length &&
      this.tokens.every((t, i) => other.tokens[i] === t)
    );
  }

  toJson(): VocabJson {
    return { tokens: [...this.tokens] };
  }
}
