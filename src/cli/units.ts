/**
 * Parsing the quantities the CLI takes: byte sizes (`--memory-budget 4GiB`) and
 * counts. Printing them is src/summary/units.ts.
 */
import { InvalidArgumentError } from "commander";

const BYTE_UNITS: Record<string, number> = {
  b: 1,
  kb: 1e3,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  kib: 1024,
  mib: 1024 ** 2,
  gib: 1024 ** 3,
  tib: 1024 ** 4,
};

/**
 * A byte size: plain bytes (`1073741824`) or a number with a unit, binary (`KiB`, `MiB`,
 * `GiB`, `TiB`) or decimal (`KB`, `MB`, `GB`, `TB`), case-insensitive. Undefined when
 * the text is not a positive size. Bare `G`/`M` are refused: they are ambiguous.
 */
export function parseBytes(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*([a-z]*)\s*$/i.exec(text.replace(/_/g, ""));
  if (m === null) return undefined;
  const unit = m[2]!.toLowerCase() || "b";
  const scale = BYTE_UNITS[unit];
  if (scale === undefined) return undefined;
  const bytes = Math.floor(Number(m[1]) * scale);
  return bytes > 0 && Number.isSafeInteger(bytes) ? bytes : undefined;
}

/** A commander argument parser for byte sizes (a bad value is a usage error). */
export function bytesOption(text: string): number {
  const n = parseBytes(text);
  if (n === undefined) {
    throw new InvalidArgumentError(
      "expected a positive size such as 4GiB, 512MiB, 2GB or 1073741824 (bytes)",
    );
  }
  return n;
}

/** A commander argument parser for a positive integer. */
export function positiveIntOption(text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n) || n < 1) {
    throw new InvalidArgumentError("expected a positive integer");
  }
  return n;
}

export function nonNegativeIntOption(text: string): number {
  const n = Number(text);
  if (!/^\s*\d+\s*$/.test(text) || !Number.isSafeInteger(n)) {
    throw new InvalidArgumentError("expected a non-negative integer");
  }
  return n;
}
