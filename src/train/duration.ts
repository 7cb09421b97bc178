/** Seconds as people read them in a log line: `42s`, `3m07s`, `1h05m`; `?` when unknown. */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return "?";
  const s = Math.round(seconds);
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const r = s % 60;
  return h > 0
    ? `${h}h${String(m).padStart(2, "0")}m`
    : m > 0
      ? `${m}m${String(r).padStart(2, "0")}s`
      : `${r}s`;
}
