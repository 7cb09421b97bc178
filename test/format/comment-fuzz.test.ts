/**
 * Comments in every place: a comment of each kind (block or line, in a line or on a
 * line of its own) is inserted at every token boundary of a few files, and each result
 * must format idempotently and keep its meaning (comments in order, none merged).
 * This is what found most of the rules in src/format/attach.ts.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { tokenize } from "../../src/parser/index.js";
import { FIXTURES, ROOT, format, meaningOf } from "./helpers.js";

const FILES = [
  join(ROOT, "specs/papers/luong.s2s"),
  join(ROOT, "specs/tiny/transformer_tiny.s2s"),
  join(FIXTURES, "long-lines.s2s"),
];

const COMMENTS = [" /* c */ ", " // c\n", "\n// c\n", "\n/* c */\n"];

/** Every text obtained by inserting one comment at one token boundary. */
function variants(text: string): string[] {
  const cuts = new Set<number>();
  for (const t of tokenize(text, "t.s2s").tokens) {
    cuts.add(t.range.start.offset);
    cuts.add(t.range.end.offset);
  }
  return [...cuts].flatMap((at) => COMMENTS.map((c) => text.slice(0, at) + c + text.slice(at)));
}

describe("a comment at every token boundary", () => {
  it.each(FILES.map((f) => [f.slice(ROOT.length), f]))(
    "%s",
    async (_name, file) => {
      const failures: string[] = [];
      for (const input of variants(readFileSync(file, "utf8"))) {
        const once = await format(input);
        const twice = await format(once);
        if (twice !== once) failures.push(`not idempotent:\n${input}`);
        else if (JSON.stringify(meaningOf(once)) !== JSON.stringify(meaningOf(input)))
          failures.push(`meaning changed:\n${input}`);
      }
      expect(failures.slice(0, 3)).toEqual([]);
    },
    120_000,
  );
});
