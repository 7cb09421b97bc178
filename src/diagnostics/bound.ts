/**
 * Keeps what a diagnostic prints proportional to a screen, not to the input: a 1 MiB
 * identifier in a spec must not put megabytes on stderr (#20). Messages shorten the
 * user text they quote; snippets show a window of the line around the caret.
 */

/** Quoted text (between backticks) longer than this is shortened to its two ends. */
export const MAX_QUOTED = 48;
/** A message or hint longer than this (after shortening quotes) is cut. */
export const MAX_MESSAGE = 1000;
/** Columns of a source line a snippet shows at most (the `…` marks excluded). */
export const SNIPPET_COLUMNS = 120;
/** Columns shown before the caret when the line has to be cut. */
const LEAD = 40;

/** `text` with its middle replaced by `…` when longer than `max`. */
export function shorten(text: string, max: number = MAX_QUOTED): string {
  if (text.length <= max) return text;
  const head = Math.ceil((max - 1) / 2);
  const tail = max - 1 - head;
  return `${text.slice(0, head)}…${text.slice(text.length - tail)}`;
}

/** A message with each long `quoted` span shortened and the whole bounded. */
export function boundMessage(message: string): string {
  if (message.length <= MAX_QUOTED) return message;
  const quoted = message.replace(/`([^`]*)`/g, (_, q: string) => `\`${shorten(q)}\``);
  return quoted.length <= MAX_MESSAGE ? quoted : `${quoted.slice(0, MAX_MESSAGE - 1)}…`;
}

/**
 * The part of `line` a snippet shows for a caret at 0-based `at`, `width` columns wide:
 * the text (with `…` where the line was cut), where the caret goes in it, and how many
 * columns of the underline fit.
 */
export function snippetWindow(
  line: string,
  at: number,
  width: number,
  columns: number = SNIPPET_COLUMNS,
): { text: string; caret: number; width: number } {
  if (line.length <= columns) return { text: line, caret: at, width };
  const from = Math.max(0, Math.min(at - LEAD, line.length - columns));
  const to = from + columns;
  const before = from > 0 ? "…" : "";
  const after = to < line.length ? "…" : "";
  return {
    text: before + line.slice(from, to) + after,
    caret: before.length + at - from,
    width: Math.max(1, Math.min(width, to - at)),
  };
}
